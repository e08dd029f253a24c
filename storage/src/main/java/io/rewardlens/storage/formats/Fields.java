package io.rewardlens.storage.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.InvalidMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading the fields of one record, each error naming the field. */
final class Fields {
    /** Texts can be huge: lift Jackson's string cap. */
    static final ObjectMapper MAPPER =
            new ObjectMapper(
                    JsonFactory.builder()
                            .streamReadConstraints(
                                    StreamReadConstraints.builder()
                                            .maxStringLength(Integer.MAX_VALUE)
                                            .build())
                            .build());

    private Fields() {}

    /** A field that must be present and not null. */
    static JsonNode required(ObjectNode record, String name) throws LayoutException {
        JsonNode value = record.get(name);
        if (value == null || value.isNull()) {
            throw new LayoutException(name, "missing");
        }
        return value;
    }

    /** A field that must be a string. */
    static String string(JsonNode value, String path) throws LayoutException {
        if (!value.isTextual()) {
            throw new LayoutException(path, "expected a string, got " + kind(value));
        }
        return value.textValue();
    }

    /** A required string field. */
    static String string(ObjectNode record, String name) throws LayoutException {
        return string(required(record, name), name);
    }

    /** An optional string field: null when absent or null. */
    static String optionalString(ObjectNode record, String name) throws LayoutException {
        JsonNode value = record.get(name);
        return value == null || value.isNull() ? null : string(value, name);
    }

    /** A required list of strings. */
    static List<String> strings(ObjectNode record, String name) throws LayoutException {
        JsonNode value = required(record, name);
        if (!value.isArray()) {
            throw new LayoutException(name, "expected a list of strings, got " + kind(value));
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            strings.add(string(value.get(i), name + "[" + i + "]"));
        }
        return strings;
    }

    /**
     * A list of chat messages, each an object with a string {@code role} and a content as {@link
     * ChatMessage#fromJson} accepts it. A message of only a role and a string content is plain,
     * whatever the order of its two keys (Parquet writes {@code content} first).
     */
    static List<ChatMessage> messages(JsonNode value, String path) throws LayoutException {
        if (value == null || value.isNull()) {
            throw new LayoutException(path, "missing");
        }
        if (!value.isArray()) {
            throw new LayoutException(
                    path,
                    "expected a list of {\"role\", \"content\"} messages, got " + kind(value));
        }
        List<ChatMessage> messages = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            messages.add(message(value.get(i), path + "[" + i + "]"));
        }
        return messages;
    }

    /** One chat message object. */
    static ChatMessage message(JsonNode node, String path) throws LayoutException {
        if (!node.isObject()) {
            throw new LayoutException(path, "expected a message object, got " + kind(node));
        }
        JsonNode role = node.get("role");
        JsonNode content = node.get("content");
        if (node.size() == 2
                && role != null
                && role.isTextual()
                && content != null
                && content.isTextual()) {
            return new ChatMessage(role.textValue(), content.textValue());
        }
        try {
            return ChatMessage.fromJson(MAPPER.writeValueAsString(node));
        } catch (InvalidMessageException e) {
            throw new LayoutException(
                    e.field() == null ? path : path + "." + e.field(), e.reason());
        } catch (JsonProcessingException e) {
            throw new LayoutException(path, e.getOriginalMessage());
        }
    }

    /** A conversation's one user turn followed by one assistant turn. */
    static List<ChatMessage> exchange(String prompt, String completion) {
        return List.of(new ChatMessage("user", prompt), new ChatMessage("assistant", completion));
    }

    /** Prompt turns followed by completion turns, in a new list. */
    static List<ChatMessage> joined(List<ChatMessage> prompt, List<ChatMessage> completion) {
        List<ChatMessage> all = new ArrayList<>(prompt.size() + completion.size());
        all.addAll(prompt);
        all.addAll(completion);
        return all;
    }

    /**
     * The record's fields a layout did not map, with {@code extra} entries added, as a JSON object
     * text; null when there are none.
     */
    static String metadata(ObjectNode record, Set<String> mapped, Map<String, JsonNode> extra) {
        ObjectNode rest = MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            if (!mapped.contains(field.getKey())) {
                rest.set(field.getKey(), field.getValue());
            }
        }
        extra.forEach(rest::set);
        if (rest.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(rest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    /** The record's fields a layout did not map, or null. */
    static String metadata(ObjectNode record, Set<String> mapped) {
        return metadata(record, mapped, Map.of());
    }

    /** What a JSON value is, for error messages: {@code a number}, {@code a list}, ... */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
