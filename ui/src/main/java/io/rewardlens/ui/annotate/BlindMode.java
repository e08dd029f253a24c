package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Verdict;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Blind mode, set by the user or required by the database: the RM scores, their per-token detail
 * and the dataset's label stay hidden on a pair until the annotator's verdict on it (a skip is no
 * verdict).
 */
final class BlindMode {
    private final ReadOnlyBooleanWrapper blind = new ReadOnlyBooleanWrapper(this, "blind");
    private final ReadOnlyBooleanWrapper required =
            new ReadOnlyBooleanWrapper(this, "blindRequired");

    /**
     * Whether blind mode is in effect.
     *
     * @return true in blind mode
     */
    ReadOnlyBooleanProperty blindProperty() {
        return blind.getReadOnlyProperty();
    }

    /**
     * Whether the open database requires blind mode.
     *
     * @return true when required
     */
    ReadOnlyBooleanProperty requiredProperty() {
        return required.getReadOnlyProperty();
    }

    /**
     * Sets blind mode.
     *
     * @param byUser the user's own setting
     * @param byStore whether the open database requires it
     */
    void set(boolean byUser, boolean byStore) {
        blind.set(byUser || byStore);
        required.set(byStore);
    }

    /**
     * Whether what the model and the dataset say of a pair is hidden.
     *
     * @param mine the annotator's annotation of the pair, or null
     * @return true while hidden
     */
    boolean hides(Annotation mine) {
        return blind.get() && (mine == null || mine.verdict() == Verdict.SKIP);
    }
}
