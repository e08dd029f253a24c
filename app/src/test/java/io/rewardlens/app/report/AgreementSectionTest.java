package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's agreement section on a store three annotators judged. */
class AgreementSectionTest {
    @TempDir Path dir;

    @Test
    void kappaMatrixSourcesAndAnnotatorsAgainstMajorityAndLabel() throws Exception {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            StoredPair one = store.pair("math", "a", "b");
            StoredPair two = store.pair("chat", "c", "d");
            StoredPair three = store.pair("chat", "e", "f");
            // chosen x3; chosen, chosen, rejected; rejected, rejected, tie (shown as A: chosen).
            for (String who : List.of("ann", "bob", "cy")) {
                store.verdict(one, who, Verdict.A_BETTER, Side.CHOSEN);
            }
            store.verdict(two, "ann", Verdict.A_BETTER, Side.CHOSEN);
            store.verdict(two, "bob", Verdict.B_BETTER, Side.REJECTED); // prefers chosen too
            store.verdict(two, "cy", Verdict.B_BETTER, Side.CHOSEN);
            store.verdict(three, "ann", Verdict.B_BETTER, Side.CHOSEN);
            store.verdict(three, "bob", Verdict.B_BETTER, Side.CHOSEN);
            store.verdict(three, "cy", Verdict.TIE, Side.CHOSEN);
            store.verdict(three, "adjudicator", Verdict.TIE, Side.CHOSEN);

            ReportContext context = store.context(dir.resolve("out"));
            new AgreementSection().write(context);
            String md = context.markdown().toString();
            assertTrue(md.contains("3 pairs were judged by two people or more"), md);
            // Fleiss by hand: (5/9 - 35/81) / (1 - 35/81) = 10/46 = 0.217.
            assertTrue(md.contains("| Fleiss' kappa (3 verdicts per pair) | 3 | 0.217 |"), md);
            assertTrue(md.contains("| percent agreement | 3 | 0.556 |"), md);
            assertTrue(md.contains("| ann | – | 1.000 | 0.000 |"), md);
            assertTrue(md.contains("| chat | 2 | 0.333 |"), md);
            assertTrue(md.contains("| cy | 3 | 0.333 of 3 | 0.500 of 2 |"), md);
            assertTrue(md.contains("| ann | 3 | 1.000 of 3 | 0.667 of 3 |"), md);

            List<Map<String, String>> rows = CsvRows.read(dir.resolve("out/agreement.csv"));
            Map<String, String> fleiss =
                    rows.stream()
                            .filter(r -> r.get("measure").startsWith("Fleiss"))
                            .findFirst()
                            .orElseThrow();
            assertEquals(10.0 / 46, Double.parseDouble(fleiss.get("value")), 1e-12);
        }
    }

    @Test
    void noSharedPairSaysSo() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            store.verdict(store.pair("s", "a", "b"), "ann", Verdict.A_BETTER, Side.CHOSEN);
            ReportContext context = store.context(dir.resolve("out"));
            new AgreementSection().write(context);
            assertTrue(
                    context.markdown()
                            .toString()
                            .contains("No pair in scope was judged by two people or more."));
        }
    }
}
