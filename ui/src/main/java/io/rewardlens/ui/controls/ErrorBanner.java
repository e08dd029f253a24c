package io.rewardlens.ui.controls;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A banner across the top of a window that shows an error, with a button to dismiss it. */
public final class ErrorBanner {
    private ErrorBanner() {}

    /**
     * Builds the banner; it shows, and takes room, only while there is an error.
     *
     * @param error the error text, empty when there is none
     * @param dismiss what the Dismiss button does
     * @return the banner
     */
    public static Node of(ReadOnlyStringProperty error, Runnable dismiss) {
        Label message = new Label();
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(error);
        Button dismissButton = new Button("Dismiss");
        dismissButton.setFocusTraversable(false);
        dismissButton.setOnAction(event -> dismiss.run());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox banner = new HBox(message, dismissButton);
        banner.getStyleClass().add("error-banner");
        banner.visibleProperty().bind(error.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
