package io.rewardlens.ui.workbench;

import io.rewardlens.ui.task.BackgroundJob;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: database, model (marked when it is the demo), device and engine version, and the
 * long job under way with its progress bar, message and a cancel button. Binds to a {@link
 * WorkbenchViewModel}.
 */
public final class StatusBar {
    private final HBox root = new HBox();
    private final HBox jobBox = new HBox();
    private final Label jobTitle = new Label();
    private final ProgressBar jobProgress = new ProgressBar();
    private final Label jobMessage = new Label();

    /**
     * Builds the bar and binds it.
     *
     * @param viewModel the workbench state
     */
    public StatusBar(WorkbenchViewModel viewModel) {
        root.getStyleClass().add("status-bar");
        Label database = new Label();
        database.getStyleClass().add("status-database");
        database.textProperty()
                .bind(Bindings.concat("Database: ", viewModel.databaseLabelProperty()));
        Label model = new Label();
        model.getStyleClass().add("status-model");
        model.textProperty().bind(Bindings.concat("Model: ", viewModel.modelLabelProperty()));
        // The database path gives way first (its start is cut), the model's name keeps its width.
        database.setMaxWidth(420);
        database.setMinWidth(120);
        database.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        model.setMinWidth(Region.USE_PREF_SIZE);
        Label demo = new Label("DEMO");
        demo.getStyleClass().add("demo-badge");
        demo.visibleProperty().bind(viewModel.demoModelProperty());
        demo.managedProperty().bind(viewModel.demoModelProperty());
        Label device = new Label();
        device.getStyleClass().add("status-device");
        device.textProperty().bind(Bindings.concat("Device: ", viewModel.deviceLabelProperty()));
        Label engine = new Label();
        engine.getStyleClass().add("status-engine");
        engine.textProperty().bind(Bindings.concat("Engine: ", viewModel.engineLabelProperty()));
        device.setMinWidth(Region.USE_PREF_SIZE);
        engine.setMinWidth(Region.USE_PREF_SIZE);
        demo.setMinWidth(Region.USE_PREF_SIZE);
        Label notice = new Label();
        notice.getStyleClass().add("status-notice");
        notice.textProperty().bind(viewModel.noticeProperty());

        jobTitle.getStyleClass().add("job-title");
        jobProgress.getStyleClass().add("job-progress");
        jobProgress.setPrefWidth(160);
        jobMessage.getStyleClass().add("job-message");
        Button cancel = new Button("Cancel");
        cancel.setFocusTraversable(false);
        cancel.setOnAction(event -> viewModel.cancelJob());
        jobBox.getChildren().addAll(jobTitle, jobProgress, jobMessage, cancel);
        jobBox.getStyleClass().add("job-box");

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root.getChildren()
                .addAll(
                        database,
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        model,
                        demo,
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        device,
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        engine,
                        gap,
                        notice,
                        jobBox);
        viewModel.activeJobProperty().addListener((o, before, after) -> showJob(after));
        showJob(viewModel.activeJobProperty().get());
    }

    /**
     * The bar's root node.
     *
     * @return the node
     */
    public Node node() {
        return root;
    }

    private void showJob(BackgroundJob job) {
        jobTitle.textProperty().unbind();
        jobMessage.textProperty().unbind();
        jobProgress.progressProperty().unbind();
        boolean running = job != null;
        jobBox.setVisible(running);
        jobBox.setManaged(running);
        if (running) {
            jobTitle.textProperty().bind(job.titleProperty());
            jobMessage.textProperty().bind(job.messageProperty());
            jobProgress.progressProperty().bind(job.progressProperty());
        }
    }
}
