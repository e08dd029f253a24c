package io.rewardlens.storage.skywork;

/**
 * Filters exported pairs by whether a reward model agrees with the exported orientation (its {@code
 * chosen} side scores higher than its {@code rejected} side).
 */
public enum ModelAgreement {
    /** No filter. */
    ANY,
    /** Only pairs where the model scores the exported {@code chosen} side higher. */
    AGREES,
    /** Only pairs where the model scores the exported {@code rejected} side higher. */
    DISAGREES
}
