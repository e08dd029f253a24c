package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.ToolVersion;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopeSectionTest {
    @TempDir Path dir;
    private ReportTestStore store;

    @BeforeEach
    void fill() {
        store = new ReportTestStore(dir);
        StoredModel alpha = store.model("alpha");
        StoredPair scored = store.pair("math", "a", "b");
        StoredPair annotated = store.pair("chat", "c", "d");
        store.pair("chat", "neither scored", "nor annotated: not analysed");
        store.score(scored, alpha, 1, 0);
        store.score(store.pair("other", "x", "g", "h"), alpha, 0, 1);
        store.verdict(annotated, "ann", Verdict.A_BETTER, Side.CHOSEN);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void titlesTheReportAndCountsScoredAndAnnotatedPairsOfEveryDataset() {
        Instant withNanos = Instant.parse("2026-01-02T03:04:05.678Z");
        AnalysisData data =
                AnalysisData.load(store.store(), AnalysisScope.all(), ProgressListener.NONE);
        ReportContext context =
                new ReportContext(
                        store.store(),
                        new PreferenceAnalysis(data),
                        ReportOptions.DEFAULTS,
                        withNanos,
                        dir);

        new ScopeSection().write(context);

        assertEquals(
                "# RewardLens report\n\n"
                        + "Store: `store.db` · generated 2026-01-02T03:04:05Z by RewardLens "
                        + ToolVersion.current()
                        + "\n\n"
                        + "- Datasets: all\n"
                        + "- Pairs analysed: 3 (scored by at least one model: 2, with human"
                        + " verdicts: 1)\n\n",
                context.markdown().toString());
    }

    @Test
    void namesTheChosenDatasetsAndSourcesSorted() {
        ReportContext context =
                store.context(
                        dir,
                        AnalysisScope.all()
                                .withDatasets(Set.of("d", "other"))
                                .withSources(Set.of("math", "chat")),
                        ReportOptions.DEFAULTS);

        new ScopeSection().write(context);

        String markdown = context.markdown().toString();
        assertTrue(
                markdown.contains("- Datasets: `d`, `other`\n- Sources: `chat`, `math`\n"),
                markdown);
        assertTrue(
                markdown.contains(
                        "- Pairs analysed: 2 (scored by at least one model: 1, with human"
                                + " verdicts: 1)"),
                markdown);
    }
}
