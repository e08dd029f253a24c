package io.rewardlens.ui.annotate;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.ui.task.BackgroundExecutor;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the pairs of one queue (a store, a filter and a model) a page at a time, and its counts, in
 * the background: one page at a time, until the queue is exhausted. Answers that arrive after a
 * {@link #restart} belong to the queue before and are dropped.
 */
final class QueuePages {
    private final BackgroundExecutor executor;
    private final Consumer<String> errors;

    private long generation;
    private Source source = new Source(null, QueueFilter.all(), null);
    private PairQueue queue;
    private boolean exhausted;
    private boolean reading;

    /**
     * Pages over nothing.
     *
     * @param executor reads in the background
     * @param errors told when a read fails (on the UI thread)
     */
    QueuePages(BackgroundExecutor executor, Consumer<String> errors) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * Starts over on a queue from its first page; reads of the queue before are dropped.
     *
     * @param newStore the store, or null for none
     * @param newFilter which pairs
     * @param newModelId the model whose disagreements count, or null
     */
    void restart(PreferenceStore newStore, QueueFilter newFilter, Long newModelId) {
        generation++;
        source = new Source(newStore, Objects.requireNonNull(newFilter, "newFilter"), newModelId);
        queue = null;
        exhausted = newStore == null;
        reading = false;
    }

    /** Whether every page was read. */
    boolean exhausted() {
        return exhausted;
    }

    /**
     * Reads the next page, unless one is being read or none is left.
     *
     * @param onPage given the pairs of the page (on the UI thread)
     * @param onFailure told when the read failed, after the failure is reported
     */
    void readNext(Consumer<List<StoredPair>> onPage, Runnable onFailure) {
        if (reading || exhausted) {
            return;
        }
        reading = true;
        long expected = generation;
        Source from = source;
        PairQueue known = queue;
        executor.submit(
                "Reading pairs",
                progress -> {
                    PairQueue q = known != null ? known : from.open();
                    List<StoredPair> pairs = q.nextPage();
                    return new Page(q, pairs, q.exhausted());
                },
                page -> {
                    if (expected != generation) {
                        return;
                    }
                    reading = false;
                    queue = page.queue();
                    exhausted = page.exhausted();
                    onPage.accept(page.pairs());
                },
                error -> {
                    if (expected != generation) {
                        return;
                    }
                    reading = false;
                    errors.accept("Cannot read pairs: " + FailureMessage.of(error));
                    onFailure.run();
                });
    }

    /**
     * Counts the queue's pairs, annotated and all.
     *
     * @param onCounts given the counts (on the UI thread), unless the queue changed meanwhile
     */
    void count(Consumer<PairQueue.Counts> onCounts) {
        if (source.store() == null) {
            return;
        }
        long expected = generation;
        Source from = source;
        executor.submit(
                "Counting pairs",
                progress -> from.open().counts(),
                counts -> {
                    if (expected == generation) {
                        onCounts.accept(counts);
                    }
                },
                error -> errors.accept("Cannot count pairs: " + FailureMessage.of(error)));
    }

    /** What a queue is over: a store, a filter and the model whose disagreements count. */
    private record Source(PreferenceStore store, QueueFilter filter, Long modelId) {
        PairQueue open() {
            return new PairQueue(store, filter, modelId);
        }
    }

    private record Page(PairQueue queue, List<StoredPair> pairs, boolean exhausted) {}
}
