package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoreFullException;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.ui.task.BackgroundExecutor;
import io.rewardlens.ui.task.BackgroundWork;
import io.rewardlens.ui.task.JobProgress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Writes the annotator's verdicts behind the screen: each save or undo is queued the moment it is
 * given and written into the store it was given in, in order, one write at a time, off the UI
 * thread. A write refused because another process holds the database, or because the disk is full,
 * stays first in line and is tried again every {@link #BUSY_RETRY_DELAY}; any other failure is
 * reported and the next write goes on. {@link #saveWaitingWrites} writes whatever still waits
 * before a store closes.
 *
 * <p>Call its methods on the UI thread.
 */
final class VerdictWriter {
    /**
     * How long a write refused by a busy database or a full disk waits before it is tried again.
     */
    static final Duration BUSY_RETRY_DELAY = Duration.ofSeconds(2);

    private final BackgroundExecutor executor;
    private final Consumer<String> errors;
    private final Deque<Supplier<PendingWrite>> writes = new ArrayDeque<>();

    /** Ids of the annotations saved, per store and pair, for undo to delete. */
    private final Map<SavedIn, Long> annotationIds = new HashMap<>();

    private RunningWrite running;
    private final ReadOnlyIntegerWrapper pendingWrites =
            new ReadOnlyIntegerWrapper(this, "pendingWrites");

    /**
     * A writer with nothing queued.
     *
     * @param executor runs the writes
     * @param errors shown to the user when a write fails or waits (on the UI thread)
     */
    VerdictWriter(BackgroundExecutor executor, Consumer<String> errors) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * Writes not yet committed to their store.
     *
     * @return how many are queued or running
     */
    ReadOnlyIntegerProperty pendingWritesProperty() {
        return pendingWrites.getReadOnlyProperty();
    }

    /**
     * Queues saving an annotation (a new verdict, or a change of one) into a store.
     *
     * @param target the store the verdict was given in
     * @param annotation what to save
     */
    void save(PreferenceStore target, Annotation annotation) {
        long pairId = annotation.pairId();
        enqueue(
                () ->
                        new PendingWrite(
                                "Saving the verdict on pair " + pairId,
                                progress -> target.saveAnnotation(annotation),
                                saved -> remember(target, pairId, saved)));
    }

    /**
     * Queues putting back what a store held for a pair before the last save (undo): the annotation
     * before, or none.
     *
     * @param target the store the undone verdict was given in
     * @param pairId the pair
     * @param before the annotation to put back, or null to delete the one saved
     */
    void restore(PreferenceStore target, long pairId, Annotation before) {
        SavedIn key = new SavedIn(target, pairId);
        // Made when its turn comes, so that it sees the id the save before it got.
        enqueue(
                () -> {
                    if (before == null) {
                        Long id = annotationIds.get(key);
                        return new PendingWrite(
                                "Undoing the verdict on pair " + pairId,
                                progress -> id != null && target.deleteAnnotation(id),
                                ignored -> annotationIds.remove(key));
                    }
                    return new PendingWrite(
                            "Restoring the verdict on pair " + pairId,
                            progress -> target.saveAnnotation(before),
                            saved -> remember(target, pairId, saved));
                });
    }

    /** Forgets the ids of saved annotations (when nothing can undo them any more). */
    void forgetSavedIds() {
        annotationIds.clear();
    }

    private void remember(PreferenceStore target, long pairId, Object saved) {
        annotationIds.put(new SavedIn(target, pairId), ((StoredAnnotation) saved).id());
    }

    /**
     * Saves every write still waiting for its turn, on the calling thread, after the one being
     * written: call it before the store closes or another opens, so that a key pressed just before
     * loses nothing. Failures are reported as usual.
     *
     * @param timeout how long to wait for the write in progress
     * @return true when nothing is left unsaved
     */
    boolean saveWaitingWrites(Duration timeout) {
        RunningWrite run = running;
        if (run != null && !run.settled) {
            boolean finished;
            try {
                finished = run.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                report(
                        "Verdicts not saved",
                        new IllegalStateException(
                                "the database did not finish a write within "
                                        + timeout.toSeconds()
                                        + " s; "
                                        + pendingWrites.get()
                                        + " change(s) are not saved"));
                return false;
            }
            running = null;
            settle(run, run.result, run.failure);
        }
        running = null;
        boolean allSaved = run == null || run.failure == null || worthRetrying(run.failure);
        Supplier<PendingWrite> next;
        while ((next = writes.poll()) != null) {
            PendingWrite write = next.get();
            Object saved = null;
            Throwable error = null;
            try {
                saved = write.work().run(JobProgress.NONE);
            } catch (Exception | Error e) {
                error = e;
                allSaved = false;
            }
            finish(write, saved, error);
        }
        return allSaved;
    }

    private void enqueue(Supplier<PendingWrite> write) {
        writes.add(write);
        pendingWrites.set(pendingWrites.get() + 1);
        if (running == null) {
            writeNext();
        }
    }

    private void writeNext() {
        Supplier<PendingWrite> next = writes.poll();
        if (next == null) {
            running = null;
            return;
        }
        RunningWrite run = new RunningWrite(next.get());
        running = run;
        executor.submit(
                run.write.title(),
                progress -> {
                    try {
                        Object saved = run.write.work().run(progress);
                        run.result = saved;
                        return saved;
                    } catch (Exception | Error e) {
                        run.failure = e;
                        throw e;
                    } finally {
                        run.done.countDown();
                    }
                },
                saved -> settle(run, saved, null),
                error -> settle(run, null, error));
    }

    /**
     * Books a finished write (once, whether its callback or a flush comes first), then starts the
     * next. A write refused because another process holds the database (e.g. a long import) stays
     * first in line and is tried again after {@link #BUSY_RETRY_DELAY}.
     */
    private void settle(RunningWrite run, Object saved, Throwable error) {
        if (run.settled) {
            return;
        }
        run.settled = true;
        if (error != null && worthRetrying(error)) {
            writes.addFirst(() -> run.write);
            report(
                    run.write.title()
                            + " waits: RewardLens tries again every "
                            + BUSY_RETRY_DELAY.toSeconds()
                            + " s and before it closes",
                    error);
            if (running == run) {
                executor.schedule(
                        BUSY_RETRY_DELAY,
                        () -> {
                            if (running == run) {
                                writeNext();
                            }
                        });
            }
            return;
        }
        finish(run.write, saved, error);
        if (running == run) {
            writeNext();
        }
    }

    /**
     * Whether a failed write can succeed later as it is: another process held the database, or the
     * disk was full (SQLite rolled the write back; it goes through once space is freed).
     */
    private static boolean worthRetrying(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreBusyException || cause instanceof StoreFullException) {
                return true;
            }
        }
        return false;
    }

    private void finish(PendingWrite write, Object saved, Throwable error) {
        if (error == null) {
            write.onSaved().accept(saved);
        } else {
            report(write.title() + " failed; it was not saved", error);
        }
        pendingWrites.set(pendingWrites.get() - 1);
    }

    private void report(String what, Throwable error) {
        errors.accept(what + ": " + FailureMessage.of(error));
    }

    /** A pair of one store: pair ids are per database. */
    private record SavedIn(PreferenceStore store, long pairId) {}

    /** A write waiting its turn. */
    private record PendingWrite(
            String title, BackgroundWork<Object> work, Consumer<Object> onSaved) {}

    /**
     * The write the executor runs now. Its work signals {@link #done} itself, so {@link
     * #saveWaitingWrites} can wait for it even while the UI thread is busy and its callback waits.
     */
    private static final class RunningWrite {
        final PendingWrite write;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Object result;
        volatile Throwable failure;
        boolean settled;

        RunningWrite(PendingWrite write) {
            this.write = write;
        }
    }
}
