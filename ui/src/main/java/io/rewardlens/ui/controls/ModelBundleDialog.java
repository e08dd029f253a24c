package io.rewardlens.ui.controls;

import io.rewardlens.scoring.DeviceChoice;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a model bundle folder and the device to run it on. */
public final class ModelBundleDialog {
    private ModelBundleDialog() {}

    /**
     * A bundle folder and device chosen.
     *
     * @param directory the bundle folder
     * @param device where to run it
     */
    public record Choice(Path directory, DeviceChoice device) {}

    /**
     * Shows the dialog and waits for the answer.
     *
     * @param owner the window that owns the dialog
     * @param title the dialog's title
     * @param header the text above the fields
     * @param deviceNote the text below the device choice
     * @param device the device chosen at first
     * @return the choice, or empty when cancelled
     */
    public static Optional<Choice> ask(
            Window owner, String title, String header, String deviceNote, DeviceChoice device) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        FolderField folder = new FolderField(owner, "Model bundle folder", "");
        folder.textField().setPromptText("bundle folder");
        folder.textField().setPrefColumnCount(40);
        ChoiceBox<DeviceChoice> deviceBox = new ChoiceBox<>();
        deviceBox.getItems().setAll(DeviceChoice.values());
        deviceBox.setValue(device);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Folder"), folder.node());
        grid.addRow(1, new Label("Device"), deviceBox);
        grid.addRow(2, new Label(""), new Label(deviceNote));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(folder.textProperty().isEmpty());
        dialog.setResultConverter(
                button ->
                        button == ButtonType.OK
                                ? new Choice(
                                        Path.of(folder.textProperty().get().strip()),
                                        deviceBox.getValue())
                                : null);
        return dialog.showAndWait();
    }
}
