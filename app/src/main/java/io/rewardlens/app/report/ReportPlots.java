package io.rewardlens.app.report;

import io.rewardlens.storage.analysis.Accuracy;
import io.rewardlens.storage.analysis.BiasPoint;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.Calibration;
import io.rewardlens.storage.analysis.CalibrationBucket;
import io.rewardlens.storage.analysis.Correlation;
import io.rewardlens.storage.analysis.LengthSplitAccuracy;
import io.rewardlens.storage.analysis.ModelAccuracy;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the report's charts as PNG files with JFreeChart (Java2D, no window: the JVM must run with
 * {@code java.awt.headless=true} on a machine without a display). Every chart is {@value #WIDTH} ×
 * {@value #HEIGHT} pixels.
 */
final class ReportPlots {
    /** Width of every chart in pixels. */
    static final int WIDTH = 900;

    /** Height of every chart in pixels. */
    static final int HEIGHT = 560;

    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private ReportPlots() {}

    /** Margin against a feature, one dot per pair, with the correlations in the title. */
    static void scatter(BiasScatter scatter, Path file) {
        XYSeries series = new XYSeries("pairs", false, true);
        for (BiasPoint point : scatter.points()) {
            series.add(point.feature(), point.margin());
        }
        Correlation correlation = scatter.correlation();
        JFreeChart chart =
                ChartFactory.createScatterPlot(
                        scatter.model().label()
                                + ": margin vs "
                                + featureName(scatter)
                                + "  (n = %d, Pearson r = %s, Spearman ρ = %s)"
                                        .formatted(
                                                correlation.n(),
                                                MarkdownText.number(correlation.pearson(), 3),
                                                MarkdownText.number(correlation.spearman(), 3)),
                        scatter.feature().axisLabel(),
                        "margin (chosen − rejected score)",
                        new XYSeriesCollection(series),
                        PlotOrientation.VERTICAL,
                        false,
                        false,
                        false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainZeroBaselineVisible(true);
        plot.setRangeZeroBaselineVisible(true);
        XYItemRenderer renderer = plot.getRenderer();
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(0, new Color(31, 119, 180, 170));
        save(chart, file);
    }

    private static String featureName(BiasScatter scatter) {
        return switch (scatter.feature()) {
            case LENGTH_DIFFERENCE -> "length difference";
            case MARKDOWN_DENSITY_DIFFERENCE -> "markdown density difference";
        };
    }

    /** Human agreement with the model per |margin| bucket, as bars from 0 to 1. */
    static void calibration(Calibration calibration, Path file) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (CalibrationBucket bucket : calibration.buckets()) {
            dataset.addValue(
                    bucket.agreementRate(),
                    "humans agree with the model",
                    "%s–%s (n=%d)"
                            .formatted(
                                    MarkdownText.number(bucket.minAbsMargin(), 2),
                                    MarkdownText.number(bucket.maxAbsMargin(), 2),
                                    bucket.judgements()));
        }
        saveRateChart(
                calibration.model().label() + ": calibration against human verdicts",
                "|margin| bucket",
                "fraction of verdicts agreeing with the model",
                dataset,
                false,
                file);
    }

    /** Each model's accuracy against labels and against humans. */
    static void accuracy(List<ModelAccuracy> accuracies, Path file) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ModelAccuracy accuracy : accuracies) {
            add(dataset, accuracy.vsLabel(), "against dataset labels", accuracy.model().label());
            add(dataset, accuracy.vsHuman(), "against human verdicts", accuracy.model().label());
        }
        saveRateChart("Accuracy of each model", "model", "accuracy", dataset, true, file);
    }

    /** Each model's label accuracy when the chosen side is longer, shorter or as long. */
    static void lengthSplit(List<LengthSplitAccuracy> splits, Path file) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (LengthSplitAccuracy split : splits) {
            String model = split.model().label();
            add(dataset, split.chosenLonger(), "chosen longer", model);
            add(dataset, split.chosenShorter(), "chosen shorter", model);
            add(dataset, split.sameLength(), "same length", model);
        }
        saveRateChart(
                "Accuracy against labels by which side is longer",
                "model",
                "accuracy",
                dataset,
                true,
                file);
    }

    private static void add(
            DefaultCategoryDataset dataset, Accuracy accuracy, String series, String model) {
        // An empty group gets no bar rather than a bar of height NaN.
        dataset.addValue(accuracy.judged() == 0 ? null : accuracy.rate(), series, model);
    }

    /** Saves a vertical bar chart of rates (0 to 1), with a legend when {@code legend}. */
    private static void saveRateChart(
            String title,
            String categoryLabel,
            String rateLabel,
            DefaultCategoryDataset dataset,
            boolean legend,
            Path file) {
        JFreeChart chart =
                ChartFactory.createBarChart(
                        title,
                        categoryLabel,
                        rateLabel,
                        dataset,
                        PlotOrientation.VERTICAL,
                        legend,
                        false,
                        false);
        rateAxis(chart.getCategoryPlot());
        style(chart);
        save(chart, file);
    }

    private static void rateAxis(CategoryPlot plot) {
        // Without a cap, one or two categories make bars as wide as the chart.
        ((BarRenderer) plot.getRenderer()).setMaximumBarWidth(0.12);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setRange(0, 1);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setOutlineStroke(new BasicStroke(0.5f));
    }

    private static void save(JFreeChart chart, Path file) {
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
