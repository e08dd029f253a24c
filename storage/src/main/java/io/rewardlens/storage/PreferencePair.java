package io.rewardlens.storage;

import java.util.List;
import java.util.Objects;

/**
 * The content of one preference pair, as imported or edited: the prompt turns both conversations
 * share, the two completions (usually the single final assistant turn each) and where the pair came
 * from.
 *
 * <p>When the two conversations of a record differ before their last turn the pair is
 * <em>diverging</em>: {@link #prompt()} is then empty and {@link #chosen()} / {@link #rejected()}
 * hold the two whole conversations, so nothing is lost.
 *
 * @param source the record's {@code source} field (for example {@code magpie_ultra}), or null
 * @param position the record's place in its file (line number for JSONL, record number for
 *     Parquet), used to walk a dataset in import order
 * @param prompt the turns both conversations share (empty for a diverging pair)
 * @param chosen the turns after the prompt in the conversation the dataset prefers
 * @param rejected the turns after the prompt in the other conversation
 * @param diverging whether the conversations differ before their last turn
 * @param metadataJson extra fields of the record as a JSON object, or null
 * @param parentPairId the pair this one is an edited variant of, or null
 */
public record PreferencePair(
        String source,
        long position,
        List<ChatMessage> prompt,
        List<ChatMessage> chosen,
        List<ChatMessage> rejected,
        boolean diverging,
        String metadataJson,
        Long parentPairId) {

    /** Copies the lists and rejects pairs without a completion on either side. */
    public PreferencePair {
        prompt = MessageLists.immutable(prompt);
        chosen = MessageLists.immutable(chosen);
        rejected = MessageLists.immutable(rejected);
        if (chosen.isEmpty() || rejected.isEmpty()) {
            throw new IllegalArgumentException("both sides of a pair need at least one message");
        }
        if (diverging && !prompt.isEmpty()) {
            throw new IllegalArgumentException("a diverging pair keeps whole conversations");
        }
    }

    /**
     * Splits two whole conversations into shared prompt turns and final turns: when both have the
     * same turns except the last one, those turns become the prompt; otherwise both are kept whole
     * and the pair is marked diverging.
     *
     * @param source the record's source, or null
     * @param position the record's place in its file
     * @param chosenConversation the whole conversation the dataset prefers (not empty)
     * @param rejectedConversation the whole other conversation (not empty)
     * @param metadataJson extra fields as a JSON object, or null
     * @return the pair, with no parent
     */
    public static PreferencePair fromConversations(
            String source,
            long position,
            List<ChatMessage> chosenConversation,
            List<ChatMessage> rejectedConversation,
            String metadataJson) {
        int n = chosenConversation.size();
        int m = rejectedConversation.size();
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("both conversations need at least one message");
        }
        if (n == m
                && chosenConversation
                        .subList(0, n - 1)
                        .equals(rejectedConversation.subList(0, m - 1))) {
            return new PreferencePair(
                    source,
                    position,
                    chosenConversation.subList(0, n - 1),
                    chosenConversation.subList(n - 1, n),
                    rejectedConversation.subList(m - 1, m),
                    false,
                    metadataJson,
                    null);
        }
        return new PreferencePair(
                source,
                position,
                List.of(),
                chosenConversation,
                rejectedConversation,
                true,
                metadataJson,
                null);
    }

    /** The completion turns of one side. */
    public List<ChatMessage> completion(Side side) {
        return side == Side.CHOSEN ? chosen : rejected;
    }

    /**
     * The length of one side: the characters (Unicode code points, so an emoji counts once) in the
     * contents of its completion turns. That is the final answer for an ordinary pair, and the
     * whole conversation for a diverging one, whose turns are all kept as its completion.
     */
    public int completionLength(Side side) {
        int length = 0;
        for (ChatMessage message : completion(side)) {
            String content = message.content();
            length += content.codePointCount(0, content.length());
        }
        return length;
    }

    /**
     * The whole conversation of one side: prompt turns followed by that side's completion (an
     * immutable view, no copy).
     */
    public List<ChatMessage> conversation(Side side) {
        List<ChatMessage> completion = completion(side);
        return prompt.isEmpty() ? completion : new JoinedMessageList(prompt, completion);
    }

    /** The same content as an edited variant of another pair. */
    public PreferencePair withParent(long parentId) {
        return new PreferencePair(
                source, position, prompt, chosen, rejected, diverging, metadataJson, parentId);
    }

    /** The same pair with different completions (for an edited variant). */
    public PreferencePair withCompletions(
            List<ChatMessage> newChosen, List<ChatMessage> newRejected) {
        return new PreferencePair(
                source,
                position,
                prompt,
                Objects.requireNonNull(newChosen, "newChosen"),
                Objects.requireNonNull(newRejected, "newRejected"),
                diverging,
                metadataJson,
                parentPairId);
    }
}
