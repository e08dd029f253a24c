package io.rewardlens.storage;

/**
 * Keeps pairs by whether a reward model's scores agree with a pair's preferred side: the dataset's
 * {@code chosen} side in a {@link PairFilter}, the exported {@code chosen} side in an export.
 */
public enum ScoreAgreement {
    /** No filter. */
    ANY,
    /** Only pairs where the model scores the preferred side higher. */
    AGREES,
    /** Only pairs where the model scores the other side higher. */
    DISAGREES
}
