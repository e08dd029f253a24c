package io.rewardlens.ui.inspect;

import static io.rewardlens.testsupport.ConstructedStore.addPair;
import static io.rewardlens.testsupport.ConstructedStore.judges;
import static io.rewardlens.testsupport.ConstructedStore.prefers;
import static io.rewardlens.testsupport.ConstructedStore.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.analysis.Accuracy;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.BiasPoint;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.Calibration;
import io.rewardlens.storage.analysis.CalibrationBucket;
import io.rewardlens.storage.analysis.Correlation;
import io.rewardlens.storage.analysis.LengthSplitAccuracy;
import io.rewardlens.storage.analysis.ModelAccuracy;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import io.rewardlens.storage.analysis.SourceAccuracy;
import io.rewardlens.storage.analysis.VerdictCounts;
import io.rewardlens.testsupport.ConstructedStore;
import io.rewardlens.ui.inspect.CategorySeries.CategoryValue;
import io.rewardlens.ui.inspect.PointSeries.Point;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports' view model without the toolkit on a hand-built SQLite store: the charts' series
 * carry the figures worked out by hand below, and equal, number for number, what {@link
 * PreferenceAnalysis} computes on the same store.
 */
class AnalysisViewModelTest {
    private static final double EPS = 1e-12;

    @TempDir Path dir;

    private PreferenceStore store;
    private final List<String> errors = new ArrayList<>();
    private AnalysisViewModel vm;
    private final List<StoredPair> p = new ArrayList<>();
    private StoredModel alpha;
    private StoredModel beta;

    /*
     * Dataset d (chosen / rejected completion, lengths in characters):
     *   P0 math "aaaaaaaaaa" (10) / "bbbbb" (5)  alpha 2 vs 1 (+1)  beta 1 vs 3 (-2)
     *   P1 math "cc" (2) / "dddddddd" (8)        alpha 0 vs 3 (-3)  beta 4 vs 0 (+4)
     *   P2 chat "**x**" (5) / "yyyyy" (5)        alpha 1 vs 1 (tie) beta 2 vs 1 (+1)
     *   P3 none "- a\n- b" (7) / "# h\nzz" (6)   alpha 5 vs 1 (+4)
     *   P4 chat "e" / "f"                        not scored
     * Verdicts (preferred side): P0 ann1 chosen, ann2 rejected; P1 ann1 rejected; P2 ann1 chosen,
     * ann2 tie; P3 ann1 both bad; P4 ann1 chosen, ann2 skip.
     */
    @BeforeEach
    void build() {
        store = PreferenceStore.open(dir.resolve("analysis.db"));
        p.add(addPair(store, "d", 0, "math", "aaaaaaaaaa", "bbbbb"));
        p.add(addPair(store, "d", 1, "math", "cc", "dddddddd"));
        p.add(addPair(store, "d", 2, "chat", "**x**", "yyyyy"));
        p.add(addPair(store, "d", 3, null, "- a\n- b", "# h\nzz"));
        p.add(addPair(store, "d", 4, "chat", "e", "f"));
        alpha = ConstructedStore.model(store, "alpha");
        beta = ConstructedStore.model(store, "beta");
        store.saveScores(
                List.of(
                        score(p.get(0), alpha, 2, 1),
                        score(p.get(1), alpha, 0, 3),
                        score(p.get(2), alpha, 1, 1),
                        score(p.get(3), alpha, 5, 1),
                        score(p.get(0), beta, 1, 3),
                        score(p.get(1), beta, 4, 0),
                        score(p.get(2), beta, 2, 1)));
        prefers(store, p.get(0), "ann1", Side.CHOSEN);
        prefers(store, p.get(0), "ann2", Side.REJECTED);
        prefers(store, p.get(1), "ann1", Side.REJECTED);
        prefers(store, p.get(2), "ann1", Side.CHOSEN);
        judges(store, p.get(2), "ann2", Verdict.TIE);
        judges(store, p.get(3), "ann1", Verdict.BOTH_BAD);
        prefers(store, p.get(4), "ann1", Side.CHOSEN);
        judges(store, p.get(4), "ann2", Verdict.SKIP);

        vm = new AnalysisViewModel(new DirectExecutor(), errors::add);
        vm.setStore(store);
    }

