package io.rewardlens.storescoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.scoring.ChatTurn;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.Side;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the messages of a stored preference pair into the conversations a reward model scores:
 * every field of every message (tool calls, tool results, content parts, ...) and the record's
 * {@code tools} and {@code documents} (top-level fields of a dataset record, kept in the pair's
 * metadata) reach the chat template.
 */
public final class PairConversations {
    /** The record fields that are template variables, as {@code apply_chat_template} names them. */
    static final List<String> TEMPLATE_VARIABLES = List.of("tools", "documents");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PairConversations() {}

    /**
     * The whole conversation of one side of a pair: the shared prompt turns and that side's
     * completion (or that side's whole conversation when the two diverge early), with the pair's
     * {@code tools} and {@code documents} when its record has them.
     *
     * @param pair the pair
     * @param side which side
     * @return the conversation to score
     */
    public static Conversation of(PreferencePair pair, Side side) {
        return new Conversation(turns(pair.conversation(side)), variables(pair.metadataJson()));
    }

    /**
     * A conversation from stored messages, in order, without template variables.
     *
     * @param messages the messages
     * @return the conversation
     */
    public static Conversation of(List<ChatMessage> messages) {
        return new Conversation(turns(messages));
    }

    /**
     * A conversation from messages and the record they came from: the record's {@code tools} and
     * {@code documents} (those present and not null) become template variables.
     *
     * @param messages the messages
     * @param recordField a record's field by name as a JSON-like value, null when absent or null
     * @return the conversation
     */
    public static Conversation of(
            List<ChatMessage> messages, Function<String, Object> recordField) {
        return new Conversation(turns(messages), variables(recordField));
    }

    private static List<ChatTurn> turns(List<ChatMessage> messages) {
        return messages.stream()
                .map(
                        message ->
                                new ChatTurn(
                                        message.role(),
                                        message.content(),
                                        message.isPlain() ? null : message.fields()))
                .toList();
    }

    /** The template variables among a pair's metadata fields (non-null ones only). */
    static Map<String, Object> variables(String metadataJson) {
        if (metadataJson == null
                || TEMPLATE_VARIABLES.stream()
                        .noneMatch(name -> metadataJson.contains("\"" + name + "\""))) {
            return Map.of();
        }
        Map<String, Object> metadata;
        try {
            metadata =
                    JSON.readValue(
                            metadataJson, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            // The store writes metadata as a JSON object; anything else is not ours to score.
            throw new IllegalStateException("a pair's metadata is not a JSON object", e);
        }
        return variables(metadata::get);
    }

    private static Map<String, Object> variables(Function<String, Object> recordField) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : TEMPLATE_VARIABLES) {
            Object value = recordField.apply(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        return variables;
    }
}
