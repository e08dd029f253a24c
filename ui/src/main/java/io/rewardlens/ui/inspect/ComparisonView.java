package io.rewardlens.ui.inspect;

import io.rewardlens.storage.analysis.AgreementMatrix;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.AnalyzedPair;
import io.rewardlens.storage.analysis.ModelAgreement;
import io.rewardlens.storage.analysis.ModelConflict;
import io.rewardlens.storage.analysis.SideScores;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The model comparison tab: how often every two models prefer the same side (a matrix), the pairs
 * the models judge most differently, and every scored pair with each model's chosen and rejected
 * score and margin side by side. Enter or a double click on a pair opens it in the pair view. Binds
 * to the {@link ModelComparison} of an {@link AnalysisViewModel}.
 */
final class ComparisonView {
    private final InspectViewModel inspect;
    private final Runnable afterOpen;
    private final BorderPane root = new BorderPane();
    private final GridPane matrix = new GridPane();
    private final TableView<ModelConflict> conflicts = new TableView<>();
    private final TableView<AnalyzedPair> scores = new TableView<>();

    /**
     * Builds the tab's content.
     *
     * @param inspect the inspection state
     * @param afterOpen brings the pair view forward once a pair was opened
     */
    ComparisonView(InspectViewModel inspect, Runnable afterOpen) {
        this.inspect = inspect;
        this.afterOpen = afterOpen;
        matrix.setId("agreement-matrix");
        matrix.getStyleClass().add("agreement-matrix");
        conflicts.setId("conflict-table");
        conflicts.getStyleClass().addAll("inspect-table", "dense");
        scores.setId("score-table");
        scores.getStyleClass().addAll("inspect-table", "dense");
        InspectTables.openOnEnterOrDoubleClick(
                conflicts, conflict -> open(conflict.pair().pairId()));
        InspectTables.openOnEnterOrDoubleClick(scores, pair -> open(pair.pairId()));

        Label hint = new Label("Enter or double click on a pair: open it in the pair view");
        hint.getStyleClass().add("hint");
        ScrollPane matrixScroll = new ScrollPane(matrix);
        matrixScroll.setFitToWidth(true);
        matrixScroll.setPrefHeight(220);
        matrixScroll.getStyleClass().add("matrix-scroll");
        VBox left =
                new VBox(
                        heading("Agreement between models"),
                        caption(
                                "Share of the pairs both models scored (neither as a tie) on"
                                        + " which they prefer the same side"),
                        matrixScroll,
                        heading("Pairs the models disagree on most"),
                        caption(
                                "By spread of margins normalized by each model's typical"
                                        + " |margin|; \u201copposite\u201d: one model prefers"
                                        + " each side"),
                        conflicts);
        VBox.setVgrow(conflicts, Priority.ALWAYS);
        left.getStyleClass().add("inspect-pane");
        VBox right =
                new VBox(
                        heading("Scores side by side"),
                        caption(
                                "Each model's score of the chosen and the rejected side, and the"
                                        + " margin"),
                        scores,
                        hint);
        VBox.setVgrow(scores, Priority.ALWAYS);
        right.getStyleClass().add("inspect-pane");
        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);

