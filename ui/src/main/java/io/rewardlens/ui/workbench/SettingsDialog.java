package io.rewardlens.ui.workbench;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.ui.controls.FolderField;
import io.rewardlens.ui.settings.Settings;
import io.rewardlens.ui.settings.Theme;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/** Edits the user's settings: annotator, blind mode, tags, theme, device and libtorch folder. */
final class SettingsDialog {
    private SettingsDialog() {}

    static Optional<Settings> edit(Stage owner, Settings current) {
        Dialog<Settings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText("Your settings (kept in your configuration folder)");
        TextField annotator = new TextField(current.annotator());
        CheckBox blind = new CheckBox("Hide RM scores and the dataset label until my verdict");
        blind.setSelected(current.blindMode());
        TextArea tags = new TextArea(WorkbenchWindow.tagLines(current));
        tags.setPrefRowCount(7);
        tags.setPromptText("one tag per line (Ctrl+1 \u2026 Ctrl+9 toggle them)");
        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(Theme.values());
        theme.setValue(current.theme());
        ChoiceBox<DeviceChoice> device = new ChoiceBox<>();
        device.getItems().setAll(DeviceChoice.values());
        device.setValue(current.device());
        FolderField libtorch =
                new FolderField(
                        owner,
                        "libtorch lib folder",
                        current.libtorchPath() == null ? "" : current.libtorchPath());
        libtorch.textField().setPromptText("bundled CPU library");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Annotator"), annotator);
        grid.addRow(1, new Label("Blind mode"), blind);
        grid.addRow(2, new Label("Tags"), tags);
        grid.addRow(3, new Label("Theme"), theme);
        grid.addRow(4, new Label("Device"), device);
        grid.addRow(5, new Label("Local libtorch"), libtorch.node());
        grid.addRow(
                6,
                new Label(""),
                new Label(
                        "For a GPU: libtorch "
                                + current.libtorchVersion()
                                + " ("
                                + current.libtorchFlavor()
                                + "); used from the next start."));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(annotator.textProperty().isEmpty());
        dialog.setResultConverter(
                button ->
                        button == ButtonType.OK
                                ? current.withPreferences(
                                        annotator.getText(),
                                        blind.isSelected(),
                                        WorkbenchWindow.tagsFrom(tags.getText()),
                                        theme.getValue(),
                                        device.getValue(),
                                        libtorch.textProperty().get())
                                : null);
        return dialog.showAndWait();
    }
}
