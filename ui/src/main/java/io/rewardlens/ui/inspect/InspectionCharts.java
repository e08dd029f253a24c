package io.rewardlens.ui.inspect;

import io.rewardlens.storage.analysis.Accuracy;
import io.rewardlens.storage.analysis.BiasPoint;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.Calibration;
import io.rewardlens.storage.analysis.CalibrationBucket;
import io.rewardlens.storage.analysis.Correlation;
import io.rewardlens.storage.analysis.LengthSplitAccuracy;
import io.rewardlens.storage.analysis.ModelAccuracy;
import io.rewardlens.storage.analysis.SourceAccuracy;
import io.rewardlens.storage.analysis.SourceVerdictCounts;
import io.rewardlens.storage.analysis.VerdictCounts;
import io.rewardlens.ui.inspect.CategorySeries.CategoryValue;
import io.rewardlens.ui.inspect.PointSeries.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The series of the workbench's charts, taken from an {@link InspectionReport}: the numbers of the
 * analyses, ready for a bar, scatter or line chart. Rates are fractions (0 to 1).
 *
 * @param accuracyOverall per model (categories), accuracy against the labels and against humans
 *     (series)
 * @param labelAccuracyBySource per source, each model's accuracy against the labels
 * @param humanAccuracyBySource per source, each model's accuracy against human verdicts
 * @param verdictsBySource per source (and {@value #ALL_SOURCES}), the human verdicts counted by how
 *     they relate to the label: agreeing, disagreeing, ties, both bad, skips
 * @param lengthBias per model, margin against the length difference (the correlations are in the
 *     report's {@link InspectionReport#lengthBias()})
 * @param markdownBias per model, margin against the Markdown density difference
 * @param lengthSplit per length split (chosen longer, shorter, as long), each model's accuracy
 *     against the labels
 * @param calibration per model, how often humans agree with it by |margin| bucket (x: bucket
 *     number, 1 for the smallest margins)
 */
public record InspectionCharts(
        List<CategorySeries> accuracyOverall,
        List<CategorySeries> labelAccuracyBySource,
        List<CategorySeries> humanAccuracyBySource,
        List<CategorySeries> verdictsBySource,
        List<PointSeries> lengthBias,
        List<PointSeries> markdownBias,
        List<CategorySeries> lengthSplit,
        List<PointSeries> calibration) {

    /** The category of all sources together in {@link #verdictsBySource}. */
    public static final String ALL_SOURCES = "all sources";

    /** The name of pairs without a source on a category axis. */
    public static final String NO_SOURCE = "(no source)";

    /** The series of accuracy against the dataset labels in {@link #accuracyOverall}. */
    public static final String VS_LABELS = "vs dataset labels";

    /** The series of accuracy against human verdicts in {@link #accuracyOverall}. */
    public static final String VS_HUMANS = "vs human verdicts";

    /** The categories of {@link #lengthSplit}, in order. */
    public static final List<String> LENGTH_SPLITS =
            List.of("chosen longer", "chosen shorter", "same length");

    /** Copies the lists. */
    public InspectionCharts {
        accuracyOverall = List.copyOf(accuracyOverall);
        labelAccuracyBySource = List.copyOf(labelAccuracyBySource);
        humanAccuracyBySource = List.copyOf(humanAccuracyBySource);
        verdictsBySource = List.copyOf(verdictsBySource);
        lengthBias = List.copyOf(lengthBias);
        markdownBias = List.copyOf(markdownBias);
        lengthSplit = List.copyOf(lengthSplit);
        calibration = List.copyOf(calibration);
    }

    /**
     * The chart series of a report.
     *
     * @param report the analyses
     * @param maxScatterPoints the most points a scatter series shows; larger ones are thinned
     *     evenly (their correlation is still computed on all points)
     * @return the series
     */
    public static InspectionCharts of(InspectionReport report, int maxScatterPoints) {
        if (maxScatterPoints < 1) {
            throw new IllegalArgumentException("maxScatterPoints must be positive");
        }
        return new InspectionCharts(
                accuracyOverall(report.accuracy()),
                bySource(report.accuracy(), SourceAccuracy::vsLabel),
                bySource(report.accuracy(), SourceAccuracy::vsHuman),
                verdictsBySource(report),
                report.lengthBias().stream().map(s -> scatter(s, maxScatterPoints)).toList(),
                report.markdownBias().stream().map(s -> scatter(s, maxScatterPoints)).toList(),
                lengthSplit(report.lengthSplits()),
                report.calibrations().stream().map(InspectionCharts::calibration).toList());
    }

    /**
     * How a source is named on a category axis.
     *
     * @param source the source, or null
     * @return the name
     */
    public static String sourceName(String source) {
        return source == null ? NO_SOURCE : source;
    }

    private static List<CategorySeries> accuracyOverall(List<ModelAccuracy> accuracy) {
        List<CategoryValue> vsLabels = new ArrayList<>();
        List<CategoryValue> vsHumans = new ArrayList<>();
        for (ModelAccuracy model : accuracy) {
            addRate(vsLabels, model.model().label(), model.vsLabel(), "pairs");
            addRate(vsHumans, model.model().label(), model.vsHuman(), "verdicts");
        }
        return List.of(
                new CategorySeries(VS_LABELS, vsLabels), new CategorySeries(VS_HUMANS, vsHumans));
    }

    private static List<CategorySeries> bySource(
            List<ModelAccuracy> accuracy, Function<SourceAccuracy, Accuracy> which) {
        List<CategorySeries> series = new ArrayList<>();
        for (ModelAccuracy model : accuracy) {
            List<CategoryValue> values = new ArrayList<>();
            for (SourceAccuracy source : model.perSource()) {
                addRate(values, sourceName(source.source()), which.apply(source), "judged");
            }
            series.add(new CategorySeries(model.model().label(), values));
        }
        return series;
    }

    private static void addRate(
            List<CategoryValue> values, String category, Accuracy accuracy, String unit) {
        if (accuracy.judged() > 0) {
            values.add(
                    new CategoryValue(
                            category,
                            accuracy.rate(),
                            accuracy.agreeing() + " of " + accuracy.judged() + " " + unit));
        }
    }

    private static List<CategorySeries> verdictsBySource(InspectionReport report) {
        Map<String, VerdictCounts> columns = new LinkedHashMap<>();
        columns.put(ALL_SOURCES, report.humanLabel().overall());
        for (SourceVerdictCounts source : report.humanLabel().perSource()) {
            columns.put(sourceName(source.source()), source.counts());
        }
        List<CategorySeries> series = new ArrayList<>();
        series.add(verdictSeries("prefer the chosen side", columns, VerdictCounts::agreeWithLabel));
        series.add(
                verdictSeries(
                        "prefer the rejected side", columns, VerdictCounts::disagreeWithLabel));
        series.add(verdictSeries("tie", columns, VerdictCounts::ties));
        series.add(verdictSeries("both bad", columns, VerdictCounts::bothBad));
        series.add(verdictSeries("skipped", columns, VerdictCounts::skips));
        return series;
    }

    private static CategorySeries verdictSeries(
            String name, Map<String, VerdictCounts> columns, ToLongFunction<VerdictCounts> count) {
        List<CategoryValue> values = new ArrayList<>();
        columns.forEach(
                (category, counts) -> {
                    long n = count.applyAsLong(counts);
                    values.add(
                            new CategoryValue(
                                    category, n, n + " of " + counts.verdicts() + " verdicts"));
                });
        return new CategorySeries(name, values);
    }

    private static PointSeries scatter(BiasScatter scatter, int maxPoints) {
        List<BiasPoint> all = scatter.points();
        int stride = (all.size() + maxPoints - 1) / maxPoints;
        List<Point> shown = new ArrayList<>();
        for (int i = 0; i < all.size(); i += Math.max(1, stride)) {
            BiasPoint point = all.get(i);
            shown.add(
                    new Point(
                            point.feature(),
                            point.margin(),
                            "pair " + point.pairId(),
                            point.pairId()));
        }
        return new PointSeries(scatter.model().label(), shown, all.size());
    }

    /**
     * A correlation as the charts name it, such as {@code Pearson 0.31, Spearman 0.28, n 64}.
     *
     * @param correlation the correlation
     * @return the text
     */
    public static String correlationText(Correlation correlation) {
        return "Pearson "
                + NumberText.decimal(correlation.pearson(), 2)
                + ", Spearman "
                + NumberText.decimal(correlation.spearman(), 2)
                + ", n "
                + correlation.n();
    }

    private static List<CategorySeries> lengthSplit(List<LengthSplitAccuracy> splits) {
        List<CategorySeries> series = new ArrayList<>();
        for (LengthSplitAccuracy split : splits) {
            List<CategoryValue> values = new ArrayList<>();
            addRate(values, LENGTH_SPLITS.get(0), split.chosenLonger(), "pairs");
            addRate(values, LENGTH_SPLITS.get(1), split.chosenShorter(), "pairs");
            addRate(values, LENGTH_SPLITS.get(2), split.sameLength(), "pairs");
            series.add(new CategorySeries(split.model().label(), values));
        }
        return series;
    }

    private static PointSeries calibration(Calibration calibration) {
        List<Point> points = new ArrayList<>();
        for (CalibrationBucket bucket : calibration.buckets()) {
            points.add(
                    new Point(
                            bucket.index() + 1,
                            bucket.agreementRate(),
                            String.format(
                                    Locale.ROOT,
                                    "|margin| %s to %s: %d of %d verdicts agree",
                                    NumberText.decimal(bucket.minAbsMargin(), 3),
                                    NumberText.decimal(bucket.maxAbsMargin(), 3),
                                    bucket.humanAgrees(),
                                    bucket.judgements()),
                            null));
        }
        return new PointSeries(calibration.model().label(), points, points.size());
    }
}
