package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.analysis.AnalysisScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sections that compare models: scores side by side, their agreement and the pairs they
 * disagree on most. Alpha and beta score pairs {@code same} and {@code opposite}; only alpha scores
 * {@code alone}.
 */
class ModelComparisonSectionsTest {
    @TempDir Path dir;
    private ReportTestStore store;
    private StoredModel alpha;
    private StoredModel beta;
    private StoredPair same;
    private StoredPair opposite;
    private StoredPair alone;

    @BeforeEach
    void fill() {
        store = new ReportTestStore(dir);
        alpha = store.model("alpha");
        beta = store.model("beta");
        same = store.pair("s", "a", "b");
        opposite = store.pair(null, "c", "d");
        alone = store.pair("s", "e", "f");
        store.score(same, alpha, 1, 0);
        store.score(same, beta, 2, 0);
        store.score(opposite, alpha, 0, 1);
        store.score(opposite, beta, 2, 0);
        store.score(alone, alpha, 1, 0);
        store.pair("s", "unscored", "pair");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sideBySideHasEveryScoredPairWithBlanksForModelsThatDidNotScoreIt() {
        ReportContext context = store.context(dir);

        new SideBySideSection().write(context);

        List<Map<String, String>> rows = CsvRows.read(dir.resolve("scores_side_by_side.csv"));
        assertEquals(3, rows.size());
        Map<String, String> last = rows.get(2);
        assertEquals(String.valueOf(alone.id()), last.get("pair_id"));
        assertEquals("1", last.get("alpha margin"));
        assertEquals("", last.get("beta chosen"));
        assertEquals("", rows.get(1).get("source"), "no source: blank");
    }

    @Test
    void agreementIsAMatrixOfEveryModelAgainstEveryModel() {
        ReportContext context = store.context(dir);

        new ModelAgreementSection().write(context);

        String markdown = context.markdown().toString();
        assertTrue(markdown.contains("| **alpha** | 100.0 % (3/3) | 50.0 % (1/2) |"), markdown);
        List<Map<String, String>> rows = CsvRows.read(dir.resolve("model_agreement.csv"));
        assertEquals(4, rows.size());
        assertEquals("0.5", rows.get(1).get("agreement"));
    }

    @Test
    void conflictsRankPairsBySpreadUpToTheTopRows() {
        ReportContext context = store.context(dir, AnalysisScope.all(), new ReportOptions(5, 1));

        new ModelConflictsSection().write(context);

        List<Map<String, String>> rows = CsvRows.read(dir.resolve("model_conflicts.csv"));
        assertEquals(1, rows.size(), "--top 1");
        assertEquals(String.valueOf(opposite.id()), rows.get(0).get("pair_id"));
        assertEquals("true", rows.get(0).get("opposite"));
        assertEquals("", rows.get(0).get("source"));
        assertTrue(
                context.markdown().toString().contains("| 1 | " + opposite.id() + " | (none) |"));
    }

    @Test
    void withOneModelThereIsNothingToCompareButTheFilesAreStillWritten() {
        ReportContext context =
                store.context(
                        dir,
                        AnalysisScope.all().withModels(List.of(alpha.id())),
                        ReportOptions.DEFAULTS);

        new ModelAgreementSection().write(context);
        new ModelConflictsSection().write(context);

        String markdown = context.markdown().toString();
        assertTrue(
                markdown.contains("same side.\n\nOnly one model is analysed.\n\nData:"), markdown);
        assertTrue(
                markdown.contains(
                        "### Pairs the models disagree on most\n\nOnly one model is analysed.\n\n"
                                + "Data: [model_conflicts.csv](model_conflicts.csv)"),
                markdown);
        assertEquals(List.of(), CsvRows.read(dir.resolve("model_conflicts.csv")));
        assertEquals(1, CsvRows.read(dir.resolve("model_agreement.csv")).size());
        assertEquals(2, context.csvFiles().size());
    }
}
