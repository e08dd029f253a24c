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

class HumanVsLabelSectionTest {
    @TempDir Path dir;

    @Test
    void tablesVerdictsOverallAndPerSourceWithAgreementOverVerdictsPreferringASide() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            StoredPair math = store.pair("math", "a", "b");
            StoredPair chat = store.pair("chat", "c", "d");
            store.score(math, store.model("alpha"), 1, 0);
            store.verdict(math, "ann1", Verdict.A_BETTER, Side.CHOSEN);
            store.verdict(math, "ann2", Verdict.A_BETTER, Side.REJECTED);
            store.verdict(chat, "ann1", Verdict.TIE, Side.CHOSEN);
            ReportContext context = store.context(dir);

            new HumanVsLabelSection().write(context);

            String markdown = context.markdown().toString();
            assertTrue(
                    markdown.contains("| **all** | 2 | 3 | 1 | 1 | 1 | 0 | 0 | 50.0 % (1/2) |"),
                    markdown);
            assertTrue(markdown.contains("| math | 1 | 2 | 1 | 1 | 0 | 0 | 0 | 50.0 % (1/2) |"));
            assertTrue(markdown.contains("| chat | 1 | 1 | 0 | 0 | 1 | 0 | 0 | – (0) |"));
            List<Map<String, String>> rows = CsvRows.read(dir.resolve("human_vs_label.csv"));
            assertEquals(
                    List.of("all", "source", "source"),
                    rows.stream().map(r -> r.get("scope")).toList());
            assertEquals("0.5", rows.get(0).get("agreement"));
        }
    }

    @Test
    void saysSoWhenNoPairHasAVerdictAndStillWritesTheTotals() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            store.score(store.pair("s", "a", "b"), store.model("alpha"), 1, 0);
            ReportContext context = store.context(dir);

            new HumanVsLabelSection().write(context);

            assertEquals(
                    "## Human verdicts vs dataset labels\n\n"
                            + "No pair in scope has a human verdict.\n\n\n"
                            + "Data: [human_vs_label.csv](human_vs_label.csv)\n\n",
                    context.markdown().toString());
            Map<String, String> all = CsvRows.read(dir.resolve("human_vs_label.csv")).get(0);
            assertEquals("0", all.get("verdicts"));
            assertEquals("", all.get("agreement"));
        }
    }
}
