package io.rewardlens.ui.inspect;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Disagreement;
import io.rewardlens.storage.DisagreementKind;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of the disagreement queue, as its columns show it.
 *
 * @param pairId the pair's id in the store
 * @param dataset the pair's dataset
 * @param source the pair's source, or null
 * @param contradicts what the model contradicts: {@code label} or {@code human (annotator)}
 * @param chosenScore the model's score of the side the dataset labels chosen
 * @param rejectedScore the model's score of the side labelled rejected
 * @param wrongness how far the model leans the wrong way (positive; the queue's order)
 * @param verdicts the human verdicts on the pair, relative to the label, such as {@code alice:
 *     rejected better}; empty when nobody judged it
 * @param chosenLength characters in the chosen side's completion
 * @param rejectedLength characters in the rejected side's completion
 */
public record DisagreementRow(
        long pairId,
        String dataset,
        String source,
        String contradicts,
        double chosenScore,
        double rejectedScore,
        double wrongness,
        String verdicts,
        int chosenLength,
        int rejectedLength) {

    /** Rejects missing texts. */
    public DisagreementRow {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(contradicts, "contradicts");
        Objects.requireNonNull(verdicts, "verdicts");
    }

    /**
     * The row of a stored disagreement.
     *
     * @param disagreement the disagreement
     * @return its row
     */
    public static DisagreementRow of(Disagreement disagreement) {
        return new DisagreementRow(
                disagreement.pair().id(),
                disagreement.pair().dataset(),
                disagreement.pair().pair().source(),
                disagreement.kind() == DisagreementKind.LABEL
                        ? "label"
                        : "human (" + disagreement.annotator() + ")",
                disagreement.chosenScore(),
                disagreement.rejectedScore(),
                disagreement.wrongness(),
                verdictsText(disagreement.annotations()),
                disagreement.chosenLength(),
                disagreement.rejectedLength());
    }

    /**
     * The model's chosen minus rejected score: negative when it prefers the rejected side.
     *
     * @return the margin
     */
    public double margin() {
        return chosenScore - rejectedScore;
    }

    /**
     * Human verdicts as the verdict column shows them: each annotator's verdict mapped back to the
     * dataset's sides.
     *
     * @param annotations the pair's annotations, oldest first
     * @return the text, empty when there are none
     */
    static String verdictsText(List<StoredAnnotation> annotations) {
        List<String> parts = new ArrayList<>();
        for (StoredAnnotation stored : annotations) {
            Annotation annotation = stored.annotation();
            parts.add(annotation.annotator() + ": " + relativeToLabel(annotation));
        }
        return String.join(", ", parts);
    }

    private static String relativeToLabel(Annotation annotation) {
        return switch (annotation.verdict()) {
            case A_BETTER, B_BETTER ->
                    annotation.preferredSide().orElseThrow() == Side.CHOSEN
                            ? "chosen better"
                            : "rejected better";
            case TIE -> "tie";
            case BOTH_BAD -> "both bad";
            case SKIP -> "skipped";
        };
    }
}
