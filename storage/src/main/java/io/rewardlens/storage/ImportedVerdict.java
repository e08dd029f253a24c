package io.rewardlens.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A human verdict that arrives with imported data (an Argilla response, a Label Studio annotation),
 * before its pair has an id. It is stored as an {@link Annotation} that shows the dataset's chosen
 * side as A, so {@link Verdict#A_BETTER} means the person preferred the chosen side.
 *
 * @param annotator who gave it, as the tool it came from names them
 * @param verdict A_BETTER (chosen better), B_BETTER (rejected better), TIE, BOTH_BAD or SKIP
 * @param strength 1 to 3, or null
 * @param tags free labels
 * @param rationale a free-text reason, possibly empty
 * @param createdAt when it was given (the import time when the tool did not say)
 */
public record ImportedVerdict(
        String annotator,
        Verdict verdict,
        Integer strength,
        List<String> tags,
        String rationale,
        Instant createdAt) {
    /** Checks the fields as {@link Annotation} does. */
    public ImportedVerdict {
        tags = List.copyOf(tags);
        toAnnotation(0, annotator, verdict, strength, tags, rationale, createdAt);
    }

    /** The verdict as the annotation of a stored pair. */
    public Annotation toAnnotation(long pairId) {
        return toAnnotation(pairId, annotator, verdict, strength, tags, rationale, createdAt);
    }

    private static Annotation toAnnotation(
            long pairId,
            String annotator,
            Verdict verdict,
            Integer strength,
            List<String> tags,
            String rationale,
            Instant createdAt) {
        return new Annotation(
                pairId,
                annotator,
                verdict,
                strength,
                tags,
                Objects.requireNonNull(rationale, "rationale"),
                Side.CHOSEN,
                0,
                createdAt);
    }
}
