package io.rewardlens.storage.analysis;

import java.util.Objects;

/**
 * How often two models prefer the same side of a pair.
 *
 * @param first one model
 * @param second the other model
 * @param sharedPairs pairs both scored, neither as an exact tie
 * @param samePreference how many of them both models prefer the same side of
 */
public record ModelAgreement(
        AnalyzedModel first, AnalyzedModel second, long sharedPairs, long samePreference) {
    /** Rejects missing models. */
    public ModelAgreement {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** {@code samePreference / sharedPairs}; NaN when they share no pair. */
    public double rate() {
        return sharedPairs == 0 ? Double.NaN : (double) samePreference / sharedPairs;
    }
}
