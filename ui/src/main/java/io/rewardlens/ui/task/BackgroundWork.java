package io.rewardlens.ui.task;

/**
 * Work that runs off the UI thread and reports its progress.
 *
 * @param <T> what it produces
 */
@FunctionalInterface
public interface BackgroundWork<T> {
    /**
     * Does the work.
     *
     * @param progress where to report progress and check for cancellation
     * @return the result
     * @throws Exception any failure, handed to the failure callback on the UI thread
     */
    T run(JobProgress progress) throws Exception;
}
