package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The verdict keys under the pair: verdict, navigation, undo, strength, tags and the rationale
 * field, each button showing its key. Buttons forward to the {@link AnnotationViewModel} (the keys
 * themselves are handled by the window); they never take the focus, so the keyboard always drives
 * the workbench.
 */
public final class VerdictBar {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final AnnotationViewModel viewModel;
    private final VBox root = new VBox();
    private final Map<Verdict, Button> verdictButtons = new EnumMap<>(Verdict.class);
    private final Button[] strengthButtons = new Button[3];
    private final FlowPane tagPane = new FlowPane();
    private final TextField rationale = new TextField();

    /**
     * Builds the bar and binds it.
     *
     * @param viewModel the annotation state
     * @param actions runs a shortcut's action, exactly as its key would
     */
    public VerdictBar(AnnotationViewModel viewModel, Consumer<Shortcut> actions) {
        this.viewModel = viewModel;
        root.getStyleClass().add("verdict-bar");

        Button undo = button(Shortcut.UNDO, actions);
        undo.disableProperty().bind(viewModel.canUndoProperty().not());
        FlowPane verdicts = new FlowPane();
        verdicts.getStyleClass().add("verdict-row");
        verdicts.getChildren()
                .addAll(
                        verdictButton(Shortcut.A_BETTER, Verdict.A_BETTER, actions),
                        verdictButton(Shortcut.B_BETTER, Verdict.B_BETTER, actions),
                        verdictButton(Shortcut.TIE, Verdict.TIE, actions),
                        verdictButton(Shortcut.BOTH_BAD, Verdict.BOTH_BAD, actions),
                        verdictButton(Shortcut.SKIP, Verdict.SKIP, actions),
                        separator(),
                        button(Shortcut.PREVIOUS, actions),
                        button(Shortcut.NEXT, actions),
                        undo,
                        separator(),
                        button(Shortcut.DIFF, actions),
                        button(Shortcut.HEAT, actions),
                        button(Shortcut.CHART, actions),
                        button(Shortcut.EDIT_A, actions),
                        button(Shortcut.EDIT_B, actions),
                        button(Shortcut.HELP, actions));

        Label strengthLabel = new Label("Strength");
        strengthLabel.getStyleClass().add("bar-label");
        HBox strength = new HBox(strengthLabel);
        strength.getStyleClass().add("strength-row");
        Shortcut[] strengthKeys = {Shortcut.STRENGTH_1, Shortcut.STRENGTH_2, Shortcut.STRENGTH_3};
        for (int i = 0; i < 3; i++) {
            strengthButtons[i] = button(strengthKeys[i], actions);
            strength.getChildren().add(strengthButtons[i]);
        }

        Label tagLabel = new Label("Tags");
        tagLabel.getStyleClass().add("bar-label");
        tagPane.getStyleClass().add("tag-pane");
        HBox tags = new HBox(tagLabel, tagPane);
        tags.getStyleClass().add("tag-row");
        HBox.setHgrow(tagPane, Priority.ALWAYS);

        Label rationaleLabel = new Label("[" + Shortcut.RATIONALE.key() + "] Rationale");
        rationaleLabel.getStyleClass().add("bar-label");
        rationale.getStyleClass().add("rationale-field");
        rationale.setPromptText("Why? (Enter or Esc returns to the keys)");
        HBox.setHgrow(rationale, Priority.ALWAYS);
        HBox rationaleRow = new HBox(rationaleLabel, rationale);
        rationaleRow.getStyleClass().add("rationale-row");

        // Strength shares its row with the rationale field, so the tags have a whole row and the
        // seven default tags fit on one line at 1280 px.
        strength.setMinWidth(Region.USE_PREF_SIZE);
        HBox details = new HBox(strength, rationaleRow);
        details.getStyleClass().add("details-row");
        HBox.setHgrow(rationaleRow, Priority.ALWAYS);
        root.getChildren().addAll(verdicts, tags, details);

        rationale
                .textProperty()
                .addListener(
                        (o, before, after) -> {
                            if (!after.equals(viewModel.rationaleProperty().get())) {
                                viewModel.setRationale(after);
                            }
                        });
        viewModel
                .rationaleProperty()
                .addListener(
                        (o, before, after) -> {
                            if (!after.equals(rationale.getText())) {
                                rationale.setText(after);
                            }
                        });
        rationale.setOnKeyPressed(
                event -> {
                    if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.ESCAPE) {
                        viewModel.commitRationale();
                        root.getScene().getRoot().requestFocus();
                        event.consume();
                    }
                });
        rationale
                .focusedProperty()
                .addListener(
                        (o, before, focused) -> {
                            if (!focused) {
                                viewModel.commitRationale();
                            }
                        });

        viewModel.verdictProperty().addListener((o, before, after) -> showVerdict(after));
        viewModel.strengthProperty().addListener((o, before, after) -> showStrength());
        viewModel.tagsProperty().addListener((o, before, after) -> buildTags(actions));
        viewModel.selectedTagsProperty().addListener((o, before, after) -> showTags());
        buildTags(actions);
        showVerdict(viewModel.verdictProperty().get());
        showStrength();
    }

    /**
     * The bar's root node.
     *
     * @return the node
     */
    public Node node() {
        return root;
    }

    /** Puts the keyboard focus into the rationale field. */
    public void focusRationale() {
        rationale.requestFocus();
        rationale.end();
    }

    private Button verdictButton(Shortcut key, Verdict verdict, Consumer<Shortcut> actions) {
        Button button = button(key, actions);
        button.getStyleClass().add("verdict-button");
        // A read-only store takes no verdicts (its banner says why).
        button.disableProperty().bind(viewModel.readOnlyReasonProperty().isNotEmpty());
        verdictButtons.put(verdict, button);
        return button;
    }

    private static Button button(Shortcut key, Consumer<Shortcut> actions) {
        Button button = new Button("[" + key.key() + "] " + key.description());
        button.setFocusTraversable(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.getStyleClass().addAll("key-button", "small");
        button.setOnAction(event -> actions.accept(key));
        return button;
    }

    private static Node separator() {
        javafx.scene.control.Separator separator =
                new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        separator.setFocusTraversable(false);
        return separator;
    }

    private void buildTags(Consumer<Shortcut> actions) {
        List<String> tags = viewModel.tagsProperty().get();
        tagPane.getChildren().clear();
        for (int i = 0; i < tags.size(); i++) {
            Shortcut key = Shortcut.tag(i);
            Button button = new Button("[" + key.key() + "] " + tags.get(i));
            button.setFocusTraversable(false);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.getStyleClass().addAll("key-button", "tag-button", "small");
            button.setOnAction(event -> actions.accept(key));
            tagPane.getChildren().add(button);
        }
        showTags();
    }

    private void showVerdict(Verdict verdict) {
        verdictButtons.forEach(
                (value, button) -> button.pseudoClassStateChanged(SELECTED, value == verdict));
    }

    private void showStrength() {
        int strength = viewModel.strengthProperty().get();
        for (int i = 0; i < 3; i++) {
            strengthButtons[i].pseudoClassStateChanged(SELECTED, strength == i + 1);
        }
    }

    private void showTags() {
        Set<String> selected = viewModel.selectedTagsProperty().get();
        List<String> tags = viewModel.tagsProperty().get();
        for (int i = 0; i < tagPane.getChildren().size() && i < tags.size(); i++) {
            tagPane.getChildren()
                    .get(i)
                    .pseudoClassStateChanged(SELECTED, selected.contains(tags.get(i)));
        }
    }
}
