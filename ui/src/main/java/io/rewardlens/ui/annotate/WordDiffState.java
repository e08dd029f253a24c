package io.rewardlens.ui.annotate;

import io.rewardlens.ui.diff.WordDiff;
import io.rewardlens.ui.task.BackgroundExecutor;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Whether the word diff of A against B is shown, and the diff of the pair on screen while it is:
 * computed in the background on first need and kept for the {@value #CACHE} pairs seen last.
 *
 * <p>Call its methods on the UI thread.
 */
final class WordDiffState {
    /** How many pairs' diffs are kept. */
    static final int CACHE = 16;

    private final BackgroundExecutor executor;
    private final Consumer<String> errors;
    private final Map<Long, WordDiff> diffs = Lru.of(CACHE);
    private PreparedPair onScreen;

    /** Counts the databases opened, so that a late diff of an earlier one is dropped. */
    private long epoch;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "diffShown");
    private final ReadOnlyObjectWrapper<WordDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");

    /**
     * Hidden, with nothing computed.
     *
     * @param executor computes the diffs
     * @param errors shown to the user when a diff fails (on the UI thread)
     */
    WordDiffState(BackgroundExecutor executor, Consumer<String> errors) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * Whether the diff is shown instead of the rendered responses.
     *
     * @return true while shown
     */
    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /**
     * The diff of the pair on screen (A against B), once computed.
     *
     * @return the diff, null while not shown or not computed
     */
    ReadOnlyObjectProperty<WordDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** Shows or hides the diff of the pair on screen. */
    void toggle() {
        shown.set(!shown.get());
        show(onScreen);
    }

    /**
     * Follows the pair on screen: its diff while the diff is shown.
     *
     * @param pair the pair on screen, or null for none
     */
    void show(PreparedPair pair) {
        onScreen = pair;
        if (pair == null || !shown.get()) {
            diff.set(null);
            return;
        }
        WordDiff known = diffs.get(pair.id());
        diff.set(known);
        if (known != null) {
            return;
        }
        long expected = epoch;
        long pairId = pair.id();
        String left = pair.text(DisplaySide.A);
        String right = pair.text(DisplaySide.B);
        executor.submit(
                "Comparing A and B",
                progress -> WordDiff.compare(left, right),
                computed -> {
                    if (expected != epoch) {
                        return;
                    }
                    diffs.put(pairId, computed);
                    if (shown.get() && onScreen != null && onScreen.id() == pairId) {
                        diff.set(computed);
                    }
                },
                error ->
                        errors.accept("Cannot compare the responses: " + FailureMessage.of(error)));
    }

    /** Forgets every diff (pair ids are per database: another one opens). */
    void forget() {
        epoch++;
        diffs.clear();
        show(null);
    }
}
