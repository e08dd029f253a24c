package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.analysis.AnalysisScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationSectionTest {
    @TempDir Path dir;

    @Test
    void bucketsEachModelsVerdictsAndSaysWhatItLeavesOut() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            StoredModel alpha = store.model("alpha");
            StoredModel beta = store.model("beta");
            StoredPair small = store.pair("s", "a", "b");
            StoredPair large = store.pair("s", "c", "d");
            StoredPair tie = store.pair("s", "e", "f");
            StoredPair unjudged = store.pair("s", "g", "h");
            store.score(small, alpha, 1, 0);
            store.score(large, alpha, 0, 5);
            store.score(tie, alpha, 2, 2);
            store.score(unjudged, beta, 1, 0);
            store.verdict(small, "ann", Verdict.A_BETTER, Side.CHOSEN);
            store.verdict(large, "ann", Verdict.A_BETTER, Side.CHOSEN);
            store.verdict(tie, "ann", Verdict.A_BETTER, Side.CHOSEN);
            ReportContext context =
                    store.context(dir, AnalysisScope.all(), new ReportOptions(2, 20));

            new CalibrationSection().write(context);

            String markdown = context.markdown().toString();
            assertTrue(markdown.contains("cut into up to 2 buckets"), markdown);
            assertTrue(markdown.contains("| 1 | 1.000 – 1.000 | 100.0 % (1/1) |"), markdown);
            assertTrue(markdown.contains("| 2 | 5.000 – 5.000 | 0.0 % (0/1) |"), markdown);
            assertTrue(
                    markdown.contains("Left out: 1 verdicts on pairs the model scored as a tie."),
                    markdown);
            assertTrue(
                    markdown.contains(
                            "### beta\n\nNo human verdict prefers a side of a pair this model"
                                    + " scored.\n\n"),
                    markdown);
            assertEquals(
                    List.of(dir.resolve("calibration_m" + alpha.id() + "-alpha.png")),
                    context.plots(),
                    "no plot for a model without buckets");
            List<Map<String, String>> rows = CsvRows.read(dir.resolve("calibration.csv"));
            assertEquals(List.of("0", "1"), rows.stream().map(r -> r.get("bucket")).toList());
            assertEquals(String.valueOf(alpha.id()), rows.get(0).get("model_id"));
        }
    }
}
