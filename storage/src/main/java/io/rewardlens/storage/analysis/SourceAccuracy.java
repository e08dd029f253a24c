package io.rewardlens.storage.analysis;

import java.util.Objects;

/**
 * A model's accuracy on the pairs of one source.
 *
 * @param source the source, or null for pairs without one
 * @param vsLabel accuracy against the dataset labels
 * @param vsHuman accuracy against human verdicts
 */
public record SourceAccuracy(String source, Accuracy vsLabel, Accuracy vsHuman) {
    /** Rejects missing tallies. */
    public SourceAccuracy {
        Objects.requireNonNull(vsLabel, "vsLabel");
        Objects.requireNonNull(vsHuman, "vsHuman");
    }
}
