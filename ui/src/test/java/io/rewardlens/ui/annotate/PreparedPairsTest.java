package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prepared-pair cache on pairs of a real SQLite store, prepared on the test thread. */
class PreparedPairsTest {
    private static final String PREPARING = "Preparing pairs";

    @TempDir Path dir;

    private PreferenceStore store;
    private List<StoredPair> pairs;
    private final DirectExecutor executor = new DirectExecutor();
    private final List<String> errors = new ArrayList<>();
    private final PreparedPairs prepared = new PreparedPairs(executor, errors::add);
    private int done;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        pairs = store.pairs(PairQuery.all());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void prepare(List<StoredPair> which) {
        prepared.prepare(store, "alice", which, () -> done++);
    }

    @Test
    void aPairIsPreparedOnceAndKept() {
        StoredPair first = pairs.get(0);
        assertNull(prepared.get(first.id()));
        executor.holdWork(PREPARING::equals);
        prepare(List.of(first));
        prepare(List.of(first));
        executor.releaseHeld();
        assertEquals(1, executor.ran(PREPARING), "asked for twice while being prepared");
        assertEquals(1, done);
        PreparedPair pair = prepared.get(first.id());
        assertNotNull(pair);
        assertEquals(first, pair.stored());

        prepare(pairs.subList(0, 3));
        assertEquals(2, executor.ran(PREPARING));
        prepare(pairs.subList(0, 3));
        assertEquals(2, executor.ran(PREPARING), "prepared pairs are not prepared again");
        assertEquals(List.of(), errors);
    }

    @Test
    void onlyTheMostRecentlyUsedPairsAreKept() {
        PreparedPairs small = new PreparedPairs(executor, errors::add, 3);
        small.prepare(store, "alice", pairs.subList(0, 3), () -> done++);
        assertNotNull(small.get(pairs.get(0).id()), "using a pair makes it the most recent");
        small.prepare(store, "alice", pairs.subList(3, 4), () -> done++);
        assertNull(small.get(pairs.get(1).id()), "the least recently used pair is dropped");
        assertNotNull(small.get(pairs.get(0).id()));
        assertNotNull(small.get(pairs.get(3).id()));
    }

    @Test
    void pairsBeingPreparedAreDroppedWhenForgotten() {
        executor.holdCallbacks(PREPARING::equals);
        prepare(pairs.subList(0, 2));
        prepared.forgetPending();
        executor.releaseHeld();
        assertEquals(0, done);
        assertNull(prepared.get(pairs.get(0).id()));

        prepare(pairs.subList(0, 2));
        assertNotNull(prepared.get(pairs.get(0).id()), "forgotten pairs can be asked for again");
        prepared.clear();
        assertNull(prepared.get(pairs.get(0).id()));
    }

    @Test
    void aPairThatCannotBeReadIsReportedAndCanBeAskedForAgain() {
        store.close();
        prepare(pairs.subList(0, 1));
        assertEquals(0, done);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("Cannot read a pair: "), errors.get(0));
        prepare(pairs.subList(0, 1));
        assertEquals(2, executor.ran(PREPARING));
    }
}
