package io.rewardlens.ui.inspect;

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
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks for a model bundle folder to compare and the device to run it on. */
final class AddModelDialog {
    private AddModelDialog() {}

    /**
     * A bundle folder and device chosen.
     *
     * @param directory the bundle folder
     * @param device where to run it
     */
    record Choice(Path directory, DeviceChoice device) {}

    static Optional<Choice> ask(Window owner) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a model to compare");
        dialog.setHeaderText(
                "A model bundle folder; it is loaded next to the pair view's model, which stays");
        TextField folder = new TextField();
        folder.setPromptText("bundle folder");
        folder.setPrefColumnCount(40);
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(
                event -> {
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle("Model bundle folder");
                    File chosen = chooser.showDialog(owner);
                    if (chosen != null) {
                        folder.setText(chosen.getAbsolutePath());
                    }
                });
        HBox.setHgrow(folder, Priority.ALWAYS);
        ChoiceBox<DeviceChoice> device = new ChoiceBox<>();
        device.getItems().setAll(DeviceChoice.values());
        device.setValue(DeviceChoice.AUTO);
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
                                + " trace. Each model needs its own memory."));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(folder.textProperty().isEmpty());
        dialog.setResultConverter(
                button ->
                        button == ButtonType.OK
                                ? new Choice(Path.of(folder.getText().strip()), device.getValue())
                                : null);
        return dialog.showAndWait();
    }
}