        root.setTop(new AnalysisToolbar(inspect).node());
        root.setCenter(split);
        root.getStyleClass().add("comparison-view");
        inspect.analysis().comparisonProperty().addListener((o, before, after) -> show(after));
        show(inspect.analysis().comparisonProperty().get());
    }

    Node node() {
        return root;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("card-caption");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private void show(ModelComparison comparison) {
        matrix.getChildren().clear();
        conflicts.getColumns().clear();
        scores.getColumns().clear();
        if (comparison == null) {
            Label empty = new Label();
            empty.textProperty().bind(inspect.analysis().statusProperty());
            matrix.add(empty, 0, 0);
            conflicts.setItems(FXCollections.observableArrayList());
            scores.setItems(FXCollections.observableArrayList());
            conflicts.setPlaceholder(new Label("Press Refresh to compare the models"));
            scores.setPlaceholder(new Label("Press Refresh to compare the models"));
            return;
        }
        showMatrix(comparison.agreement());
        showConflicts(comparison);
        showScores(comparison);
    }

    private void showMatrix(AgreementMatrix agreement) {
        List<AnalyzedModel> models = agreement.models();
        if (models.isEmpty()) {
            matrix.add(new Label("No model has scored pairs here"), 0, 0);
            return;
        }
        for (int i = 0; i < models.size(); i++) {
            matrix.add(header(models.get(i).label()), i + 1, 0);
            matrix.add(header(models.get(i).label()), 0, i + 1);
        }
        for (int r = 0; r < models.size(); r++) {
            for (int c = 0; c < models.size(); c++) {
                ModelAgreement cell = agreement.cell(r, c);
                Label value =
                        new Label(
                                NumberText.percent(cell.rate())
                                        + "\n"
                                        + cell.samePreference()
                                        + " of "
                                        + cell.sharedPairs());
                value.getStyleClass().add("matrix-cell");
                double rate = Double.isNaN(cell.rate()) ? 0 : cell.rate();
                // The greener, the more the two models agree.
                value.setStyle(
                        String.format(
                                Locale.ROOT,
                                "-fx-background-color: rgba(46, 160, 67, %.2f);",
                                0.1 + 0.6 * rate));
                Tooltip.install(
                        value,
                        new Tooltip(
                                cell.first().label()
                                        + " and "
                                        + cell.second().label()
                                        + " prefer the same side of "
                                        + cell.samePreference()
                                        + " of the "
                                        + cell.sharedPairs()
                                        + " pairs both scored"));
                matrix.add(value, c + 1, r + 1);
            }
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("matrix-header");
        label.setMaxWidth(170);
        Tooltip.install(label, new Tooltip(text));
        return label;
    }

    private void showConflicts(ModelComparison comparison) {
        conflicts
                .getColumns()
                .addAll(
                        List.of(
                                InspectTables.textColumn(
                                        "Pair", c -> String.valueOf(c.pair().pairId()), 64),
                                InspectTables.textColumn(
                                        "Dataset", c -> c.pair().features().dataset(), 100),
                                InspectTables.textColumn(
                                        "Source",
                                        c ->
                                                InspectionCharts.sourceName(
                                                        c.pair().features().source()),
                                        170),
                                numberColumn(
                                        "Spread",
                                        ModelConflict::spread,
                                        v -> NumberText.decimal(v, 2),
                                        70),
                                InspectTables.textColumn(
                                        "Opposite", c -> c.opposite() ? "yes" : "", 70)));
        for (AnalyzedModel model : comparison.models()) {
            conflicts
                    .getColumns()
                    .add(
                            numberColumn(
                                    model.label(),
                                    c -> c.normalizedMargins().get(model.id()),
                                    NumberText::signed,
                                    110));
        }
        conflicts.setItems(FXCollections.observableArrayList(comparison.conflicts()));
        conflicts.setPlaceholder(new Label("No pair was scored by two models or more"));
    }

    private void showScores(ModelComparison comparison) {
        scores.getColumns()
                .addAll(
                        List.of(
                                InspectTables.textColumn(
                                        "Pair", p -> String.valueOf(p.pairId()), 64),
                                InspectTables.textColumn(
                                        "Dataset", p -> p.features().dataset(), 100),
                                InspectTables.textColumn(
                                        "Source",
                                        p -> InspectionCharts.sourceName(p.features().source()),
                                        170)));
        for (AnalyzedModel model : comparison.models()) {
            TableColumn<AnalyzedPair, Double> group = new TableColumn<>(model.label());
            group.getColumns()
                    .addAll(
                            List.of(
                                    scoreColumn("chosen", model, SideScores::chosen),
                                    scoreColumn("rejected", model, SideScores::rejected),
                                    scoreColumn("margin", model, SideScores::margin)));
            scores.getColumns().add(group);
        }
        scores.setItems(FXCollections.observableArrayList(comparison.scoredPairs()));
        scores.setPlaceholder(new Label("No model has scored pairs here"));
    }

    private static TableColumn<AnalyzedPair, Double> scoreColumn(
            String title, AnalyzedModel model, Function<SideScores, Double> value) {
        return numberColumn(
                title,
                pair -> pair.score(model.id()).map(value).orElse(null),
                title.equals("margin") ? NumberText::signed : v -> NumberText.decimal(v, 3),
                90);
    }

    /** A column of numbers, sorted as numbers, right-aligned, written by a format; null: none. */
    private static <T> TableColumn<T, Double> numberColumn(
            String title,
            Function<T, Double> value,
            Function<Double, String> format,
            double width) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(Double item, boolean empty) {
                                super.updateItem(item, empty);
                                setText(
                                        empty
                                                ? null
                                                : item == null
                                                        ? NumberText.NONE
                                                        : format.apply(item));
                            }
                        });
        column.setPrefWidth(width);
        column.getStyleClass().add("number-column");
        return column;
    }

    private void open(long pairId) {
        inspect.openPair(pairId);
        afterOpen.run();
    }
}
