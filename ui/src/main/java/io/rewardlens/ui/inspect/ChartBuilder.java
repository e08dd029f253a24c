package io.rewardlens.ui.inspect;

import io.rewardlens.ui.inspect.CategorySeries.CategoryValue;
import io.rewardlens.ui.inspect.PointSeries.Point;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

/**
 * Turns the view model's series ({@link CategorySeries}, {@link PointSeries}) into JavaFX charts,
 * one data item per bar or point, in the series' order. Charts do not animate, so they show the
 * numbers at once.
 */
final class ChartBuilder {
    private ChartBuilder() {}

    /**
     * A bar chart with vertical bars, one bar group per category.
     *
     * @param yLabel the value axis' label
     * @param series the series
     * @param rates whether the values are rates (the axis then runs from 0 to 1)
     * @return the chart
     */
    static BarChart<String, Number> bars(
            String yLabel, List<CategorySeries> series, boolean rates) {
        BarChart<String, Number> chart =
                new BarChart<>(categoryAxis(series), valueAxis(yLabel, rates));
        addCategorySeries(
                chart, series, value -> new XYChart.Data<>(value.category(), value.value()));
        return chart;
    }

    /**
     * A bar chart with horizontal bars, for categories with long names (such as sources): one bar
     * group per category, top to bottom in the series' order.
     *
     * @param valueLabel the value axis' label
     * @param series the series
     * @return the chart
     */
    static BarChart<Number, String> horizontalRates(
            String valueLabel, List<CategorySeries> series) {
        BarChart<Number, String> chart =
                new BarChart<>(valueAxis(valueLabel, true), topDownCategoryAxis(series));
        addCategorySeries(chart, series, ChartBuilder::horizontalBar);
        return chart;
    }

    /**
     * A stacked bar chart of counts with horizontal bars, one stack per category, top to bottom in
     * the series' order.
     *
     * @param valueLabel the value axis' label
     * @param series the series, stacked in order
     * @return the chart
     */
    static StackedBarChart<Number, String> horizontalStacks(
            String valueLabel, List<CategorySeries> series) {
        StackedBarChart<Number, String> chart =
                new StackedBarChart<>(valueAxis(valueLabel, false), topDownCategoryAxis(series));
        addCategorySeries(chart, series, ChartBuilder::horizontalBar);
        return chart;
    }

    /**
     * How many bar groups a chart of these series has: their categories.
     *
     * @param series the series
     * @return the number of categories
     */
    static int categoryCount(List<CategorySeries> series) {
        return categories(series).size();
    }

    /**
     * A scatter chart; clicking a point that stands for a pair opens it.
     *
     * @param xLabel the horizontal axis' label
     * @param yLabel the vertical axis' label
     * @param series the series
     * @param openPair opens a pair, given its id
     * @return the chart
     */
    static ScatterChart<Number, Number> scatter(
            String xLabel, String yLabel, List<PointSeries> series, LongConsumer openPair) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        ScatterChart<Number, Number> chart = new ScatterChart<>(x, y);
        addPointSeries(
                chart,
                series,
                (point, data) -> {
                    if (point.pairId() != null) {
                        long pairId = point.pairId();
                        onNode(
                                data,
                                node -> {
                                    node.setCursor(Cursor.HAND);
                                    node.setOnMouseClicked(event -> openPair.accept(pairId));
                                });
                    }
                });
        return chart;
    }

    /**
     * A line chart of rates with points, each with its detail as tooltip.
     *
     * @param xLabel the horizontal axis' label
     * @param yLabel the vertical axis' label (a rate from 0 to 1)
     * @param series the series
     * @param maxX the largest x value (the axis runs from 0 to one more)
     * @return the chart
     */
    static LineChart<Number, Number> rateLines(
            String xLabel, String yLabel, List<PointSeries> series, int maxX) {
        NumberAxis x = new NumberAxis(0, maxX + 1, 1);
        x.setLabel(xLabel);
        x.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, valueAxis(yLabel, true));
        addPointSeries(
                chart,
                series,
                (point, data) ->
                        onNode(data, node -> Tooltip.install(node, new Tooltip(point.detail()))));
        return chart;
    }

    private static XYChart.Data<Number, String> horizontalBar(CategoryValue value) {
        return new XYChart.Data<>(value.value(), value.category());
    }

    /** Adds the series to the chart, each value as a data item with its detail as tooltip. */
    private static <X, Y> void addCategorySeries(
            XYChart<X, Y> chart,
            List<CategorySeries> series,
            Function<CategoryValue, XYChart.Data<X, Y>> toData) {
        chart.setAnimated(false);
        for (CategorySeries one : series) {
            XYChart.Series<X, Y> shown = new XYChart.Series<>();
            shown.setName(one.name());
            for (CategoryValue value : one.values()) {
                XYChart.Data<X, Y> data = toData.apply(value);
                tooltip(data, one, value);
                shown.getData().add(data);
            }
            chart.getData().add(shown);
        }
    }

    /** Adds the series to the chart, each point as a data item that the decorator then dresses. */
    private static void addPointSeries(
            XYChart<Number, Number> chart,
            List<PointSeries> series,
            BiConsumer<Point, XYChart.Data<Number, Number>> decorate) {
        chart.setAnimated(false);
        for (PointSeries one : series) {
            XYChart.Series<Number, Number> shown = new XYChart.Series<>();
            shown.setName(one.name());
            for (Point point : one.points()) {
                XYChart.Data<Number, Number> data = new XYChart.Data<>(point.x(), point.y());
                decorate.accept(point, data);
                shown.getData().add(data);
            }
            chart.getData().add(shown);
        }
    }

    private static Set<String> categories(List<CategorySeries> series) {
        Set<String> categories = new LinkedHashSet<>();
        for (CategorySeries one : series) {
            for (CategoryValue value : one.values()) {
                categories.add(value.category());
            }
        }
        return categories;
    }

    private static CategoryAxis categoryAxis(List<CategorySeries> series) {
        CategoryAxis axis = new CategoryAxis(FXCollections.observableArrayList(categories(series)));
        axis.setAutoRanging(false);
        return axis;
    }

    /** A vertical category axis lists from the bottom up: reversed, the first comes on top. */
    private static CategoryAxis topDownCategoryAxis(List<CategorySeries> series) {
        CategoryAxis axis = categoryAxis(series);
        FXCollections.reverse(axis.getCategories());
        return axis;
    }

    private static NumberAxis valueAxis(String label, boolean rates) {
        NumberAxis axis = rates ? new NumberAxis(0, 1, 0.1) : new NumberAxis();
        axis.setLabel(label);
        return axis;
    }

    private static <X, Y> void tooltip(
            XYChart.Data<X, Y> data, CategorySeries series, CategoryValue value) {
        String tip = series.name() + ", " + value.category() + ": " + value.detail();
        onNode(data, node -> Tooltip.install(node, new Tooltip(tip)));
    }

    /** Runs an action on a data item's node once the chart has made it. */
    private static <X, Y> void onNode(XYChart.Data<X, Y> data, Consumer<Node> action) {
        if (data.getNode() != null) {
            action.accept(data.getNode());
            return;
        }
        data.nodeProperty()
                .addListener(
                        (o, before, after) -> {
                            if (after != null) {
                                action.accept(after);
                            }
                        });
    }
}
