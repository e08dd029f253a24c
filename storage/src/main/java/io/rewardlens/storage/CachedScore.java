package io.rewardlens.storage;

import java.util.Arrays;

/**
 * A score kept in the score cache: the reward of one tokenized input and, optionally, its per-token
 * rewards. Equality compares the per-token array by content.
 *
 * @param score the reward
 * @param tokenScores per-token rewards, or null
 */
public record CachedScore(double score, float[] tokenScores) {
    @Override
    public boolean equals(Object other) {
        return other instanceof CachedScore that
                && Double.compare(score, that.score) == 0
                && Arrays.equals(tokenScores, that.tokenScores);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(score) * 31 + Arrays.hashCode(tokenScores);
    }

    @Override
    public String toString() {
        return "CachedScore[score=%s, tokens=%s]"
                .formatted(score, tokenScores == null ? "none" : tokenScores.length);
    }
}
