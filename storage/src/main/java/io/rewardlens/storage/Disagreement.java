package io.rewardlens.storage;

import java.util.Objects;

/**
 * A pair where a model's score prefers the side that the dataset label (or a human verdict)
 * rejected.
 *
 * @param pair the pair
 * @param modelId the model
 * @param kind what the model contradicts
 * @param expectedSide the side the label or the human preferred
 * @param margin the model's chosen minus rejected score
 * @param wrongness how far the model leans the wrong way (always positive): larger is more
 *     confidently wrong
 * @param annotationId for {@link DisagreementKind#HUMAN}, the contradicted annotation; else null
 * @param annotator for {@link DisagreementKind#HUMAN}, who gave it; else null
 */
public record Disagreement(
        StoredPair pair,
        long modelId,
        DisagreementKind kind,
        Side expectedSide,
        double margin,
        double wrongness,
        Long annotationId,
        String annotator) {
    /** Rejects missing fields. */
    public Disagreement {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expectedSide, "expectedSide");
    }
}
