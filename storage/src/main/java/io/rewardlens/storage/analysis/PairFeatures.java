package io.rewardlens.storage.analysis;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairDetails;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import java.util.List;
import java.util.Objects;

/**
 * What the analyses need to know about a pair, without its texts: where it comes from, how long and
 * how formatted each side is, and the human verdicts on it.
 *
 * @param pairId the pair's id in the store
 * @param dataset its dataset's name
 * @param source its source, or null
 * @param chosenLength characters of the chosen side (see {@link PreferencePair#completionLength})
 * @param rejectedLength characters of the rejected side
 * @param chosenMarkdown Markdown formatting of the chosen side's completion turns
 * @param rejectedMarkdown Markdown formatting of the rejected side's completion turns
 * @param annotations the human verdicts on the pair, oldest first
 */
public record PairFeatures(
        long pairId,
        String dataset,
        String source,
        int chosenLength,
        int rejectedLength,
        MarkdownFeatures chosenMarkdown,
        MarkdownFeatures rejectedMarkdown,
        List<Annotation> annotations) {

    /** Rejects missing fields and copies the annotations. */
    public PairFeatures {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(chosenMarkdown, "chosenMarkdown");
        Objects.requireNonNull(rejectedMarkdown, "rejectedMarkdown");
        annotations = List.copyOf(annotations);
    }

    /** The features of a pair read from the store. */
    public static PairFeatures of(PairDetails details) {
        PreferencePair pair = details.pair().pair();
        return new PairFeatures(
                details.pair().id(),
                details.pair().dataset(),
                pair.source(),
                pair.completionLength(Side.CHOSEN),
                pair.completionLength(Side.REJECTED),
                markdown(pair.completion(Side.CHOSEN)),
                markdown(pair.completion(Side.REJECTED)),
                details.annotations().stream().map(StoredAnnotation::annotation).toList());
    }

    private static MarkdownFeatures markdown(List<ChatMessage> turns) {
        MarkdownFeatures total = MarkdownFeatures.NONE;
        for (ChatMessage turn : turns) {
            total = total.plus(MarkdownFeatures.of(turn.content()));
        }
        return total;
    }

    /** Chosen minus rejected length, in characters. */
    public int lengthDifference() {
        return chosenLength - rejectedLength;
    }

    /** Markdown features per 1000 characters of the chosen side. */
    public double chosenMarkdownDensity() {
        return chosenMarkdown.density(chosenLength);
    }

    /** Markdown features per 1000 characters of the rejected side. */
    public double rejectedMarkdownDensity() {
        return rejectedMarkdown.density(rejectedLength);
    }

    /** Chosen minus rejected Markdown density. */
    public double markdownDensityDifference() {
        return chosenMarkdownDensity() - rejectedMarkdownDensity();
    }
}