    @AfterEach
    void close() {
        store.close();
        assertEquals(List.of(), errors);
    }

    private static double value(CategorySeries series, String category) {
        return series.values().stream()
                .filter(bar -> bar.category().equals(category))
                .findFirst()
                .orElseThrow(() -> new AssertionError(category + " not in " + series))
                .value();
    }

    @Test
    void computesNothingUntilAskedThenShowsTheHandWorkedFigures() {
        assertNull(vm.chartsProperty().get());
        assertTrue(vm.staleProperty().get());
        vm.computeOnce();
        assertFalse(vm.staleProperty().get());
        assertNull(vm.jobProperty().get());
        assertEquals(
                "All datasets: 2 models, 4 scored pairs, 5 annotated pairs",
                vm.statusProperty().get());
        InspectionCharts charts = vm.chartsProperty().get();

        CategorySeries vsLabels = charts.accuracyOverall().get(0);
        CategorySeries vsHumans = charts.accuracyOverall().get(1);
        assertEquals(InspectionCharts.VS_LABELS, vsLabels.name());
        assertEquals(InspectionCharts.VS_HUMANS, vsHumans.name());
        // alpha: P0 and P3 right of 4 scored (the tie counts as not right); beta: 2 of 3.
        assertEquals(0.5, value(vsLabels, "alpha"), EPS);
        assertEquals(2.0 / 3, value(vsLabels, "beta"), EPS);
        // Verdicts preferring a side on scored pairs: alpha agrees with P0 ann1 and P1 ann1 of 4,
        // beta with P0 ann2 and P2 ann1 of 4.
        assertEquals(0.5, value(vsHumans, "alpha"), EPS);
        assertEquals(0.5, value(vsHumans, "beta"), EPS);
        assertEquals("2 of 4 pairs", vsLabels.values().get(0).detail());

        // Length split of alpha: chosen longer P0 (+1) and P3 (+4) right, shorter P1 wrong,
        // same length P2 a tie.
        CategorySeries alphaSplit = charts.lengthSplit().get(0);
        assertEquals("alpha", alphaSplit.name());
        assertEquals(1.0, value(alphaSplit, "chosen longer"), EPS);
        assertEquals(0.0, value(alphaSplit, "chosen shorter"), EPS);
        assertEquals(0.0, value(alphaSplit, "same length"), EPS);

        // Eight verdicts on five pairs: 3 prefer chosen, 2 rejected, 1 tie, 1 both bad, 1 skip.
        List<Double> all =
                charts.verdictsBySource().stream()
                        .map(series -> value(series, InspectionCharts.ALL_SOURCES))
                        .toList();
        assertEquals(List.of(3.0, 2.0, 1.0, 1.0, 1.0), all);
        assertEquals(1.0, value(charts.verdictsBySource().get(3), InspectionCharts.NO_SOURCE));

        // Labels by source for alpha: math P0 right, P1 wrong; chat the tie; no source P3 right.
        CategorySeries alphaBySource = charts.labelAccuracyBySource().get(0);
        assertEquals(0.5, value(alphaBySource, "math"), EPS);
        assertEquals(0.0, value(alphaBySource, "chat"), EPS);
        assertEquals(1.0, value(alphaBySource, InspectionCharts.NO_SOURCE), EPS);

        ModelComparison comparison = vm.comparisonProperty().get();
        assertEquals(4, comparison.scoredPairs().size());
        // P0 and P1 are scored by both without a tie, and the two prefer opposite sides of each.
        assertEquals(2, comparison.agreement().cell(0, 1).sharedPairs());
        assertEquals(0, comparison.agreement().cell(0, 1).samePreference());
        assertEquals(3, comparison.conflicts().size());
        assertTrue(comparison.conflicts().get(0).opposite());
    }

