package io.rewardlens.ui.inspect;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.ui.controls.ModelBundleDialog;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The models tab: the loaded models (the pair view's and the compared ones) with name, role,
 * device, engine and folder; adding, removing and handing a model to the pair view; and scoring a
 * dataset with every model (or one), each job with its progress bar and Cancel button. Binds to a
 * {@link ModelsViewModel}.
 */
final class ModelsView {
    private final ModelsViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<ModelRow> table = new TableView<>();
    private final ComboBox<FilterChoices.Choice> dataset;

    /**
     * Builds the tab's content.
     *
     * @param inspect the inspection state
     * @param owner the window that owns the add-model dialog
     */
    ModelsView(InspectViewModel inspect, Window owner) {
        this.viewModel = inspect.models();
        dataset = FilterChoices.box("All datasets", inspect.datasetsProperty());

        Button add = new Button("Add model\u2026");
        add.setOnAction(
                event ->
                        ModelBundleDialog.ask(
                                        owner,
                                        "Add a model to compare",
                                        "A model bundle folder; it is loaded next to the pair"
                                                + " view's model, which stays",
                                        "AUTO uses the GPU when the engine sees one and the bundle"
                                                + " has a GPU trace. Each model needs its own"
                                                + " memory.",
                                        DeviceChoice.AUTO)
                                .ifPresent(
                                        choice ->
                                                viewModel.addModel(
                                                        choice.directory(), choice.device())));
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("small-progress");
        loading.visibleProperty().bind(viewModel.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        Label loadingText = new Label("loading a model\u2026");
        loadingText.visibleProperty().bind(viewModel.loadingProperty());
        loadingText.managedProperty().bind(loadingText.visibleProperty());
        Button scoreAll = new Button("Score with every model");
        scoreAll.setId("score-all");
        scoreAll.disableProperty()
                .bind(
                        Bindings.createBooleanBinding(
                                () -> viewModel.modelsProperty().get().isEmpty(),
                                viewModel.modelsProperty()));
        scoreAll.setOnAction(event -> viewModel.scoreDataset(FilterChoices.valueOf(dataset)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox toolbar =
                new HBox(add, loading, loadingText, gap, new Label("Dataset"), dataset, scoreAll);
        toolbar.getStyleClass().add("inspect-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        BooleanBinding noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        BooleanBinding pairViewSelected =
                Bindings.createBooleanBinding(
                        () -> {
                            ModelRow row = table.getSelectionModel().getSelectedItem();
                            return row == null || row.pairView();
                        },
                        table.getSelectionModel().selectedItemProperty());
        Button scoreOne = new Button("Score with this model");
        scoreOne.disableProperty().bind(noSelection);
        scoreOne.setOnAction(
                event ->
                        viewModel.scoreDataset(
                                table.getSelectionModel().getSelectedItem(),
                                FilterChoices.valueOf(dataset)));
        Button usePairView = new Button("Use in the pair view");
        usePairView.disableProperty().bind(pairViewSelected);
        usePairView.setOnAction(
                event -> viewModel.useForPairView(table.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Unload");
        remove.disableProperty().bind(pairViewSelected);
        remove.setOnAction(event -> viewModel.remove(table.getSelectionModel().getSelectedItem()));
        Label note =
                new Label(
                        "The pair view's model is changed with Model \u2192 Open\u2026 or \u201cUse"
                                + " in the pair view\u201d.");
        note.getStyleClass().add("hint");
        HBox rowActions = new HBox(scoreOne, usePairView, remove, note);
        rowActions.getStyleClass().add("row-actions");
        rowActions.setAlignment(Pos.CENTER_LEFT);
        VBox models = new VBox(heading("Loaded models"), table, rowActions);
        models.getStyleClass().add("inspect-pane");
        VBox.setVgrow(table, Priority.ALWAYS);

        ListView<ScoringJob> jobs = new ListView<>();
        jobs.setId("scoring-jobs");
        jobs.setCellFactory(list -> new JobCell());
        jobs.setPlaceholder(new Label("No scoring job yet"));
        viewModel
                .jobsProperty()
                .addListener(
                        (o, before, after) ->
                                jobs.setItems(FXCollections.observableArrayList(after)));
        jobs.setItems(FXCollections.observableArrayList(viewModel.jobsProperty().get()));
        Button cancelAll = new Button("Cancel all");
        cancelAll.setOnAction(event -> viewModel.cancelJobs());
        Button clear = new Button("Clear finished");
        clear.setOnAction(event -> viewModel.clearFinishedJobs());
        HBox jobActions = new HBox(cancelAll, clear);
        jobActions.getStyleClass().add("row-actions");
        VBox jobBox = new VBox(heading("Scoring jobs"), jobs, jobActions);
        jobBox.getStyleClass().add("inspect-pane");
        VBox.setVgrow(jobs, Priority.ALWAYS);

        SplitPane split = new SplitPane(models, jobBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        root.setTop(toolbar);
        root.setCenter(split);
        root.getStyleClass().add("models-view");
    }

    Node node() {
        return root;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private void buildTable() {
        table.setId("model-table");
        table.getStyleClass().addAll("inspect-table", "dense");
        table.getColumns()
                .addAll(
                        List.of(
                                InspectTables.textColumn("Name", ModelRow::name, 220),
                                InspectTables.textColumn("Role", ModelRow::role, 90),
                                InspectTables.textColumn("Device", ModelRow::device, 80),
                                InspectTables.textColumn("Engine", ModelRow::engine, 220),
                                InspectTables.textColumn(
                                        "In this database",
                                        row ->
                                                row.storedModelId() == null
                                                        ? "connecting\u2026"
                                                        : "model #" + row.storedModelId(),
                                        120),
                                InspectTables.textColumn(
                                        "Folder", row -> row.directory().toString(), 420)));
        table.setPlaceholder(
                new Label(
                        "No model loaded: open one with Model \u2192 Open\u2026 or add one here"));
        viewModel
                .modelsProperty()
                .addListener(
                        (o, before, after) ->
                                table.setItems(FXCollections.observableArrayList(after)));
        table.setItems(FXCollections.observableArrayList(viewModel.modelsProperty().get()));
    }

    /** A scoring job: its title, progress bar, message or outcome, and a Cancel button. */
    private static final class JobCell extends ListCell<ScoringJob> {
        private final Label title = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final Label message = new Label();
        private final Label state = new Label();
        private final Button cancel = new Button("Cancel");
        private final HBox box = new HBox(state, title, progress, message, cancel);

        JobCell() {
            box.getStyleClass().add("job-row");
            box.setAlignment(Pos.CENTER_LEFT);
            title.getStyleClass().add("job-title");
            progress.setPrefWidth(180);
            state.getStyleClass().add("job-state");
            message.getStyleClass().add("job-message");
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(ScoringJob job, boolean empty) {
            super.updateItem(job, empty);
            progress.progressProperty().unbind();
            message.textProperty().unbind();
            state.textProperty().unbind();
            cancel.disableProperty().unbind();
            if (empty || job == null) {
                setGraphic(null);
                return;
            }
            title.setText(job.title());
            progress.progressProperty().bind(job.progressProperty());
            message.textProperty().bind(job.messageProperty());
            state.textProperty().bind(Bindings.convert(job.stateProperty()));
            cancel.disableProperty()
                    .bind(job.stateProperty().isNotEqualTo(ScoringJob.State.RUNNING));
            cancel.setOnAction(event -> job.cancel());
            setGraphic(box);
        }
    }
}
