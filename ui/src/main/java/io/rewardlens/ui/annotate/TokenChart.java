package io.rewardlens.ui.annotate;

import io.rewardlens.ui.tokens.TokenScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * The chart of the score along the tokens of A and B: one line per response, x the token's position
 * in the conversation the model read, y the score after that token. Both conversations share their
 * prompt, so the lines run together until the responses begin (dashed marks) and part there. The
 * axis starts a few tokens before the earlier response. Moving the mouse over it tells each
 * response's token there, its change and its score; a click marks that token in the text.
 */
final class TokenChart {
    /** Prompt tokens shown before the earlier response starts. */
    static final int CONTEXT_TOKENS = 8;

    private final AnnotationViewModel viewModel;
    private final VBox root = new VBox();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final MarkedLineChart chart = new MarkedLineChart(xAxis, yAxis);
    private final Label readout = new Label();
    private final Label unavailable = new Label();
    private TokenView shown;

    TokenChart(AnnotationViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("token-chart");
        chart.getStyleClass().add("token-score-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setMinHeight(0);
        chart.setPrefHeight(220);
        xAxis.setAutoRanging(false);
        xAxis.setLabel("token position in the conversation (dashed: each response's first token)");
        xAxis.setForceZeroInRange(false);
        yAxis.setForceZeroInRange(false);
        yAxis.setLabel("score");
        readout.getStyleClass().add("token-readout");
        readout.setWrapText(false);
        readout.setMinHeight(Label.USE_PREF_SIZE);
        unavailable.getStyleClass().add("token-unavailable");
        unavailable.setWrapText(true);
        StackPane body = new StackPane(chart, unavailable);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(readout, body);
        root.setMinHeight(0);
        chart.setOnMouseMoved(this::hover);
        chart.setOnMouseExited(event -> chart.cursor(-1));
        chart.setOnMouseClicked(
                event -> {
                    int token = tokenAt(event);
                    if (token >= 0) {
                        viewModel.focusToken(token);
                    }
                });
    }

    Node node() {
        return root;
    }

    /** Draws the per-token scores of the pair on screen, or says why there are none. */
    void show(TokenView view) {
        if (view == shown) {
            return;
        }
        shown = view;
        boolean ready = view.ready();
        chart.setVisible(ready);
        unavailable.setVisible(!ready);
        if (!ready) {
            unavailable.setText("Score chart unavailable: " + view.message());
            chart.getData().clear();
            chart.setMarks(List.of());
            readout.setText("");
            return;
        }
        SideTokens a = view.a();
        SideTokens b = view.b();
        int first = firstShown(a, b);
        int last = Math.max(a.scores().count(), b.scores().count()) - 1;
        xAxis.setLowerBound(first);
        xAxis.setUpperBound(Math.max(first + 1, last));
        xAxis.setTickUnit(tickUnit(Math.max(1, last - first)));
        ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
        series.add(series("A", a.scores(), first));
        series.add(series("B", b.scores(), first));
        chart.setData(series);
        List<Integer> marks = new ArrayList<>();
        marks.add(a.responseStart());
        marks.add(b.responseStart());
        chart.setMarks(marks);
        readout.setText(
                String.format(
                        Locale.ROOT,
                        "A ends at %.3f after %d tokens, B at %.3f after %d. Point at a token to"
                                + " see it; click to mark it in the text.",
                        a.scores().finalScore(),
                        a.scores().count(),
                        b.scores().finalScore(),
                        b.scores().count()));
    }

    /** The first position drawn: a few tokens before the earlier response starts. */
    static int firstShown(SideTokens a, SideTokens b) {
        int start = Integer.MAX_VALUE;
        for (SideTokens side : List.of(a, b)) {
            if (side.responseStart() >= 0) {
                start = Math.min(start, side.responseStart());
            }
        }
        return start == Integer.MAX_VALUE ? 0 : Math.max(0, start - CONTEXT_TOKENS);
    }

    private static XYChart.Series<Number, Number> series(
            String name, TokenScores scores, int from) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(scores.count() - from);
        for (int i = from; i < scores.count(); i++) {
            points.add(new XYChart.Data<>(i, scores.score(i)));
        }
        return new XYChart.Series<>(name, FXCollections.observableArrayList(points));
    }

