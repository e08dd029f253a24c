package io.rewardlens.ui.task;

import io.rewardlens.storage.ProgressListener;
import java.util.concurrent.CancellationException;

/** What a piece of background work tells about its progress, and asks about cancellation. */
public interface JobProgress {
    /** Progress of work run where nobody watches it and nothing cancels it. */
    JobProgress NONE =
            new JobProgress() {
                @Override
                public void update(long done, long total, String message) {}

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };

    /**
     * Reports progress.
     *
     * @param done units done
     * @param total units in all, or -1 when unknown
     * @param message what is happening
     */
    void update(long done, long total, String message);

    /**
     * Tells whether someone asked the work to stop.
     *
     * @return true once cancelled
     */
    boolean isCancelled();

    /**
     * The same progress as a storage {@link ProgressListener}, which also stops the work (by
     * throwing {@link CancellationException}) once it is cancelled.
     *
     * @return a listener for storage imports and exports
     */
    default ProgressListener asListener() {
        return (done, total, message) -> {
            if (isCancelled()) {
                throw new CancellationException("cancelled");
            }
            update(done, total, message);
        };
    }
}
