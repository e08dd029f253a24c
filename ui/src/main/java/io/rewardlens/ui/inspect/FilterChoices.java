package io.rewardlens.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;

/**
 * Combo boxes whose first entry means "no restriction" (null), such as "All datasets", followed by
 * the values of a list that can change. Used by the inspection views' filters.
 */
final class FilterChoices {
    private FilterChoices() {}

    /**
     * One entry: a value, or null for the "all" entry.
     *
     * @param value the value, or null
     * @param label what the box shows
     */
    record Choice(String value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A combo box of "all" and the values, kept up to date with them; the selection survives an
     * update when its value is still there.
     *
     * @param allLabel the label of the "all" entry
     * @param values the values offered
     * @return the box, with "all" selected
     */
    static ComboBox<Choice> box(String allLabel, ObservableValue<List<String>> values) {
        ComboBox<Choice> box = new ComboBox<>();
        Runnable fill =
                () -> {
                    String selected = valueOf(box);
                    List<Choice> choices = new ArrayList<>();
                    choices.add(new Choice(null, allLabel));
                    for (String value : values.getValue()) {
                        choices.add(new Choice(value, value));
                    }
                    box.getItems().setAll(choices);
                    select(box, selected);
                };
        fill.run();
        values.addListener((o, before, after) -> fill.run());
        return box;
    }

    /**
     * The value selected.
     *
     * @param box the box
     * @return the value, null for "all" or no selection
     */
    static String valueOf(ComboBox<Choice> box) {
        Choice choice = box.getValue();
        return choice == null ? null : choice.value();
    }

    /**
     * Selects the entry of a value, or "all" when the box does not offer it.
     *
     * @param box the box
     * @param value the value, or null for "all"
     */
    static void select(ComboBox<Choice> box, String value) {
        for (Choice choice : box.getItems()) {
            if (Objects.equals(choice.value(), value)) {
                box.setValue(choice);
                return;
            }
        }
        box.setValue(box.getItems().isEmpty() ? null : box.getItems().get(0));
    }
}
