package io.rewardlens.scoring;

import java.util.concurrent.CompletableFuture;

/**
 * A background scoring job over a list of conversations, run by a {@link ScoringService}. It can be
 * cancelled between model calls; running the same list again later resumes it, since every
 * conversation whose score is already in the cache is skipped.
 */
public final class BatchJob {
    private final int total;
    private final CompletableFuture<BatchProgress> completion = new CompletableFuture<>();
    private volatile boolean cancelRequested;
    private volatile BatchProgress progress;

    BatchJob(int total) {
        this.total = total;
        this.progress = new BatchProgress(total, 0, 0, 0, false);
    }

    /**
     * Asks the job to stop; it stops before its next model call and completes with {@link
     * BatchProgress#cancelled()} true. What was scored until then stays in the cache.
     */
    public void cancel() {
        cancelRequested = true;
    }

    /**
     * Tells whether {@link #cancel()} was called.
     *
     * @return true once cancellation was asked
     */
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /**
     * Returns the number of conversations in the job.
     *
     * @return the list size
     */
    public int total() {
        return total;
    }

    /**
     * Returns the latest progress.
     *
     * @return the counts so far
     */
    public BatchProgress progress() {
        return progress;
    }

    /**
     * Returns the job's end: the final progress, or an exception when the service failed or closed.
     *
     * @return a future completed on the service's worker thread
     */
    public CompletableFuture<BatchProgress> completion() {
        // A copy, so that a caller completing or cancelling it cannot fake the job's end.
        return completion.copy();
    }

    void setProgress(BatchProgress newProgress) {
        progress = newProgress;
    }

    CompletableFuture<BatchProgress> completionSink() {
        return completion;
    }
}
