package io.rewardlens.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A piece of background work under way: its title, message and progress for a progress bar, and a
 * way to cancel it. The properties change on the UI thread.
 */
public interface BackgroundJob {
    /**
     * The job's title, such as "Importing skywork.jsonl".
     *
     * @return the title
     */
    ReadOnlyStringProperty titleProperty();

    /**
     * What the job is doing now.
     *
     * @return the message
     */
    ReadOnlyStringProperty messageProperty();

    /**
     * How far the job is, 0 to 1, or -1 while unknown.
     *
     * @return the progress
     */
    ReadOnlyDoubleProperty progressProperty();

    /**
     * Whether the job still runs.
     *
     * @return true until it succeeded, failed or was cancelled
     */
    ReadOnlyBooleanProperty runningProperty();

    /** Asks the job to stop; its failure callback then gets a cancellation. */
    void cancel();
}