    @Test
    void everySeriesEqualsTheAnalysisOfTheSameStore() {
        vm.refresh();
        InspectionCharts charts = vm.chartsProperty().get();
        PreferenceAnalysis analysis =
                new PreferenceAnalysis(
                        AnalysisData.load(store, AnalysisScope.all(), ProgressListener.NONE));
        List<AnalyzedModel> models = analysis.data().models();
        assertEquals(List.of("alpha", "beta"), models.stream().map(AnalyzedModel::label).toList());

        List<ModelAccuracy> accuracy = analysis.accuracy();
        for (int m = 0; m < models.size(); m++) {
            String label = models.get(m).label();
            assertRate(accuracy.get(m).vsLabel(), charts.accuracyOverall().get(0), label);
            assertRate(accuracy.get(m).vsHuman(), charts.accuracyOverall().get(1), label);
            assertPerSource(
                    accuracy.get(m), SourceAccuracy::vsLabel, charts.labelAccuracyBySource(), m);
            assertPerSource(
                    accuracy.get(m), SourceAccuracy::vsHuman, charts.humanAccuracyBySource(), m);

            BiasScatter lengthBias = analysis.bias(models.get(m), BiasFeature.LENGTH_DIFFERENCE);
            assertScatter(lengthBias, charts.lengthBias().get(m));
            assertEquals(
                    lengthBias.correlation(),
                    vm.reportProperty().get().lengthBias().get(m).correlation());
            assertScatter(
                    analysis.bias(models.get(m), BiasFeature.MARKDOWN_DENSITY_DIFFERENCE),
                    charts.markdownBias().get(m));

            LengthSplitAccuracy split = analysis.lengthSplitAccuracy(models.get(m));
            CategorySeries splitSeries = charts.lengthSplit().get(m);
            assertEquals(label, splitSeries.name());
            assertRate(split.chosenLonger(), splitSeries, "chosen longer");
            assertRate(split.chosenShorter(), splitSeries, "chosen shorter");
            assertRate(split.sameLength(), splitSeries, "same length");

            Calibration calibration =
                    analysis.calibration(models.get(m), AnalysisViewModel.CALIBRATION_BUCKETS);
            PointSeries calibrationSeries = charts.calibration().get(m);
            assertEquals(label, calibrationSeries.name());
            assertEquals(calibration.buckets().size(), calibrationSeries.points().size());
            for (int b = 0; b < calibration.buckets().size(); b++) {
                CalibrationBucket bucket = calibration.buckets().get(b);
                Point point = calibrationSeries.points().get(b);
                assertEquals(b + 1, point.x(), EPS);
                assertEquals(bucket.agreementRate(), point.y(), EPS);
            }
        }

        VerdictCounts overall = analysis.humanLabelAgreement().overall();
        List<Long> expected =
                List.of(
                        overall.agreeWithLabel(),
                        overall.disagreeWithLabel(),
                        overall.ties(),
                        overall.bothBad(),
                        overall.skips());
        for (int s = 0; s < expected.size(); s++) {
            assertEquals(
                    expected.get(s),
                    value(charts.verdictsBySource().get(s), InspectionCharts.ALL_SOURCES),
                    EPS);
        }
        assertEquals(analysis.agreementMatrix(), vm.comparisonProperty().get().agreement());
        assertEquals(analysis.conflicts(0), vm.comparisonProperty().get().conflicts());
    }

    private static void assertRate(Accuracy accuracy, CategorySeries series, String category) {
        List<CategoryValue> bars =
                series.values().stream().filter(bar -> bar.category().equals(category)).toList();
        if (accuracy.judged() == 0) {
            assertEquals(List.of(), bars, "no bar for nothing judged");
            return;
        }
        assertEquals(1, bars.size());
        assertEquals(accuracy.rate(), bars.get(0).value(), EPS);
        assertEquals(
                accuracy.agreeing() + " of " + accuracy.judged(),
                bars.get(0).detail().substring(0, bars.get(0).detail().lastIndexOf(' ')));
    }

