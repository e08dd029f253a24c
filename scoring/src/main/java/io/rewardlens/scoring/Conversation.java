package io.rewardlens.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole conversation to be scored: the turns in order, usually ending with the assistant response
 * whose reward is wanted, and the extra variables its chat template is rendered with (the {@code
 * tools} and {@code documents} a dataset record offers, as {@code apply_chat_template(messages,
 * tools=..., documents=...)} takes them).
 *
 * @param turns the turns in order; copied, never null
 * @param variables extra template variables by name (JSON-like values); copied (its top level),
 *     empty when there are none
 */
public record Conversation(List<ChatTurn> turns, Map<String, Object> variables) {
    /** Copies turns and variables so a conversation cannot change after it was queued. */
    public Conversation {
        turns = List.copyOf(turns);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /**
     * A conversation without extra template variables.
     *
     * @param turns the turns in order
     */
    public Conversation(List<ChatTurn> turns) {
        this(turns, Map.of());
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
