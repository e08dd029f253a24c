package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The undo history: last change first, and whether there is one. */
class UndoHistoryTest {
    private final UndoHistory history = new UndoHistory();

    private static UndoHistory.Change change(long pairId, Verdict before, Verdict after) {
        return new UndoHistory.Change(
                pairId,
                before == null ? null : given(pairId, before),
                given(pairId, after),
                true,
                false);
    }

    private static Annotation given(long pairId, Verdict verdict) {
        return new Annotation(
                pairId, "alice", verdict, null, List.of(), "", Side.CHOSEN, 0, Instant.EPOCH);
    }

    @Test
    void changesComeBackLastFirst() {
        assertFalse(history.canUndoProperty().get());
        assertNull(history.takeLast());
        UndoHistory.Change first = change(1, null, Verdict.A_BETTER);
        UndoHistory.Change second = change(2, null, Verdict.TIE);
        UndoHistory.Change third = change(1, Verdict.A_BETTER, Verdict.B_BETTER);
        history.record(first);
        history.record(second);
        history.record(third);
        assertTrue(history.canUndoProperty().get());

        assertEquals(third, history.takeLast());
        assertEquals(second, history.takeLast());
        assertTrue(history.canUndoProperty().get());
        assertEquals(first, history.takeLast());
        assertFalse(history.canUndoProperty().get());
        assertNull(history.takeLast());
    }

    @Test
    void clearingForgetsEveryChange() {
        history.record(change(1, null, Verdict.A_BETTER));
        history.record(change(2, null, Verdict.SKIP));
        history.clear();
        assertFalse(history.canUndoProperty().get());
        assertNull(history.takeLast());
    }
}
