package io.rewardlens.ui.inspect;

import io.rewardlens.ui.task.BackgroundJob;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bar above the reports and the model comparison: which dataset and source to analyse, Refresh,
 * and the computation's progress bar with a Cancel button, or what the report covers. Binds to an
 * {@link AnalysisViewModel}.
 */
final class AnalysisToolbar {
    private final HBox root = new HBox();
    private final Label jobMessage = new Label();
    private final ProgressBar jobProgress = new ProgressBar();
    private final HBox jobBox = new HBox();

    AnalysisToolbar(InspectViewModel inspect) {
        AnalysisViewModel viewModel = inspect.analysis();
        ComboBox<FilterChoices.Choice> dataset =
                FilterChoices.box("All datasets", inspect.datasetsProperty());
        ComboBox<FilterChoices.Choice> source =
                FilterChoices.box("All sources", inspect.sourcesProperty());
        dataset.setMaxWidth(240);
        source.setMaxWidth(260);
        FilterChoices.select(dataset, viewModel.datasetProperty().get());
        FilterChoices.select(source, viewModel.sourceProperty().get());
        Runnable scope =
                () ->
                        viewModel.setScope(
                                FilterChoices.valueOf(dataset), FilterChoices.valueOf(source));
        dataset.setOnAction(event -> scope.run());
        source.setOnAction(event -> scope.run());
        viewModel
                .datasetProperty()
                .addListener((o, before, after) -> FilterChoices.select(dataset, after));
        viewModel
                .sourceProperty()
                .addListener((o, before, after) -> FilterChoices.select(source, after));

        Button refresh = new Button("Refresh");
        refresh.getStyleClass().add("refresh-button");
        refresh.setDefaultButton(false);
        refresh.setOnAction(event -> viewModel.refresh());

        Label status = new Label();
        status.getStyleClass().add("analysis-status");
        status.textProperty().bind(viewModel.statusProperty());
        Label stale = new Label("out of date: press Refresh");
        stale.getStyleClass().add("stale-badge");
        stale.visibleProperty()
                .bind(
                        viewModel
                                .staleProperty()
                                .and(viewModel.reportProperty().isNotNull())
                                .and(viewModel.jobProperty().isNull()));
        stale.managedProperty().bind(stale.visibleProperty());

        jobProgress.setPrefWidth(180);
        jobProgress.getStyleClass().add("analysis-progress");
        Button cancel = new Button("Cancel");
        cancel.setOnAction(event -> viewModel.cancel());
        jobBox.getChildren().addAll(jobProgress, jobMessage, cancel);
        jobBox.getStyleClass().add("job-box");
        viewModel.jobProperty().addListener((o, before, after) -> showJob(after));
        showJob(viewModel.jobProperty().get());
        status.visibleProperty().bind(Bindings.not(jobBox.visibleProperty()));
        status.managedProperty().bind(status.visibleProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root.getChildren()
                .addAll(
                        new Label("Dataset"),
                        dataset,
                        new Label("Source"),
                        source,
                        refresh,
                        gap,
                        jobBox,
                        status,
                        stale);
        root.getStyleClass().add("inspect-toolbar");
    }

    Node node() {
        return root;
    }

    private void showJob(BackgroundJob job) {
        jobMessage.textProperty().unbind();
        jobProgress.progressProperty().unbind();
        boolean running = job != null;
        jobBox.setVisible(running);
        jobBox.setManaged(running);
        if (running) {
            jobMessage.textProperty().bind(job.messageProperty());
            jobProgress.progressProperty().bind(job.progressProperty());
        }
    }
}