    private static void assertPerSource(
            ModelAccuracy accuracy,
            Function<SourceAccuracy, Accuracy> which,
            List<CategorySeries> charts,
            int model) {
        CategorySeries series = charts.get(model);
        assertEquals(accuracy.model().label(), series.name());
        for (SourceAccuracy source : accuracy.perSource()) {
            assertRate(which.apply(source), series, InspectionCharts.sourceName(source.source()));
        }
    }

    private static void assertScatter(BiasScatter scatter, PointSeries series) {
        assertEquals(scatter.model().label(), series.name());
        assertEquals(scatter.points().size(), series.total());
        assertEquals(scatter.points().size(), series.points().size());
        for (int i = 0; i < scatter.points().size(); i++) {
            BiasPoint expected = scatter.points().get(i);
            Point shown = series.points().get(i);
            assertEquals(expected.feature(), shown.x(), EPS);
            assertEquals(expected.margin(), shown.y(), EPS);
            assertEquals("pair " + expected.pairId(), shown.detail());
            assertEquals(expected.pairId(), shown.pairId());
        }
    }

    @Test
    void computesOnceOnlyUntilTheStoreChanges() {
        DirectExecutor executor = new DirectExecutor();
        AnalysisViewModel counted = new AnalysisViewModel(executor, errors::add);
        counted.computeOnce();
        assertEquals(0, executor.ran("Computing reports"), "no store, nothing to compute");
        counted.setStore(store);
        counted.computeOnce();
        counted.computeOnce();
        assertEquals(1, executor.ran("Computing reports"));
        counted.refresh();
        assertEquals(2, executor.ran("Computing reports"));
        counted.setStore(store);
        assertNull(counted.reportProperty().get());
        counted.computeOnce();
        assertEquals(3, executor.ran("Computing reports"));
    }

    @Test
    void correlationsAreWrittenWithTwoDecimalsAndADashForNone() {
        assertEquals(
                "Pearson 0.31, Spearman \u2013, n 64",
                InspectionCharts.correlationText(new Correlation(64, 0.3141, Double.NaN)));
    }

    @Test
    void aScopeLimitsTheAnalysisToADatasetAndSource() {
        vm.refresh();
        vm.setScope("d", "math");
        assertTrue(vm.staleProperty().get());
        vm.refresh();
        assertEquals(
                "Dataset \u201cd\u201d, source \u201cmath\u201d: 2 models, 2 scored pairs, 2"
                        + " annotated pairs",
                vm.statusProperty().get());
        InspectionCharts charts = vm.chartsProperty().get();
        // Within math, alpha gets P0 right and P1 wrong; beta P1 right and P0 wrong.
        assertEquals(0.5, value(charts.accuracyOverall().get(0), "alpha"), EPS);
        assertEquals(0.5, value(charts.accuracyOverall().get(0), "beta"), EPS);
        assertEquals(
                Set.of("math"),
                Set.copyOf(
                        vm.reportProperty().get().data().pairs().stream()
                                .map(pair -> pair.features().source())
                                .toList()));
        assertEquals(2, charts.lengthBias().get(0).total());
    }

    @Test
    void largeScattersAreThinnedEvenlyButKeepTheirCorrelation() {
        vm.refresh();
        InspectionReport report = vm.reportProperty().get();
        InspectionCharts thin = InspectionCharts.of(report, 2);
        // alpha scored 4 pairs: every second one is shown.
        PointSeries alphaLength = thin.lengthBias().get(0);
        assertEquals(4, alphaLength.total());
        assertEquals(2, alphaLength.points().size());
        assertEquals("pair " + p.get(0).id(), alphaLength.points().get(0).detail());
        assertEquals("pair " + p.get(2).id(), alphaLength.points().get(1).detail());
        assertEquals(vm.chartsProperty().get().lengthBias().get(0).name(), alphaLength.name());
    }
}
