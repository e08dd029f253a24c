package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue cursor over pairs of a real sample store: positions, inserts and what lies ahead. */
class QueueCursorTest {
    @TempDir Path dir;

    private final QueueCursor cursor = new QueueCursor();
    private List<StoredPair> pairs;

    @BeforeEach
    void read() throws Exception {
        try (PreferenceStore store = TestBench.sampleStore(dir)) {
            pairs = store.pairs(PairQuery.all()).subList(0, 6);
        }
    }

    @Test
    void movesOverThePairsHeldOnceEach() {
        assertTrue(cursor.isEmpty());
        assertFalse(cursor.onPair());
        assertNull(cursor.current());
        cursor.append(pairs.subList(0, 4));
        cursor.append(pairs.subList(2, 5));
        assertEquals(5, cursor.size(), "pairs read twice are held once");
        assertEquals(-1, cursor.index());
        assertTrue(cursor.hasNext());
        assertNull(cursor.previous());
        assertEquals(-1, cursor.previousIndex(), "before the first pair nothing is before");

        assertEquals(pairs.get(0), cursor.moveTo(0));
        assertEquals(pairs.subList(1, 4), cursor.ahead(3));
        assertEquals(pairs.subList(1, 5), cursor.ahead(10));
        assertNull(cursor.previous(), "nothing before the first pair");

        cursor.moveTo(4);
        assertFalse(cursor.hasNext());
        assertEquals(List.of(), cursor.ahead(3));
        assertEquals(pairs.get(3), cursor.previous());

        cursor.moveToEnd();
        assertFalse(cursor.onPair());
        assertNull(cursor.current());
        assertEquals(pairs.get(4), cursor.previous(), "past the end, the last pair is before");
        assertEquals(4, cursor.previousIndex());
        assertEquals(2, cursor.indexOf(pairs.get(2).id()));
        assertEquals(-1, cursor.indexOf(pairs.get(5).id()));

        cursor.clear();
        assertTrue(cursor.isEmpty());
        assertEquals(-1, cursor.index());
    }

    @Test
    void insertsGoRightAfterThePairOnScreen() {
        assertFalse(cursor.insertAfterCurrent(pairs.get(5)), "off a pair nothing is inserted");
        assertEquals(0, cursor.insertNext(pairs.get(5)), "before the first pair it goes first");
        cursor.append(pairs.subList(0, 3));
        cursor.moveTo(1);
        assertTrue(cursor.insertAfterCurrent(pairs.get(4)));
        assertEquals(2, cursor.indexOf(pairs.get(4).id()));
        assertFalse(cursor.insertAfterCurrent(pairs.get(0)), "a pair held is not added again");
        assertEquals(0, cursor.insertNext(pairs.get(5)), "a pair held stays where it is");
        assertEquals(
                List.of(pairs.get(5), pairs.get(0), pairs.get(4), pairs.get(1), pairs.get(2)),
                all());
    }

    private List<StoredPair> all() {
        List<StoredPair> held = new ArrayList<>();
        for (int i = 0; i < cursor.size(); i++) {
            held.add(cursor.moveTo(i));
        }
        return held;
    }
}
