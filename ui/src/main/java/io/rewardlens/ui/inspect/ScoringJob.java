package io.rewardlens.ui.inspect;

import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.ui.task.BackgroundJob;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One model scoring one dataset into the store, as the models panel lists it: its progress and
 * message while it runs, its outcome afterwards, and a way to cancel it. Changes on the UI thread.
 */
public final class ScoringJob {
    /** Where a job stands. */
    public enum State {
        /** Scoring. */
        RUNNING,
        /** Every pair was scored (some may have failed; the outcome says how many). */
        DONE,
        /** It stopped with an error. */
        FAILED,
        /** It was cancelled; the scores saved before are kept. */
        CANCELLED
    }

    private final String title;
    private final long modelKey;
    private BackgroundJob job;
    private boolean cancelRequested;
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", State.RUNNING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<DatasetScoring.Report> report =
            new ReadOnlyObjectWrapper<>(this, "report");

    ScoringJob(String title, long modelKey) {
        this.title = Objects.requireNonNull(title, "title");
        this.modelKey = modelKey;
    }

    /**
     * What the job does, such as {@code tiny-llama3 (cpu) on sample}.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /** The {@link ModelRow#key()} of the model that scores. */
    long modelKey() {
        return modelKey;
    }

    /**
     * Where the job stands.
     *
     * @return the state
     */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * How far the job is, 0 to 1, or -1 while unknown.
     *
     * @return the progress
     */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * What the job does now, or its outcome once it ended.
     *
     * @return the message
     */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * What the scoring did, once it ended normally.
     *
     * @return the report, null until then
     */
    public ReadOnlyObjectProperty<DatasetScoring.Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Asks the job to stop; the pairs scored so far stay in the store. */
    public void cancel() {
        cancelRequested = true;
        if (job != null && state.get() == State.RUNNING) {
            job.cancel();
        }
    }

    /** Follows the background job's progress while the job runs. */
    void attach(BackgroundJob started) {
        if (state.get() != State.RUNNING) {
            return;
        }
        job = started;
        progress.bind(started.progressProperty());
        message.bind(started.messageProperty());
        if (cancelRequested) {
            started.cancel();
        }
    }

    void succeeded(DatasetScoring.Report outcome) {
        end(outcome.cancelled() ? State.CANCELLED : State.DONE, describe(outcome));
        report.set(outcome);
    }

    void failed(String reason) {
        end(State.FAILED, reason);
    }

    void cancelled() {
        end(State.CANCELLED, "cancelled; the scores saved so far are kept");
    }

    private void end(State outcome, String text) {
        progress.unbind();
        message.unbind();
        progress.set(outcome == State.DONE ? 1 : Math.max(0, progress.get()));
        message.set(text);
        state.set(outcome);
    }

    private static String describe(DatasetScoring.Report outcome) {
        String text =
                "scored "
                        + outcome.scored()
                        + " of "
                        + outcome.considered()
                        + " pairs ("
                        + outcome.alreadyScored()
                        + " scored before)";
        if (outcome.failed() > 0) {
            text += "; " + outcome.failed() + " failed, first: " + outcome.failures().get(0);
        }
        return outcome.cancelled() ? "cancelled after " + text : text;
    }
}
