package io.rewardlens.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pair where a model's score prefers the side that the dataset label (or a human verdict)
 * rejected: one row of the disagreement queue, with what its columns show.
 *
 * @param pair the pair (its source is {@code pair().pair().source()})
 * @param modelId the model
 * @param kind what the model contradicts
 * @param expectedSide the side the label or the human preferred
 * @param chosenScore the model's score of the chosen side
 * @param rejectedScore the model's score of the rejected side
 * @param wrongness how far the model leans the wrong way (always positive): larger is more
 *     confidently wrong
 * @param chosenLength characters (Unicode code points) in the chosen side's completion turns
 * @param rejectedLength characters in the rejected side's completion turns
 * @param annotationId for {@link DisagreementKind#HUMAN}, the contradicted annotation; else null
 * @param annotator for {@link DisagreementKind#HUMAN}, who gave it; else null
 * @param annotations every human verdict on the pair, oldest first (for the verdict column)
 */
public record Disagreement(
        StoredPair pair,
        long modelId,
        DisagreementKind kind,
        Side expectedSide,
        double chosenScore,
        double rejectedScore,
        double wrongness,
        int chosenLength,
        int rejectedLength,
        Long annotationId,
        String annotator,
        List<StoredAnnotation> annotations) {
    /** Rejects missing fields and copies the annotations. */
    public Disagreement {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expectedSide, "expectedSide");
        annotations = List.copyOf(annotations);
    }

    /** The model's chosen minus rejected score. */
    public double margin() {
        return chosenScore - rejectedScore;
    }

    /** The verdict this row contradicts, for {@link DisagreementKind#HUMAN} rows. */
    public Optional<StoredAnnotation> contradictedAnnotation() {
        return annotationId == null
                ? Optional.empty()
                : annotations.stream().filter(a -> a.id() == annotationId).findFirst();
    }
}
