package io.rewardlens.ui.task;

/** Something scheduled that can be called off. */
@FunctionalInterface
public interface Cancellable {
    /** Calls it off; does nothing when it already ran. */
    void cancel();
}
