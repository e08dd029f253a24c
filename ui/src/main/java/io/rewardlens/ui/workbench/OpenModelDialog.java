package io.rewardlens.ui.workbench;

import io.rewardlens.scoring.DeviceChoice;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

/** Asks for a model bundle folder and the device to run it on. */
final class OpenModelDialog {
    private OpenModelDialog() {}

    static Optional<WorkbenchWindow.ModelChoice> ask(Stage owner, DeviceChoice defaultDevice) {
        Dialog<WorkbenchWindow.ModelChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open a reward model");
        dialog.setHeaderText("A RewardLens model bundle: a folder with bundle.json");
        TextField folder = new TextField();
        folder.setPromptText("bundle folder");
        folder.setPrefColumnCount(40);
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(
                event -> {
                    File chosen = WorkbenchWindow.chooseFolder(owner, "Model bundle folder");
                    if (chosen != null) {
                        folder.setText(chosen.getAbsolutePath());
                    }
                });
        HBox.setHgrow(folder, Priority.ALWAYS);
        ChoiceBox<DeviceChoice> device = new ChoiceBox<>();
        device.getItems().setAll(DeviceChoice.values());
        device.setValue(defaultDevice);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Folder"), new HBox(6, folder, browse));
        grid.addRow(1, new Label("Device"), device);
        grid.addRow(
                2,
                new Label(""),
                new Label(
                        "AUTO uses the GPU when the engine sees one and the bundle has a GPU"
                                + " trace."));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(folder.textProperty().isEmpty());
        dialog.setResultConverter(
                button ->
                        button == ButtonType.OK
                                ? new WorkbenchWindow.ModelChoice(
                                        Path.of(folder.getText().strip()), device.getValue())
                                : null);
        return dialog.showAndWait();
    }
}
