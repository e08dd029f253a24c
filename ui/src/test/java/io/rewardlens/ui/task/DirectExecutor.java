package io.rewardlens.ui.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs background work at once on the calling thread, so view models behave deterministically in
 * tests. Scheduled actions wait until {@link #runScheduled()}, so tests can tell "typing" apart
 * from "typing paused". Records the titles of the work it ran. Tests can also hold back chosen work
 * as a busy worker would ({@link #holdWork}), hold back the callbacks of chosen work as a busy UI
 * thread would ({@link #holdCallbacks}), or have chosen work find itself cancelled ({@link
 * #cancelFromStart}).
 */
public final class DirectExecutor implements BackgroundExecutor {
    private final List<String> titles = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private Predicate<String> workHeld = title -> false;
    private Predicate<String> callbacksHeld = title -> false;
    private Predicate<String> cancelled = title -> false;

    /**
     * Work whose title matches waits, callbacks and all, until {@link #releaseHeld()}.
     *
     * @param titles which work to hold
     */
    public void holdWork(Predicate<String> titles) {
        workHeld = titles;
    }

    /**
     * Work whose title matches runs at once, but its callbacks wait until {@link #releaseHeld()}.
     *
     * @param titles whose callbacks to hold
     */
    public void holdCallbacks(Predicate<String> titles) {
        callbacksHeld = titles;
    }

    /**
     * Work whose title matches finds itself cancelled from the start, as after a click on Cancel.
     *
     * @param titles which work is cancelled
     */
    public void cancelFromStart(Predicate<String> titles) {
        cancelled = titles;
    }

    /** Stops holding anything and runs what was held, in order. */
    public void releaseHeld() {
        workHeld = title -> false;
        callbacksHeld = title -> false;
        List<Runnable> waiting = new ArrayList<>(held);
        held.clear();
        waiting.forEach(Runnable::run);
    }

    @Override
    public <T> BackgroundJob submit(
            String title,
            BackgroundWork<T> work,
            Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        Job job = new Job(title, cancelled.test(title));
        if (workHeld.test(title)) {
            held.add(() -> run(job, work, onSuccess, onFailure));
        } else if (callbacksHeld.test(title)) {
            run(
                    job,
                    work,
                    result -> held.add(() -> onSuccess.accept(result)),
                    error -> held.add(() -> onFailure.accept(error)));
        } else {
            run(job, work, onSuccess, onFailure);
        }
        return job;
    }

    private <T> void run(
            Job job,
            BackgroundWork<T> work,
            Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        titles.add(job.title.get());
        T result;
        try {
            result = work.run(job);
        } catch (Exception | Error e) {
            job.running.set(false);
            onFailure.accept(e);
            return;
        }
        job.running.set(false);
        onSuccess.accept(result);
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
        final boolean cancelled;

        Job(String title, boolean cancelled) {
            this.title = new ReadOnlyStringWrapper(title);
            this.cancelled = cancelled;
        }

        @Override
        public void update(long done, long total, String text) {
            progress.set(total > 0 ? done / (double) total : -1);
            message.set(text);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
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
