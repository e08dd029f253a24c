package io.rewardlens.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A human verdict on a pair. The pair was shown with one stored side as A; that side is kept so the
 * verdict maps back to the dataset's chosen/rejected sides ({@link #preferredSide()}).
 *
 * @param pairId the judged pair
 * @param annotator who judged (one verdict per annotator and pair)
 * @param verdict the judgement as shown
 * @param strength how strong the preference is, 1 (slight) to 3 (clear), or null
 * @param tags free labels such as {@code hallucination}
 * @param rationale a free-text reason, possibly empty
 * @param displayedAsA the stored side that was shown as A
 * @param timeTakenMs how long the annotator looked at the pair
 * @param createdAt when the verdict was given
 */
public record Annotation(
        long pairId,
        String annotator,
        Verdict verdict,
        Integer strength,
        List<String> tags,
        String rationale,
        Side displayedAsA,
        long timeTakenMs,
        Instant createdAt) {

    /** The annotator name an adjudicator's final verdict on a disputed pair is stored under. */
    public static final String ADJUDICATOR = "adjudicator";

    /** Validates the fields: a named annotator, strength 1–3 if given, no negative time. */
    public Annotation {
        Objects.requireNonNull(annotator, "annotator");
        if (annotator.isBlank()) {
            throw new IllegalArgumentException("annotator must not be blank");
        }
        Objects.requireNonNull(verdict, "verdict");
        if (strength != null && (strength < 1 || strength > 3)) {
            throw new IllegalArgumentException("strength must be 1, 2 or 3, was " + strength);
        }
        tags = List.copyOf(tags);
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(displayedAsA, "displayedAsA");
        if (timeTakenMs < 0) {
            throw new IllegalArgumentException("timeTakenMs must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * The stored side the annotator preferred: the side shown as A for {@link Verdict#A_BETTER},
     * the other one for {@link Verdict#B_BETTER}, empty for ties, both-bad and skips.
     */
    public Optional<Side> preferredSide() {
        return switch (verdict) {
            case A_BETTER -> Optional.of(displayedAsA);
            case B_BETTER -> Optional.of(displayedAsA.other());
            default -> Optional.empty();
        };
    }
}
