package io.rewardlens.scoring;

import java.util.List;

/**
 * A whole conversation to be scored: the turns in order, usually ending with the assistant response
 * whose reward is wanted.
 *
 * @param turns the turns in order; copied, never null
 */
public record Conversation(List<ChatTurn> turns) {
    /** Copies the turns so a conversation cannot change after it was queued for scoring. */
    public Conversation {
        turns = List.copyOf(turns);
    }

    /**
     * Builds a conversation from turns.
     *
     * @param turns the turns in order
     * @return the conversation
     */
    public static Conversation of(ChatTurn... turns) {
        return new Conversation(List.of(turns));
    }
}
