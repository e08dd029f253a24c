package io.rewardlens.ui.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs background work at once on the calling thread, so view models behave deterministically in
 * tests. Scheduled actions wait until {@link #runScheduled()}, so tests can tell "typing" apart
 * from "typing paused". Records the titles of the work it ran.
 */
public final class DirectExecutor implements BackgroundExecutor {
    private final List<String> titles = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public <T> BackgroundJob submit(
            String title,
            BackgroundWork<T> work,
            Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        titles.add(title);
        Job job = new Job(title);
        T result;
        try {
            result = work.run(job);
        } catch (Exception | Error e) {
            job.running.set(false);
            onFailure.accept(e);
            return job;
        }
        job.running.set(false);
        onSuccess.accept(result);
        return job;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        scheduled.add(action);
        return () -> scheduled.remove(action);
    }

    /** Runs the scheduled actions (and any they schedule) as if their delay had passed. */
    public void runScheduled() {
        while (!scheduled.isEmpty()) {
            scheduled.remove(0).run();
        }
    }

    /**
     * How many scheduled actions wait.
     *
     * @return the count
     */
    public int scheduledCount() {
        return scheduled.size();
    }

    /**
     * How many pieces of work with this title ran so far.
     *
     * @param title the title
     * @return the count
     */
    public long ran(String title) {
        return titles.stream().filter(title::equals).count();
    }

    private static final class Job implements BackgroundJob, JobProgress {
        final ReadOnlyStringWrapper title;
        final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);

        Job(String title) {
            this.title = new ReadOnlyStringWrapper(title);
        }

        @Override
        public void update(long done, long total, String text) {
            progress.set(total > 0 ? done / (double) total : -1);
            message.set(text);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public ReadOnlyStringProperty titleProperty() {
            return title.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return running.getReadOnlyProperty();
        }

        @Override
        public void cancel() {}
    }
}
