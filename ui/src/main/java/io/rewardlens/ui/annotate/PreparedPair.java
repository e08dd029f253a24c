package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.ui.markdown.MarkdownParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A pair ready for the screen: its messages decoded and parsed, the display order for the
 * annotator, and what was already annotated. Built off the UI thread (for the pair on screen and
 * the next ones ahead), never changed afterwards.
 *
 * @param stored the pair as stored
 * @param prompt the shared prompt turns (empty when the conversations diverge)
 * @param shownAsA the stored side shown as response A
 * @param sideA the turns shown as response A: the completion, or the whole conversation when the
 *     two diverge before the last turn
 * @param sideB the turns shown as response B
 * @param mine this annotator's annotation when the pair was prepared, or null
 * @param annotatedByOthers whether someone else had annotated the pair
 */
public record PreparedPair(
        StoredPair stored,
        List<Turn> prompt,
        Side shownAsA,
        List<Turn> sideA,
        List<Turn> sideB,
        StoredAnnotation mine,
        boolean annotatedByOthers) {

    /** Copies the lists. */
    public PreparedPair {
        Objects.requireNonNull(stored, "stored");
        prompt = List.copyOf(prompt);
        Objects.requireNonNull(shownAsA, "shownAsA");
        sideA = List.copyOf(sideA);
        sideB = List.copyOf(sideB);
    }

    /**
     * Prepares a pair for an annotator: reads the pair's annotations, keeps the display order of an
     * earlier verdict (else {@link DisplayOrder}), decodes and parses every message.
     *
     * @param store where the annotations are
     * @param stored the pair
     * @param annotator who will look at it
     * @return the prepared pair
     */
    public static PreparedPair prepare(PreferenceStore store, StoredPair stored, String annotator) {
        StoredAnnotation mine = null;
        boolean others = false;
        for (StoredAnnotation annotation : store.annotations(stored.id())) {
            if (annotation.annotation().annotator().equals(annotator)) {
                mine = annotation;
            } else {
                others = true;
            }
        }
        return of(stored, annotator, mine, others);
    }

    /**
     * Prepares a pair whose annotations are known.
     *
     * @param stored the pair
     * @param annotator who will look at it
     * @param mine that annotator's annotation, or null
     * @param annotatedByOthers whether someone else annotated it
     * @return the prepared pair
     */
    public static PreparedPair of(
            StoredPair stored, String annotator, StoredAnnotation mine, boolean annotatedByOthers) {
        Side shownAsA =
                mine != null
                        ? mine.annotation().displayedAsA()
                        : DisplayOrder.shownAsA(stored.id(), annotator);
        PreferencePair pair = stored.pair();
        return new PreparedPair(
                stored,
                turns(pair.prompt()),
                shownAsA,
                turns(pair.completion(shownAsA)),
                turns(pair.completion(shownAsA.other())),
                mine,
                annotatedByOthers);
    }

    private static List<Turn> turns(List<ChatMessage> messages) {
        List<Turn> turns = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            turns.add(
                    new Turn(
                            message.role(),
                            message.content(),
                            MarkdownParser.parse(message.content()),
                            MessageDisplay.label(message),
                            MessageDisplay.toolCallLines(message)));
        }
        return turns;
    }

    /**
     * The pair's id in the store.
     *
     * @return the id
     */
    public long id() {
        return stored.id();
    }

    /**
     * Whether the two conversations differ before their last turn (then each side shows its whole
     * conversation).
     *
     * @return true for a diverging pair
     */
    public boolean diverging() {
        return stored.pair().diverging();
    }

    /**
     * The stored side shown on a display side.
     *
     * @param side A or B
     * @return chosen or rejected
     */
    public Side storedSide(DisplaySide side) {
        return side == DisplaySide.A ? shownAsA : shownAsA.other();
    }

    /**
     * The display side a stored side is shown on.
     *
     * @param side chosen or rejected
     * @return A or B
     */
    public DisplaySide displaySide(Side side) {
        return side == shownAsA ? DisplaySide.A : DisplaySide.B;
    }

    /**
     * The turns of one display side.
     *
     * @param side A or B
     * @return its turns
     */
    public List<Turn> turns(DisplaySide side) {
        return side == DisplaySide.A ? sideA : sideB;
    }

    /**
     * The text of one display side as one string, for the word diff: the message texts with their
     * tool calls, each headed by its label when the side has several.
     *
     * @param side A or B
     * @return the text
     */
    public String text(DisplaySide side) {
        List<Turn> turns = turns(side);
        if (turns.size() == 1) {
            return withToolCalls(turns.get(0));
        }
        return turns.stream()
                .map(turn -> "[" + turn.label() + "]\n" + withToolCalls(turn))
                .collect(Collectors.joining("\n\n"));
    }

    private static String withToolCalls(Turn turn) {
        if (turn.toolCalls().isEmpty()) {
            return turn.text();
        }
        String calls = String.join("\n", turn.toolCalls());
        return turn.text().isEmpty() ? calls : turn.text() + "\n" + calls;
    }

    /**
     * Whether anyone had annotated the pair, counting this annotator's current annotation.
     *
     * @param current this annotator's annotation now, or null
     * @return true when someone did
     */
    public boolean annotated(Annotation current) {
        return annotatedByOthers || current != null;
    }
}
