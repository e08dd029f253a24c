package io.rewardlens.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a stored conversation: who speaks, what they say, and, when the dataset gave the
 * message more than a role and a text, the message's whole JSON object exactly as it came.
 *
 * <p>Most messages are <em>plain</em>: {@code {"role": ..., "content": "..."}}; they have no {@link
 * #json()} and are stored and exported as the two strings. A message with anything else ({@code
 * tool_calls}, {@code tool_call_id}, {@code name}, {@code reasoning_content}, a content that is a
 * list of parts or null, any other key) keeps its JSON text verbatim, so an export writes back the
 * same bytes and a chat template sees every field ({@link #fields()}). Roles are kept exactly as
 * the dataset wrote them.
 *
 * @param role the speaker, never null (may be empty)
 * @param content the text: the string content, or the texts of the content's {@code text} parts
 *     joined by newlines, or empty for a null content; never null
 * @param json the message's JSON object text as the dataset wrote it, or null for a plain message
 */
public record ChatMessage(String role, String content, String json) {
    private static final ObjectMapper MAPPER = new ObjectMapper(MessageJson.FACTORY);

    /** Rejects null role and content: a message always has a role and a text view. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A plain message: a role and a string content, nothing else.
     *
     * @param role the speaker
     * @param content the text
     */
    public ChatMessage(String role, String content) {
        this(role, content, null);
    }

    /**
     * A message from the text of its JSON object. An object with exactly a string {@code role} and
     * a string {@code content}, in that order, gives a plain message; any other keeps the text
     * verbatim.
     *
     * @param objectJson one JSON object
     * @return the message
     * @throws InvalidMessageException when the text is not a JSON object, its {@code role} is
     *     missing or not a string, or its {@code content} is missing or neither a string, null nor
     *     a list of content part objects (the message names the field)
     */
    public static ChatMessage fromJson(String objectJson) {
        JsonNode node;
        try {
            node = MAPPER.readTree(objectJson);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException(null, "expected a message object, got " + kind(node));
        }
        JsonNode role = node.get("role");
        if (role == null) {
            throw new InvalidMessageException("role", "missing");
        }
        if (!role.isTextual()) {
            throw new InvalidMessageException("role", "expected a string, got " + kind(role));
        }
        JsonNode content = node.get("content");
        if (content == null) {
            throw new InvalidMessageException("content", "missing");
        }
        String text = text(content);
        if (node.size() == 2 && content.isTextual()) {
            Iterator<String> names = node.fieldNames();
            if (names.next().equals("role") && names.next().equals("content")) {
                return new ChatMessage(role.textValue(), text);
            }
        }
        return new ChatMessage(role.textValue(), text, objectJson);
    }

    /** The text view of a content value, checking that it is one a message may have. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isNull()) {
            return "";
        }
        if (!content.isArray()) {
            throw new InvalidMessageException(
                    "content",
                    "expected a string, null or a list of content parts, got " + kind(content));
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            if (!part.isObject()) {
                throw new InvalidMessageException(
                        "content[" + i + "]", "expected a content part object, got " + kind(part));
            }
            JsonNode partText = part.get("text");
            if ("text".equals(part.path("type").textValue())
                    && partText != null
                    && partText.isTextual()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(partText.textValue());
            }
        }
        return text.toString();
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * The same message with another text as its content (for an edited response): a plain message
     * stays plain; any other keeps its other fields, in their order, with {@code content} set to
     * the text (the object is then written compactly).
     *
     * @param text the new content
     * @return the edited message
     */
    public ChatMessage withContent(String text) {
        Objects.requireNonNull(text, "text");
        if (json == null) {
            return new ChatMessage(role, text);
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node =
                    (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(json);
            node.put("content", text);
            return fromJson(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException(null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Whether the message is only a role and a string content (it then has no {@link #json()}). */
    public boolean isPlain() {
        return json == null;
    }

    /**
     * The message as a JSON-like map, keys in the dataset's order: values are strings, numbers
     * ({@code Integer}, {@code Long}, {@code BigInteger}, {@code Double}), booleans, null, and
     * lists and maps of them. A fresh, modifiable copy on each call.
     *
     * @return the message's fields
     */
    public Map<String, Object> fields() {
        if (json == null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("role", role);
            fields.put("content", content);
            return fields;
        }
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            // fromJson checked the text; only a message built with a bad json component gets here.
            throw new InvalidMessageException(null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The message's {@code tool_calls}: each call's function name and arguments (as JSON text), for
     * display. Empty when the message has none.
     *
     * @return the calls in order
     */
    public List<ToolCall> toolCalls() {
        if (json == null) {
            return List.of();
        }
        JsonNode calls;
        try {
            calls = MAPPER.readTree(json).get("tool_calls");
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (calls == null || !calls.isArray()) {
            return List.of();
        }
        List<ToolCall> result = new ArrayList<>();
        for (JsonNode call : calls) {
            JsonNode function = call.has("function") ? call.get("function") : call;
            String name = function.path("name").asText("");
            JsonNode arguments = function.get("arguments");
            String argumentsText =
                    arguments == null || arguments.isNull()
                            ? ""
                            : arguments.isTextual() ? arguments.textValue() : arguments.toString();
            String id = call.path("id").isTextual() ? call.path("id").textValue() : null;
            result.add(new ToolCall(id, name, argumentsText));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * A string field of the message other than role and content (for example {@code name} or {@code
     * tool_call_id}), or null when the message has no such string field.
     *
     * @param name the field's key
     * @return its string value, or null
     */
    public String stringField(String name) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode value = MAPPER.readTree(json).get(name);
            return value != null && value.isTextual() ? value.textValue() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * One call in an assistant message's {@code tool_calls}.
     *
     * @param id the call's id, or null
     * @param name the function's name (empty when the call names none)
     * @param arguments the arguments as JSON text (a string argument as it was), possibly empty
     */
    public record ToolCall(String id, String name, String arguments) {}
}
