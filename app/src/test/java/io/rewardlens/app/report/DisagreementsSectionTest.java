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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisagreementsSectionTest {
    @TempDir Path dir;

    @Test
    void listsEachModelsMostConfidentlyWrongPairsInScopeUpToTheTopRows() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            StoredModel alpha = store.model("alpha");
            StoredModel beta = store.model("beta");
            StoredPair bad = store.pair("s", "aa", "b");
            StoredPair worse = store.pair("s", "c", "ddd");
            StoredPair elsewhere = store.pair("other", "s", "e", "f");
            store.score(bad, alpha, 0, 1);
            store.score(worse, alpha, 0, 4);
            store.score(elsewhere, alpha, 0, 9);
            store.score(bad, beta, 1, 0);
            store.verdict(worse, "ann", Verdict.B_BETTER, Side.CHOSEN);
            ReportContext context =
                    store.context(
                            dir,
                            AnalysisScope.all().withDatasets(Set.of("d")),
                            new ReportOptions(5, 1));

            new DisagreementsSection().write(context);

            List<Map<String, String>> rows = CsvRows.read(dir.resolve("disagreements.csv"));
            assertEquals(1, rows.size(), "at most --top per model; beta is never wrong");
            Map<String, String> row = rows.get(0);
            assertEquals(String.valueOf(worse.id()), row.get("pair_id"));
            assertEquals("label", row.get("kind"));
            assertEquals("4", row.get("wrongness"));
            assertEquals("ann: rejected better", row.get("human_verdicts"));
            String markdown = context.markdown().toString();
            assertTrue(markdown.contains("(at most 1 per model)"), markdown);
            assertTrue(
                    markdown.contains(
                            "| 1 | label | "
                                    + worse.id()
                                    + " | s | 0.000 | 4.000 | -4.000 | 1 / 3 |"
                                    + " ann: rejected better |"),
                    markdown);
            assertTrue(markdown.contains("### beta\n\nNo disagreements.\n\n"), markdown);
        }
    }
}
