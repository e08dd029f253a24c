package io.rewardlens.ui.task;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and delivers its outcome on the UI thread. View models receive one
 * and never start threads themselves, so tests can pass an executor that runs everything at once on
 * the calling thread.
 */
public interface BackgroundExecutor {
    /**
     * Starts work in the background.
     *
     * @param title what the work is, for a progress bar
     * @param work the work
     * @param onSuccess called on the UI thread with the result
     * @param onFailure called on the UI thread with the failure (a {@link
     *     java.util.concurrent.CancellationException} when cancelled)
     * @param <T> the result type
     * @return the job, for its progress and to cancel it
     */
    <T> BackgroundJob submit(
            String title,
            BackgroundWork<T> work,
            Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure);

    /**
     * Runs an action on the UI thread after a delay, for example to re-score text once the user
     * stops typing.
     *
     * @param delay how long to wait
     * @param action what to run, on the UI thread
     * @return a handle to call it off
     */
    Cancellable schedule(Duration delay, Runnable action);
}
