package io.rewardlens.ui.inspect;

import io.rewardlens.storage.analysis.Accuracy;
import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.HumanLabelAgreement;
import io.rewardlens.storage.analysis.ModelAccuracy;
import io.rewardlens.storage.analysis.SourceAccuracy;
import io.rewardlens.storage.analysis.SourceVerdictCounts;
import io.rewardlens.storage.analysis.VerdictCounts;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.Chart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The reports tab: accuracy against labels and humans (overall and per source), how human verdicts
 * relate to the labels, length and formatting bias with their correlations, and calibration, as
 * charts and tables of the last computed {@link InspectionReport}. Binds to an {@link
 * AnalysisViewModel}; clicking a scatter point opens its pair in the pair view.
 */
final class ChartsView {
    private static final double CARD_WIDTH = 560;
    private static final double CARD_HEIGHT = 360;

    private final InspectViewModel inspect;
    private final Runnable afterOpen;
    private final BorderPane root = new BorderPane();
    private final VBox sections = new VBox();

    /**
     * Builds the tab's content.
     *
     * @param inspect the inspection state
     * @param afterOpen brings the pair view forward once a pair was opened
     */
    ChartsView(InspectViewModel inspect, Runnable afterOpen) {
        this.inspect = inspect;
        this.afterOpen = afterOpen;
        AnalysisViewModel viewModel = inspect.analysis();
        sections.getStyleClass().add("report-sections");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("report-scroll");
        root.setTop(new AnalysisToolbar(inspect).node());
        root.setCenter(scroll);
        root.getStyleClass().add("charts-view");
        viewModel.chartsProperty().addListener((o, before, after) -> show());
        show();
    }

    Node node() {
        return root;
    }

    private void show() {
        AnalysisViewModel viewModel = inspect.analysis();
        InspectionCharts charts = viewModel.chartsProperty().get();
        InspectionReport report = viewModel.reportProperty().get();
        sections.getChildren().clear();
        if (charts == null || report == null) {
            Label empty = new Label();
            empty.textProperty().bind(viewModel.statusProperty());
            empty.getStyleClass().add("table-placeholder");
            sections.getChildren().add(empty);
            return;
        }
        if (report.models().isEmpty()) {
            Label note =
                    new Label(
                            "No model has scored pairs here yet: the charts of models stay empty."
                                    + " Score a dataset in the Models tab.");
            note.getStyleClass().add("hint");
            sections.getChildren().add(note);
        }

        section(
                "Accuracy",
                card(
                        "Accuracy of each model",
                        "Share of pairs where the model scores the dataset's chosen side higher,"
                                + " and of human verdicts it agrees with",
                        ChartBuilder.bars("accuracy", charts.accuracyOverall(), true)),
                perSource(
                        "Against the dataset labels, per source",
                        "Share of each source's pairs the model gets right",
                        "accuracy",
                        charts.labelAccuracyBySource()),
                perSource(
                        "Against human verdicts, per source",
                        "Share of each source's verdicts (preferring a side) the model agrees with",
                        "agreement",
                        charts.humanAccuracyBySource()),
                accuracyTable(report));

        if (!report.rewardBench().isEmpty()) {
            section("RewardBench", rewardBenchTable(report));
        }
        if (!report.teamAgreement().isEmpty()) {
            section("Inter-annotator agreement", agreementTable(report));
        }

        HumanLabelAgreement humans = report.humanLabel();
        VerdictCounts overall = humans.overall();
        section(
                "Human verdicts and dataset labels",
                sizedCard(
                        "Verdicts by how they relate to the label",
                        "Humans who prefer a side agree with the label in "
                                + NumberText.percent(overall.agreementRate())
                                + " of "
                                + (overall.agreeWithLabel() + overall.disagreeWithLabel())
                                + " verdicts; "
                                + overall.ties()
                                + " ties, "
                                + overall.bothBad()
                                + " both bad, "
                                + overall.skips()
                                + " skipped, on "
                                + humans.annotatedPairs()
                                + " annotated pairs",
                        ChartBuilder.horizontalStacks("verdicts", charts.verdictsBySource()),
                        ChartBuilder.categoryCount(charts.verdictsBySource()),
                        1),
                humanTable(humans));

        section(
                "Length bias",
                card(
                        "Margin against the length difference",
                        scatterCaption(report.lengthBias(), charts.lengthBias()),
                        ChartBuilder.scatter(
                                BiasFeature.LENGTH_DIFFERENCE.axisLabel(),
                                "margin (chosen \u2212 rejected)",
                                charts.lengthBias(),
                                this::openPair)),
                card(
                        "Accuracy by which side is longer",
                        "A model right mostly when the chosen side is longer rewards length",
                        ChartBuilder.bars("accuracy", charts.lengthSplit(), true)));

        section(
                "Formatting bias",
                card(
                        "Margin against the Markdown density difference",
                        scatterCaption(report.markdownBias(), charts.markdownBias()),
                        ChartBuilder.scatter(
                                BiasFeature.MARKDOWN_DENSITY_DIFFERENCE.axisLabel(),
                                "margin (chosen \u2212 rejected)",
                                charts.markdownBias(),
                                this::openPair)));

        section(
                "Calibration",
                card(
                        "How often humans agree with the model, by |margin|",
                        "Verdicts sorted by the model's |margin| into "
                                + AnalysisViewModel.CALIBRATION_BUCKETS
                                + " buckets of about equal size; a calibrated model is agreed"
                                + " with more often the more confident it is",
                        ChartBuilder.rateLines(
                                "|margin| bucket (1: least confident)",
                                "human agreement",
                                charts.calibration(),
                                AnalysisViewModel.CALIBRATION_BUCKETS)));
    }

