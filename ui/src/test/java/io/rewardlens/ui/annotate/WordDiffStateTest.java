package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.ui.diff.WordDiff;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word diff state on pairs of a real SQLite store; diffs are computed on the test thread. */
class WordDiffStateTest {
    private static final String COMPARING = "Comparing A and B";

    @TempDir Path dir;

    private PreferenceStore store;
    private final DirectExecutor executor = new DirectExecutor();
    private final List<String> errors = new ArrayList<>();
    private final WordDiffState state = new WordDiffState(executor, errors::add);
    private PreparedPair first;
    private PreparedPair second;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        List<StoredPair> pairs = store.pairs(PairQuery.all());
        first = PreparedPair.prepare(store, pairs.get(0), "alice");
        second = PreparedPair.prepare(store, pairs.get(1), "alice");
    }

    @AfterEach
    void close() {
        store.close();
        assertEquals(List.of(), errors);
    }

    private static String join(List<WordDiff.Piece> pieces) {
        StringBuilder text = new StringBuilder();
        pieces.forEach(piece -> text.append(piece.text()));
        return text.toString();
    }

    private void assertDiffOf(PreparedPair pair) {
        WordDiff diff = state.diffProperty().get();
        assertEquals(pair.text(DisplaySide.A), join(diff.left()));
        assertEquals(pair.text(DisplaySide.B), join(diff.right()));
    }

    @Test
    void theDiffOfThePairOnScreenIsComputedOnlyWhileShownAndKept() {
        state.show(first);
        assertFalse(state.shownProperty().get());
        assertNull(state.diffProperty().get());
        assertEquals(0, executor.ran(COMPARING));

        state.toggle();
        assertTrue(state.shownProperty().get());
        assertDiffOf(first);
        state.show(second);
        assertDiffOf(second);
        state.show(first);
        assertDiffOf(first);
        assertEquals(2, executor.ran(COMPARING), "a diff seen before is not computed again");

        state.show(null);
        assertNull(state.diffProperty().get());
        state.show(first);
        state.toggle();
        assertFalse(state.shownProperty().get());
        assertNull(state.diffProperty().get());
    }

    @Test
    void aDiffFinishedAfterItsPairLeftTheScreenIsKeptButNotShown() {
        state.toggle();
        executor.holdWork(COMPARING::equals);
        state.show(first);
        state.show(second);
        executor.releaseHeld();
        assertDiffOf(second);
        state.show(first);
        assertDiffOf(first);
        assertEquals(2, executor.ran(COMPARING));
    }

    @Test
    void forgettingDropsKeptDiffsAndThoseStillBeingComputed() {
        state.toggle();
        state.show(first);
        executor.holdWork(COMPARING::equals);
        state.show(second);
        state.forget();
        assertNull(state.diffProperty().get());
        executor.releaseHeld();
        assertNull(state.diffProperty().get(), "the diff of a pair of the last database");

        state.show(first);
        assertDiffOf(first);
        assertEquals(3, executor.ran(COMPARING), "computed again after forgetting");
    }
}
