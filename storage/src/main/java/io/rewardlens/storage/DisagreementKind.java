package io.rewardlens.storage;

/** What a model's preference contradicts in a {@link Disagreement}. */
public enum DisagreementKind {
    /** The model prefers the side the dataset labelled as rejected. */
    LABEL,
    /** The model prefers the side a human verdict rejected. */
    HUMAN
}
