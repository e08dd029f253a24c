package io.rewardlens.ui.annotate;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The workbench's keys: each action with the key shown on screen and the key combinations that
 * trigger it. One list, so the keys the window reacts to and the keys it shows never differ.
 */
public enum Shortcut {
    /** Response A is better. */
    A_BETTER("1", "A better", KeyCode.DIGIT1, KeyCode.NUMPAD1),
    /** Response B is better. */
    B_BETTER("2", "B better", KeyCode.DIGIT2, KeyCode.NUMPAD2),
    /** About equally good. */
    TIE("3", "Tie", KeyCode.DIGIT3, KeyCode.NUMPAD3),
    /** Both unacceptable. */
    BOTH_BAD("4", "Both bad", KeyCode.DIGIT4, KeyCode.NUMPAD4),
    /** Pass on the pair. */
    SKIP("S", "Skip", KeyCode.S),
    /** The previous pair. */
    PREVIOUS("\u2190", "Previous", KeyCode.LEFT),
    /** The next pair. */
    NEXT("\u2192", "Next", KeyCode.RIGHT),
    /** Take back the last verdict. */
    UNDO("Ctrl+Z", "Undo", shortcut(KeyCode.Z)),
    /** Strength 1: a slight preference. */
    STRENGTH_1("Shift+1", "slight", shifted(KeyCode.DIGIT1)),
    /** Strength 2: a moderate preference. */
    STRENGTH_2("Shift+2", "moderate", shifted(KeyCode.DIGIT2)),
    /** Strength 3: a clear preference. */
    STRENGTH_3("Shift+3", "clear", shifted(KeyCode.DIGIT3)),
    /** Toggle the first tag. */
    TAG_1("Ctrl+1", "tag 1", shortcut(KeyCode.DIGIT1)),
    /** Toggle the second tag. */
    TAG_2("Ctrl+2", "tag 2", shortcut(KeyCode.DIGIT2)),
    /** Toggle the third tag. */
    TAG_3("Ctrl+3", "tag 3", shortcut(KeyCode.DIGIT3)),
    /** Toggle the fourth tag. */
    TAG_4("Ctrl+4", "tag 4", shortcut(KeyCode.DIGIT4)),
    /** Toggle the fifth tag. */
    TAG_5("Ctrl+5", "tag 5", shortcut(KeyCode.DIGIT5)),
    /** Toggle the sixth tag. */
    TAG_6("Ctrl+6", "tag 6", shortcut(KeyCode.DIGIT6)),
    /** Toggle the seventh tag. */
    TAG_7("Ctrl+7", "tag 7", shortcut(KeyCode.DIGIT7)),
    /** Toggle the eighth tag. */
    TAG_8("Ctrl+8", "tag 8", shortcut(KeyCode.DIGIT8)),
    /** Toggle the ninth tag. */
    TAG_9("Ctrl+9", "tag 9", shortcut(KeyCode.DIGIT9)),
    /** Type the rationale (Enter or Esc returns). */
    RATIONALE("R", "Rationale", KeyCode.R),
    /** Show or hide the word diff of A and B. */
    DIFF("D", "Word diff", KeyCode.D),
    /** Colour each response's text by the change of score each token brings. */
    HEAT("H", "Token heat", KeyCode.H),
    /** Show or hide the chart of the score along the tokens of A and B. */
    CHART("G", "Score chart", KeyCode.G),
    /** Edit a copy of response A and see its score change. */
    EDIT_A("E", "Edit A", KeyCode.E),
    /** Edit a copy of response B and see its score change. */
    EDIT_B("Shift+E", "Edit B", shifted(KeyCode.E)),
    /** Show every key. */
    HELP("F1", "Keys", KeyCode.F1);

    private final String key;
    private final String description;
    private final List<KeyCombination> combinations;

    Shortcut(String key, String description, KeyCode... codes) {
        this(key, description, plain(codes));
    }

    Shortcut(String key, String description, KeyCombination combination) {
        this(key, description, new KeyCombination[] {combination});
    }

    Shortcut(String key, String description, KeyCombination[] combinations) {
        this.key = key;
        this.description = description;
        this.combinations = List.of(combinations);
    }

    private static KeyCombination[] plain(KeyCode... codes) {
        KeyCombination[] combinations = new KeyCombination[codes.length];
        for (int i = 0; i < codes.length; i++) {
            combinations[i] = new KeyCodeCombination(codes[i]);
        }
        return combinations;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shifted(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    /**
     * The key as shown on screen, such as {@code Ctrl+Z}.
     *
     * @return the key's label
     */
    public String key() {
        return key;
    }

    /**
     * What the key does.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Whether a key press triggers this action.
     *
     * @param event the key press
     * @return true when one of its combinations matches
     */
    public boolean matches(KeyEvent event) {
        for (KeyCombination combination : combinations) {
            if (combination.match(event)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The action a key press triggers.
     *
     * @param event the key press
     * @return the action, or null when the key means nothing here
     */
    public static Shortcut of(KeyEvent event) {
        for (Shortcut shortcut : values()) {
            if (shortcut.matches(event)) {
                return shortcut;
            }
        }
        return null;
    }

    /**
     * The tag toggle for a position.
     *
     * @param position 0 for the first tag, up to 8
     * @return the shortcut
     */
    public static Shortcut tag(int position) {
        return values()[TAG_1.ordinal() + position];
    }
}
