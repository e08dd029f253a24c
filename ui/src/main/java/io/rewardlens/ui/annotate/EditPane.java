package io.rewardlens.ui.annotate;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The response editor: a copy of one response's last message to edit, its score re-computed as the
 * text changes and the change from the original, "save as variant" ({@code Ctrl+S}) and close
 * ({@code Esc}). Shown only while editing; binds to an {@link EditViewModel}.
 */
public final class EditPane {
    private static final KeyCombination SAVE =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final EditViewModel viewModel;
    private final VBox root = new VBox();
    private final Label title = new Label();
    private final TextArea text = new TextArea();
    private final Label scores = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label message = new Label();

    /**
     * Builds the editor and binds it.
     *
     * @param viewModel the edit state
     */
    public EditPane(EditViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("edit-pane");
        title.getStyleClass().add("edit-title");
        text.getStyleClass().add("edit-text");
        text.setWrapText(true);
        text.setPrefRowCount(8);
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        scores.getStyleClass().add("edit-scores");
        message.getStyleClass().add("edit-message");
        message.setWrapText(true);
        Button save = new Button("Save as variant [Ctrl+S]");
        save.setFocusTraversable(false);
        save.setOnAction(event -> viewModel.saveAsVariant());
        Button close = new Button("Close [Esc]");
        close.setFocusTraversable(false);
        close.setOnAction(event -> close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox status = new HBox(spinner, scores, gap, save, close);
        status.getStyleClass().add("edit-status");
        root.getChildren().addAll(title, text, status, message);

        text.textProperty().addListener((o, before, after) -> viewModel.setText(after));
        text.setOnKeyPressed(
                event -> {
                    if (event.getCode() == KeyCode.ESCAPE) {
                        close();
                        event.consume();
                    } else if (SAVE.match(event)) {
                        viewModel.saveAsVariant();
                        event.consume();
                    }
                });
        viewModel
                .editingProperty()
                .addListener(
                        (o, before, side) -> {
                            boolean editing = side != null;
                            root.setVisible(editing);
                            root.setManaged(editing);
                            if (editing) {
                                title.setText(
                                        "Editing a copy of response "
                                                + side
                                                + " (its last message); the original stays as it"
                                                + " is");
                                text.setText(viewModel.textProperty().get());
                                text.requestFocus();
                            }
                        });
        viewModel.stateProperty().addListener((o, before, after) -> showScores());
        viewModel.editedScoreProperty().addListener((o, before, after) -> showScores());
        viewModel.originalScoreProperty().addListener((o, before, after) -> showScores());
        message.textProperty().bind(viewModel.messageProperty());
        root.setVisible(false);
        root.setManaged(false);
        showScores();
    }

    /**
     * The editor's root node.
     *
     * @return the node
     */
    public Node node() {
        return root;
    }

    private void close() {
        viewModel.close();
        if (root.getScene() != null) {
            root.getScene().getRoot().requestFocus();
        }
    }

    private void showScores() {
        ScoreState state = viewModel.stateProperty().get();
        spinner.setVisible(state == ScoreState.SCORING);
        spinner.setManaged(state == ScoreState.SCORING);
        double original = viewModel.originalScoreProperty().get();
        double edited = viewModel.editedScoreProperty().get();
        scores.setText(
                switch (state) {
                    case READY ->
                            String.format(
                                    Locale.ROOT,
                                    "Original %.3f \u2192 edited %.3f (%+.3f)",
                                    original,
                                    edited,
                                    edited - original);
                    case SCORING -> "Scoring the edited text\u2026";
                    case HIDDEN -> "Blind mode: scores show after your verdict";
                    case FAILED -> "Not scored";
                    case NO_MODEL -> "No reward model";
                });
    }
}
