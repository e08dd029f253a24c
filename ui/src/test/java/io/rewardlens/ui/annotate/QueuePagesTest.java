package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Paging over the queue of a real SQLite store, with work run on the test thread. */
class QueuePagesTest {
    private static final String READING = "Reading pairs";

    @TempDir Path dir;

    private PreferenceStore store;
    private final DirectExecutor executor = new DirectExecutor();
    private final List<String> errors = new ArrayList<>();
    private final QueuePages pages = new QueuePages(executor, errors::add);
    private final List<StoredPair> read = new ArrayList<>();
    private int failures;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void readNext() {
        pages.readNext(read::addAll, () -> failures++);
    }

    @Test
    void readsEveryPairOnceAPageAtATimeAndCountsThem() {
        pages.restart(store, QueueFilter.all(), null);
        int reads = 0;
        while (!pages.exhausted()) {
            readNext();
            reads++;
            assertTrue(reads < 100, "the queue ends");
        }
        assertEquals(store.pairs(PairQuery.all()), read);
        assertTrue(reads >= 2, "more than one page: " + reads);
        long before = executor.ran(READING);
        readNext();
        assertEquals(before, executor.ran(READING), "an exhausted queue reads nothing more");

        List<PairQueue.Counts> counts = new ArrayList<>();
        pages.count(counts::add);
        assertEquals(List.of(new PairQueue.Counts(0, read.size())), counts);
        assertEquals(List.of(), errors);
    }

    @Test
    void oneReadAtATimeAndARestartDropsTheAnswersOfTheQueueBefore() {
        pages.restart(store, QueueFilter.all(), null);
        executor.holdCallbacks(READING::equals);
        readNext();
        readNext();
        assertEquals(1, executor.ran(READING), "a second read waits for the first");
        pages.restart(store, QueueFilter.all(), null);
        executor.releaseHeld();
        assertEquals(List.of(), read, "the page of the queue before is dropped");

        readNext();
        assertEquals(PairQueue.PAGE, read.size());
        assertEquals(store.pairs(PairQuery.all()).subList(0, PairQueue.PAGE), read);
    }

    @Test
    void withoutAStoreNothingIsRead() {
        pages.restart(null, QueueFilter.all(), null);
        assertTrue(pages.exhausted());
        readNext();
        pages.count(counts -> read.add(null));
        assertEquals(0, executor.ran(READING));
        assertEquals(List.of(), read);
    }

    @Test
    void aFailedReadIsReportedAndTheQueueCanBeReadAgain() {
        pages.restart(store, QueueFilter.all(), null);
        store.close();
        readNext();
        assertEquals(1, failures);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("Cannot read pairs: "), errors.get(0));
        assertFalse(pages.exhausted());
        readNext();
        assertEquals(2, executor.ran(READING), "a failed read does not block the next");
    }
}
