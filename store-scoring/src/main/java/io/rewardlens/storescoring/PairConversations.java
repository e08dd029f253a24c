package io.rewardlens.storescoring;

import io.rewardlens.scoring.ChatTurn;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.Side;
import java.util.List;

/** Turns the messages of a stored preference pair into the conversations a reward model scores. */
public final class PairConversations {
    private PairConversations() {}

    /**
     * The whole conversation of one side of a pair: the shared prompt turns and that side's
     * completion (or that side's whole conversation when the two diverge early).
     *
     * @param pair the pair
     * @param side which side
     * @return the conversation to score
     */
    public static Conversation of(PreferencePair pair, Side side) {
        return of(pair.conversation(side));
    }

    /**
     * A conversation from stored messages, in order.
     *
     * @param messages the messages
     * @return the conversation
     */
    public static Conversation of(List<ChatMessage> messages) {
        return new Conversation(
                messages.stream()
                        .map(message -> new ChatTurn(message.role(), message.content()))
                        .toList());
    }
}
