package io.rewardlens.storage;

import java.util.Arrays;

/**
 * A score kept in the score cache: the reward of one tokenized input and, optionally, its per-token
 * rewards, with the provenance of the run that computed it. Equality compares the per-token array
 * by content.
 *
 * @param score the reward
 * @param tokenScores per-token rewards, or null
 * @param provenanceJson where the score came from, as JSON text written by the scoring side
 */
public record CachedScore(double score, float[] tokenScores, String provenanceJson) {
    /** Rejects a missing provenance: a cached score without one could not be trusted. */
    public CachedScore {
        java.util.Objects.requireNonNull(provenanceJson, "provenanceJson");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CachedScore that
                && Double.compare(score, that.score) == 0
                && Arrays.equals(tokenScores, that.tokenScores)
                && provenanceJson.equals(that.provenanceJson);
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(score) * 31 + Arrays.hashCode(tokenScores)) * 31
                + provenanceJson.hashCode();
    }

    @Override
    public String toString() {
        return "CachedScore[score=%s, tokens=%s]"
                .formatted(score, tokenScores == null ? "none" : tokenScores.length);
    }
}
