package io.rewardlens.scoring;

import java.util.Objects;

/**
 * What a {@link ScoreCache} keeps of a score: the value, the per-token scores when the trace gives
 * them, and the provenance of the original computation.
 */
public final class CachedScore {
    private final double score;
    private final float[] perTokenScores;
    private final Provenance provenance;

    /**
     * Creates an entry.
     *
     * @param score the reward score
     * @param perTokenScores the score at every token, or null when the trace gives none
     * @param provenance where the score came from
     */
    public CachedScore(double score, float[] perTokenScores, Provenance provenance) {
        this.score = score;
        this.perTokenScores = perTokenScores == null ? null : perTokenScores.clone();
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Returns the reward score.
     *
     * @return the score
     */
    public double score() {
        return score;
    }

    /**
     * Returns the per-token scores.
     *
     * @return a copy, or null when the trace gives none
     */
    public float[] perTokenScores() {
        return perTokenScores == null ? null : perTokenScores.clone();
    }

    /** The per-token scores without copying. */
    float[] perTokenScoresShared() {
        return perTokenScores;
    }

    /**
     * Returns the provenance of the original computation.
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return provenance;
    }
}
