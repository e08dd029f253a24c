package io.rewardlens.ui.workbench;

import io.rewardlens.ui.annotate.Shortcut;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Lists every key of the workbench with what it does. */
final class KeysDialog {
    private KeysDialog() {}

    static void show(Window owner, List<String> tags) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("keys-grid");
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Shortcut shortcut : Shortcut.values()) {
            String description = shortcut.description();
            if (shortcut.name().startsWith("TAG_")) {
                int position = shortcut.ordinal() - Shortcut.TAG_1.ordinal();
                if (position >= tags.size()) {
                    continue;
                }
                description = "toggle tag \u201c" + tags.get(position) + "\u201d";
            } else if (shortcut.name().startsWith("STRENGTH_")) {
                description = "strength: " + description;
            }
            Label key = new Label(shortcut.key());
            key.getStyleClass().add("keys-key");
            grid.addRow(row++, key, new Label(description));
        }
        grid.addRow(row++, new Label("Enter / Esc"), new Label("leave the rationale field"));
        grid.addRow(
                row,
                new Label("Ctrl+S / Esc"),
                new Label("in the editor: save as variant / close"));
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keys");
        alert.setHeaderText("Everything works from the keyboard");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }
}
