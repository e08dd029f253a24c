package io.rewardlens.storage.skywork;

/** Which side of an exported pair becomes {@code chosen}. */
public enum Orientation {
    /** The dataset's own label decides (the default): pairs are written as imported. */
    DATASET_LABEL,
    /**
     * The human verdict decides: the side the annotators preferred becomes {@code chosen}. Pairs
     * without a preference (not annotated, ties, both bad, skipped, annotators disagreeing) are
     * left out unless asked for.
     */
    HUMAN_VERDICT,
    /**
     * The team's majority decides: the most frequent verdict of the selected annotators (skips and
     * the adjudicator left out). A pair without one most frequent verdict is left out.
     */
    MAJORITY,
    /**
     * The adjudicator's verdict decides where there is one, else the majority as with {@link
     * #MAJORITY}; a pair with neither is left out.
     */
    ADJUDICATED;

    /** Whether people's verdicts decide the sides (not the dataset label). */
    public boolean byVerdicts() {
        return this != DATASET_LABEL;
    }
}
