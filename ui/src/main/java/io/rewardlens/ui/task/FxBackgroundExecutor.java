package io.rewardlens.ui.task;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;

/**
 * The application's executor: each piece of work is a JavaFX {@link Task} on a pool of daemon
 * threads named {@code rewardlens-background-N}, so its title, message and progress come to the UI
 * thread through the task's own properties. Call {@link #submit} and {@link #schedule} on the UI
 * thread.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
    private final ExecutorService pool;

    /** Starts an empty pool; threads are made on demand and end when idle. */
    public FxBackgroundExecutor() {
        AtomicInteger count = new AtomicInteger();
        this.pool =
                Executors.newCachedThreadPool(
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            "rewardlens-background-" + count.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public <T> BackgroundJob submit(
            String title,
            BackgroundWork<T> work,
            Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        WorkTask<T> task = new WorkTask<>(title, work);
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(
                event -> {
                    Throwable error = task.getException();
                    onFailure.accept(error != null ? error : new IllegalStateException("failed"));
                });
        task.setOnCancelled(event -> onFailure.accept(new CancellationException(title)));
        pool.execute(task);
        return new TaskJob(task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(event -> action.run());
        pause.play();
        return pause::stop;
    }

    /** Stops taking work and interrupts what runs. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final class WorkTask<T> extends Task<T> {
        private final BackgroundWork<T> work;

        WorkTask(String title, BackgroundWork<T> work) {
            this.work = work;
            updateTitle(title);
            updateProgress(-1, 1);
        }

        @Override
        protected T call() throws Exception {
            return work.run(
                    new JobProgress() {
                        @Override
                        public void update(long done, long total, String message) {
                            if (total > 0) {
                                updateProgress(done, total);
                            } else {
                                updateProgress(-1, 1);
                            }
                            updateMessage(message);
                        }

                        @Override
                        public boolean isCancelled() {
                            return WorkTask.this.isCancelled();
                        }
                    });
        }
    }

    private record TaskJob(Task<?> task) implements BackgroundJob {
        @Override
        public ReadOnlyStringProperty titleProperty() {
            return task.titleProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return task.messageProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return task.progressProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return task.runningProperty();
        }

        @Override
        public void cancel() {
            task.cancel(true);
        }
    }
}
