package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.Verdict;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict writer on real SQLite stores of the sample pairs; writes run on the test thread. */
class VerdictWriterTest {
    @TempDir Path dir;

    private PreferenceStore store;
    private final DirectExecutor executor = new DirectExecutor();
    private final List<String> errors = new ArrayList<>();
    private VerdictWriter writer;
    private long first;
    private long second;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        writer = new VerdictWriter(executor, errors::add);
        List<Long> ids = store.pairs(PairQuery.all()).stream().map(p -> p.id()).toList();
        first = ids.get(0);
        second = ids.get(1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Annotation verdict(long pairId, Verdict verdict, String rationale) {
        return new Annotation(
                pairId,
                "alice",
                verdict,
                null,
                List.of(),
                rationale,
                Side.CHOSEN,
                1000,
                Instant.parse("2026-03-01T10:00:00Z"));
    }

    private static List<Annotation> saved(PreferenceStore in, long pairId) {
        return in.annotations(pairId).stream().map(StoredAnnotation::annotation).toList();
    }

    @Test
    void savesAtOnceAndUndoPutsBackWhatTheStoreHeldBefore() {
        Annotation a = verdict(first, Verdict.A_BETTER, "");
        writer.save(store, a);
        assertEquals(List.of(a), saved(store, first));
        Annotation changed = verdict(first, Verdict.A_BETTER, "clearer");
        writer.save(store, changed);
        assertEquals(List.of(changed), saved(store, first), "a change replaces the verdict");

        writer.restore(store, first, a);
        assertEquals(List.of(a), saved(store, first));
        writer.restore(store, first, null);
        assertEquals(List.of(), saved(store, first));
        assertEquals(0, writer.pendingWritesProperty().get());
        assertEquals(List.of(), errors);
    }

    @Test
    void aFailedWriteIsReportedAndTheNextGoesOn() {
        writer.save(store, verdict(Long.MAX_VALUE, Verdict.TIE, ""));
        Annotation b = verdict(second, Verdict.B_BETTER, "");
        writer.save(store, b);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("failed; it was not saved"), errors.get(0));
        assertEquals(List.of(b), saved(store, second));
        assertEquals(0, writer.pendingWritesProperty().get());
    }

    @Test
    void aWriteRefusedByABusyDatabaseStaysFirstInLineUntilTheLockIsGone() throws Exception {
        Annotation a = verdict(first, Verdict.A_BETTER, "");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file())) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("CREATE TABLE held_by_another_process (x)");
            }
            writer.save(store, a);
            assertEquals(List.of(), saved(store, first));
            assertEquals(1, writer.pendingWritesProperty().get());
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("tries again every 2 s"), errors.get(0));
            assertEquals(1, executor.scheduledCount(), "a retry is scheduled");
            other.rollback();
        }
        Annotation b = verdict(second, Verdict.B_BETTER, "");
        writer.save(store, b);
        assertEquals(List.of(), saved(store, second), "the next write waits behind it");
        assertEquals(2, writer.pendingWritesProperty().get());

        executor.runScheduled();
        assertEquals(List.of(a), saved(store, first));
        assertEquals(List.of(b), saved(store, second));
        assertEquals(0, writer.pendingWritesProperty().get());
        assertEquals(1, errors.size(), "nothing failed: " + errors);
    }

    @Test
    void waitingWritesGoIntoTheStoreEachWasGivenInWhenFlushed() throws Exception {
        executor.holdCallbacks(title -> title.contains("the verdict on pair"));
        try (PreferenceStore other =
                TestBench.sampleStore(Files.createDirectories(dir.resolve("other")))) {
            Annotation a = verdict(first, Verdict.A_BETTER, "");
            Annotation b = verdict(first, Verdict.BOTH_BAD, "");
            writer.save(store, a);
            writer.save(other, b);
            writer.restore(other, first, null);
            writer.save(store, verdict(second, Verdict.TIE, ""));
            // The first write ran, its callback has not come; the others wait behind it.
            assertEquals(4, writer.pendingWritesProperty().get());
            assertEquals(List.of(), saved(other, first));

            assertTrue(writer.saveWaitingWrites(Duration.ofSeconds(5)));
            assertEquals(0, writer.pendingWritesProperty().get());
            assertEquals(List.of(a), saved(store, first));
            assertEquals(List.of(), saved(other, first), "saved, then undone, in its own store");
            assertEquals(Verdict.TIE, saved(store, second).get(0).verdict());

            executor.releaseHeld();
            assertEquals(0, writer.pendingWritesProperty().get(), "nothing is booked twice");
            assertEquals(List.of(a), saved(store, first));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aFlushThatCannotFinishTheWriteInProgressSaysSo() {
        executor.holdWork(title -> title.contains("the verdict on pair"));
        writer.save(store, verdict(first, Verdict.A_BETTER, ""));
        writer.save(store, verdict(second, Verdict.B_BETTER, ""));

        assertFalse(writer.saveWaitingWrites(Duration.ofMillis(50)));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("2 change(s) are not saved"), errors.get(0));
        assertEquals(2, writer.pendingWritesProperty().get());

        executor.releaseHeld();
        assertEquals(0, writer.pendingWritesProperty().get());
        assertEquals(Verdict.B_BETTER, saved(store, second).get(0).verdict());
    }
}
