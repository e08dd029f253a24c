package io.rewardlens.ui.controls;

import java.io.File;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** A text field for a folder's path with a Browse button that picks the folder in a chooser. */
public final class FolderField {
    private final TextField text;
    private final HBox node;

    /**
     * Builds the field.
     *
     * @param owner the window that owns the folder chooser
     * @param chooserTitle the folder chooser's title
     * @param initialText the path shown at first
     */
    public FolderField(Window owner, String chooserTitle, String initialText) {
        text = new TextField(initialText);
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(
                event -> {
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle(chooserTitle);
                    File chosen = chooser.showDialog(owner);
                    if (chosen != null) {
                        text.setText(chosen.getAbsolutePath());
                    }
                });
        HBox.setHgrow(text, Priority.ALWAYS);
        node = new HBox(6, text, browse);
    }

    /**
     * The text field, to set its prompt or size.
     *
     * @return the text field
     */
    public TextField textField() {
        return text;
    }

    /**
     * The path typed or picked.
     *
     * @return the path's text property
     */
    public StringProperty textProperty() {
        return text.textProperty();
    }

    /**
     * The field and its button, for a layout.
     *
     * @return the node
     */
    public Node node() {
        return node;
    }
}
