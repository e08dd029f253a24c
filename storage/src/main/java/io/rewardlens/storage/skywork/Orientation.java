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
    HUMAN_VERDICT
}