    private void section(String title, Node... cards) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        FlowPane flow = new FlowPane(cards);
        flow.getStyleClass().add("report-cards");
        sections.getChildren().addAll(heading, flow);
    }

    private static Node card(String title, String caption, Chart chart) {
        chart.setPrefSize(CARD_WIDTH, CARD_HEIGHT);
        chart.setMinSize(CARD_WIDTH, CARD_HEIGHT);
        chart.getStyleClass().add("report-chart");
        return card(title, caption, (Node) chart);
    }

    private static Node card(String title, String caption, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        Label text = new Label(caption);
        text.getStyleClass().add("card-caption");
        text.setWrapText(true);
        text.setMaxWidth(CARD_WIDTH);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(heading, text, content);
        card.getStyleClass().add("report-card");
        return card;
    }

    private static Node perSource(
            String title, String caption, String valueLabel, List<CategorySeries> series) {
        return sizedCard(
                title,
                caption,
                ChartBuilder.horizontalRates(valueLabel, series),
                ChartBuilder.categoryCount(series),
                series.size());
    }

    /** A card whose chart of horizontal bars grows with its bar groups and bars per group. */
    private static Node sizedCard(
            String title, String caption, Chart chart, int groups, int barsPerGroup) {
        double height = Math.max(CARD_HEIGHT, 140 + groups * (10 + 12.0 * barsPerGroup));
        chart.setPrefSize(CARD_WIDTH, height);
        chart.setMinSize(CARD_WIDTH, height);
        chart.getStyleClass().add("report-chart");
        return card(title, caption, (Node) chart);
    }

    private static String scatterCaption(List<BiasScatter> scatters, List<PointSeries> series) {
        StringBuilder text =
                new StringBuilder(
                        "A positive correlation means the model rewards the feature. Click a"
                                + " point to open its pair.");
        for (int i = 0; i < scatters.size(); i++) {
            BiasScatter scatter = scatters.get(i);
            PointSeries shown = series.get(i);
            text.append("\n")
                    .append(scatter.model().label())
                    .append(": ")
                    .append(InspectionCharts.correlationText(scatter.correlation()));
            if (shown.points().size() < shown.total()) {
                text.append(" (")
                        .append(shown.points().size())
                        .append(" of ")
                        .append(shown.total())
                        .append(" points shown)");
            }
        }
        return text.toString();
    }

    private void openPair(long pairId) {
        inspect.openPair(pairId);
        afterOpen.run();
    }

    /** One line of the accuracy table. */
    private record AccuracyLine(String model, String source, String vsLabels, String vsHumans) {}

    private static Node accuracyTable(InspectionReport report) {
        List<AccuracyLine> lines = new ArrayList<>();
        for (ModelAccuracy model : report.accuracy()) {
            String label = model.model().label();
            lines.add(
                    new AccuracyLine(
                            label,
                            InspectionCharts.ALL_SOURCES,
                            rate(model.vsLabel()),
                            rate(model.vsHuman())));
            for (SourceAccuracy source : model.perSource()) {
                lines.add(
                        new AccuracyLine(
                                label,
                                InspectionCharts.sourceName(source.source()),
                                rate(source.vsLabel()),
                                rate(source.vsHuman())));
            }
        }
        TableView<AccuracyLine> table = new TableView<>(FXCollections.observableArrayList(lines));
        table.getColumns()
                .addAll(
                        List.of(
                                InspectTables.textColumn("Model", AccuracyLine::model, 380),
                                InspectTables.textColumn("Source", AccuracyLine::source, 260),
                                InspectTables.textColumn("vs labels", AccuracyLine::vsLabels, 220),
                                InspectTables.textColumn(
                                        "vs humans", AccuracyLine::vsHumans, 220)));
        table.setPlaceholder(new Label("No model has scored pairs here"));
        return tableCard(
                "Accuracy table", "Rate, right of judged; model ties count as not right", table);
    }

    private static Node agreementTable(InspectionReport report) {
        TableView<AgreementLines.Line> table =
                new TableView<>(FXCollections.observableArrayList(report.teamAgreement()));
        table.getColumns()
                .addAll(
                        List.of(
                                InspectTables.textColumn(
                                        "Measure", AgreementLines.Line::measure, 200),
                                InspectTables.textColumn("Of", AgreementLines.Line::group, 200),
                                InspectTables.textColumn("Value", AgreementLines.Line::value, 80),
                                InspectTables.textColumn(
                                        "Rests on", AgreementLines.Line::over, 200)));
        return tableCard(
                "Inter-annotator agreement",
                "Verdicts in force, skips and the adjudicator left out; DKPro Statistics (the"
                        + " report's agreement section explains)",
                table);
    }

    private static Node rewardBenchTable(InspectionReport report) {
        TableView<RewardBenchLines.Line> table =
                new TableView<>(FXCollections.observableArrayList(report.rewardBench()));
        table.getColumns()
                .addAll(
                        List.of(
                                InspectTables.textColumn(
                                        "Benchmark", RewardBenchLines.Line::benchmark, 120),
                                InspectTables.textColumn(
                                        "Dataset", RewardBenchLines.Line::dataset, 140),
                                InspectTables.textColumn(
                                        "Model", RewardBenchLines.Line::model, 260),
                                InspectTables.textColumn("Score", RewardBenchLines.Line::part, 120),
                                InspectTables.textColumn("%", RewardBenchLines.Line::score, 70),
                                InspectTables.textColumn(
                                        "Rests on", RewardBenchLines.Line::detail, 260)));
        return tableCard(
                "RewardBench scores",
                "Sections weighted by RewardBench's example counts; RewardBench 2 best-of-N rows"
                        + " and its Ties rule (the report's RewardBench section explains)",
                table);
    }

    private static String rate(Accuracy accuracy) {
        if (accuracy.judged() == 0) {
            return NumberText.NONE;
        }
        return NumberText.percent(accuracy.rate())
                + " ("
                + accuracy.agreeing()
                + " of "
                + accuracy.judged()
                + (accuracy.modelTies() > 0 ? ", " + accuracy.modelTies() + " ties" : "")
                + ")";
    }

    /** One line of the human–label table. */
    private record VerdictLine(
            String source,
            String pairs,
            String chosen,
            String rejected,
            String ties,
            String bothBad,
            String skips,
            String agreement) {
        static VerdictLine of(String source, long pairs, VerdictCounts counts) {
            return new VerdictLine(
                    source,
                    String.valueOf(pairs),
                    String.valueOf(counts.agreeWithLabel()),
                    String.valueOf(counts.disagreeWithLabel()),
                    String.valueOf(counts.ties()),
                    String.valueOf(counts.bothBad()),
                    String.valueOf(counts.skips()),
                    NumberText.percent(counts.agreementRate()));
        }
    }

    private static Node humanTable(HumanLabelAgreement humans) {
        List<VerdictLine> lines = new ArrayList<>();
        lines.add(
                VerdictLine.of(
                        InspectionCharts.ALL_SOURCES, humans.annotatedPairs(), humans.overall()));
        for (SourceVerdictCounts source : humans.perSource()) {
            lines.add(
                    VerdictLine.of(
                            InspectionCharts.sourceName(source.source()),
                            source.annotatedPairs(),
                            source.counts()));
        }
        TableView<VerdictLine> table = new TableView<>(FXCollections.observableArrayList(lines));
        table.getColumns()
                .addAll(
                        List.of(
                                InspectTables.textColumn("Source", VerdictLine::source, 300),
                                InspectTables.textColumn(
                                        "Annotated pairs", VerdictLine::pairs, 130),
                                InspectTables.textColumn("Prefer chosen", VerdictLine::chosen, 120),
                                InspectTables.textColumn(
                                        "Prefer rejected", VerdictLine::rejected, 130),
                                InspectTables.textColumn("Ties", VerdictLine::ties, 90),
                                InspectTables.textColumn("Both bad", VerdictLine::bothBad, 90),
                                InspectTables.textColumn("Skipped", VerdictLine::skips, 90),
                                InspectTables.textColumn(
                                        "Agree with label", VerdictLine::agreement, 130)));
        return tableCard(
                "Verdicts per source",
                "Agree: of the verdicts preferring a side, the share preferring the labelled"
                        + " chosen side",
                table);
    }

    /** A table as wide as two cards, so that its columns fit. */
    private static Node tableCard(String title, String caption, TableView<?> table) {
        double width = 2 * CARD_WIDTH + 32;
        table.setPrefSize(width, CARD_HEIGHT);
        table.setMinSize(width, CARD_HEIGHT);
        table.getStyleClass().addAll("inspect-table", "dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return card(title, caption, table);
    }
}