    private static double tickUnit(int span) {
        double raw = span / 10.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (raw <= step * magnitude) {
                return Math.max(1, step * magnitude);
            }
        }
        return Math.max(1, 10 * magnitude);
    }

    private int tokenAt(MouseEvent event) {
        if (shown == null || !shown.ready()) {
            return -1;
        }
        Point2D local = xAxis.sceneToLocal(event.getSceneX(), event.getSceneY());
        if (local == null || local.getX() < 0 || local.getX() > xAxis.getWidth()) {
            return -1;
        }
        int token = (int) Math.round(xAxis.getValueForDisplay(local.getX()).doubleValue());
        int count = Math.max(shown.a().scores().count(), shown.b().scores().count());
        return token >= xAxis.getLowerBound() && token < count ? token : -1;
    }

    private void hover(MouseEvent event) {
        int token = tokenAt(event);
        chart.cursor(token);
        if (token < 0) {
            return;
        }
        readout.setText(
                "token "
                        + token
                        + ":  A "
                        + describe(shown.a().scores(), token)
                        + "   \u00b7   B "
                        + describe(shown.b().scores(), token));
    }

    /** A token's text, change and score, for the readout and the text's tooltip. */
    static String describe(TokenScores scores, int token) {
        if (token >= scores.count()) {
            return "(ended)";
        }
        return String.format(
                Locale.ROOT,
                "%s  \u0394 %+.4f  \u2192 %.4f",
                quoted(scores.tokenText(token)),
                scores.delta(token),
                scores.score(token));
    }

    /** A token's text in quotes, its line breaks and tabs made visible. */
    static String quoted(String text) {
        String visible = text.replace("\n", "\u23CE").replace("\t", "\u21E5");
        if (visible.length() > 40) {
            visible =
                    visible.substring(0, Character.isHighSurrogate(visible.charAt(39)) ? 39 : 40)
                            + "\u2026";
        }
        return "\u201C" + visible + "\u201D";
    }

    /** A line chart with vertical marks at given positions and a cursor line. */
    static final class MarkedLineChart extends LineChart<Number, Number> {
        private final List<Line> marks = new ArrayList<>();
        private final List<Integer> markValues = new ArrayList<>();
        private final Line cursor = new Line();
        private int cursorValue = -1;

        MarkedLineChart(NumberAxis xAxis, NumberAxis yAxis) {
            super(xAxis, yAxis);
            cursor.getStyleClass().add("token-chart-cursor");
            cursor.setVisible(false);
            cursor.setManaged(false);
            getPlotChildren().add(cursor);
        }

        void setMarks(List<Integer> values) {
            getPlotChildren().removeAll(marks);
            marks.clear();
            markValues.clear();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) < 0) {
                    continue;
                }
                Line line = new Line();
                line.getStyleClass().addAll("token-chart-mark", "token-chart-mark-" + i);
                line.setManaged(false);
                marks.add(line);
                markValues.add(values.get(i));
            }
            getPlotChildren().addAll(marks);
            requestChartLayout();
        }

        void cursor(int value) {
            cursorValue = value;
            cursor.setVisible(value >= 0);
            requestChartLayout();
        }

        /** The positions marked (for tests). */
        List<Integer> markValues() {
            return markValues;
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            double height = getYAxis().getHeight();
            for (int i = 0; i < marks.size(); i++) {
                place(marks.get(i), markValues.get(i), height);
            }
            if (cursorValue >= 0) {
                place(cursor, cursorValue, height);
            }
        }

        private void place(Line line, int value, double height) {
            double x = getXAxis().getDisplayPosition(value);
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(0);
            line.setEndY(height);
        }
    }
}
