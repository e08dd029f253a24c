package io.rewardlens.ui.annotate;

import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How far the annotation has come: the queue's pairs annotated by anyone out of all of them ({@code
 * n / N}), and this session's verdicts with their pace.
 */
final class SessionProgress {
    private long total = -1;
    private long sessionTimeMs;

    private final ReadOnlyLongWrapper annotated =
            new ReadOnlyLongWrapper(this, "annotatedCount", -1);
    private final ReadOnlyStringWrapper progressText =
            new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyIntegerWrapper sessionCount =
            new ReadOnlyIntegerWrapper(this, "sessionCount");
    private final ReadOnlyStringWrapper paceText = new ReadOnlyStringWrapper(this, "paceText", "");

    /**
     * Pairs of the queue's datasets and source that anyone annotated.
     *
     * @return the count, -1 while unknown
     */
    ReadOnlyLongProperty annotatedCountProperty() {
        return annotated.getReadOnlyProperty();
    }

    /**
     * Progress as {@code n / N} annotated ({@code … / …} while counting).
     *
     * @return the text
     */
    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /**
     * Verdicts given in this session (undone ones not counted).
     *
     * @return the count
     */
    ReadOnlyIntegerProperty sessionCountProperty() {
        return sessionCount.getReadOnlyProperty();
    }

    /**
     * The session's pace, such as {@code 9.5 s per pair}.
     *
     * @return the text, empty before the first verdict
     */
    ReadOnlyStringProperty paceTextProperty() {
        return paceText.getReadOnlyProperty();
    }

    /** Forgets the queue's counts while they are counted again. */
    void countsUnknown() {
        counted(-1, -1);
    }

    /**
     * Sets the queue's counts.
     *
     * @param annotatedPairs pairs annotated by anyone, -1 for unknown
     * @param allPairs all pairs, -1 for unknown
     */
    void counted(long annotatedPairs, long allPairs) {
        annotated.set(annotatedPairs);
        total = allPairs;
        updateProgressText();
    }

    /**
     * Follows a pair becoming annotated or no longer annotated (nothing while the counts are
     * unknown).
     *
     * @param before whether anyone had annotated it before
     * @param after whether anyone has now
     */
    void annotatedChanged(boolean before, boolean after) {
        if (before == after || annotated.get() < 0) {
            return;
        }
        annotated.set(annotated.get() + (after ? 1 : -1));
        updateProgressText();
    }

    /** Counts a pair added to the queue (an edited variant). */
    void pairAdded() {
        if (total >= 0) {
            total++;
            updateProgressText();
        }
    }

    /**
     * Counts a verdict given in this session.
     *
     * @param timeTakenMs how long the annotator took on it
     */
    void verdictGiven(long timeTakenMs) {
        sessionCount.set(sessionCount.get() + 1);
        sessionTimeMs += timeTakenMs;
        updatePace();
    }

    /**
     * Takes back a verdict counted by {@link #verdictGiven}.
     *
     * @param timeTakenMs the time it was counted with
     */
    void verdictUndone(long timeTakenMs) {
        sessionCount.set(sessionCount.get() - 1);
        sessionTimeMs -= timeTakenMs;
        updatePace();
    }

    private void updatePace() {
        int count = sessionCount.get();
        paceText.set(
                count <= 0
                        ? ""
                        : String.format(
                                Locale.ROOT, "%.1f s per pair", sessionTimeMs / 1000.0 / count));
    }

    private void updateProgressText() {
        long done = annotated.get();
        progressText.set(total < 0 || done < 0 ? "\u2026 / \u2026" : done + " / " + total);
    }
}
