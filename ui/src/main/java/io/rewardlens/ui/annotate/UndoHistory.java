package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Annotation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** The session's changes of annotations, last first, for undo. */
final class UndoHistory {
    /**
     * One undoable change of an annotation.
     *
     * @param pairId the pair
     * @param before what was saved before, or null
     * @param after what was saved
     * @param counted whether it was a new verdict counted in the session
     * @param annotatedByOthers whether others had annotated the pair
     */
    record Change(
            long pairId,
            Annotation before,
            Annotation after,
            boolean counted,
            boolean annotatedByOthers) {
        /** Rejects a change without what was saved. */
        Change {
            Objects.requireNonNull(after, "after");
        }
    }

    private final Deque<Change> changes = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");

    /**
     * Whether there is a change to undo.
     *
     * @return true when undo does something
     */
    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /**
     * Remembers a change.
     *
     * @param change the change just made
     */
    void record(Change change) {
        changes.push(Objects.requireNonNull(change, "change"));
        canUndo.set(true);
    }

    /**
     * Takes the last change out of the history.
     *
     * @return the change, or null when there is none
     */
    Change takeLast() {
        Change last = changes.poll();
        canUndo.set(!changes.isEmpty());
        return last;
    }

    /** Forgets every change (another database or annotator: they can no longer be undone). */
    void clear() {
        changes.clear();
        canUndo.set(false);
    }
}
