package io.rewardlens.storage;

/**
 * Receives progress of a long job (import, export) so a CLI progress bar or a UI task can show it.
 * Called from the thread doing the work, a few times per second at most.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total, message) -> {};

    /**
     * Reports progress.
     *
     * @param done units done so far (bytes read, pairs written, ...)
     * @param total units in all, or -1 when unknown
     * @param message what is happening, for display
     */
    void progress(long done, long total, String message);
}
