package io.rewardlens.storage.analysis;

import java.util.Objects;

/**
 * Human verdicts on the pairs of one source.
 *
 * @param source the source, or null for pairs without one
 * @param annotatedPairs pairs of the source with at least one verdict
 * @param counts the verdicts
 */
public record SourceVerdictCounts(String source, long annotatedPairs, VerdictCounts counts) {
    /** Rejects missing counts. */
    public SourceVerdictCounts {
        Objects.requireNonNull(counts, "counts");
    }
}
