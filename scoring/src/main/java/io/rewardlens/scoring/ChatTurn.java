package io.rewardlens.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One turn of a conversation as a reward model receives it: a role ({@code system}, {@code user},
 * {@code assistant}, {@code tool}, ...), its text, and, for a turn that is more than that, the
 * whole message as the chat template sees it (OpenAI message format: {@code tool_calls}, {@code
 * tool_call_id}, {@code name}, {@code reasoning_content}, a content that is a list of parts or
 * null, any other key).
 *
 * @param role the speaker, as the model's chat template expects it
 * @param content the text of the turn, possibly empty, never null: what the score's per-message
 *     detail looks for in the rendered text
 * @param fields the whole message as a JSON-like map (strings, numbers, booleans, null, lists and
 *     maps of them), or null for a turn that is only its role and text; the map is copied (its top
 *     level) and cannot be modified
 */
public record ChatTurn(String role, String content, Map<String, Object> fields) {
    /** Rejects null role and text, so templates never see a missing value. */
    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (fields != null) {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * A turn that is only a role and a text.
     *
     * @param role the speaker
     * @param content the text
     */
    public ChatTurn(String role, String content) {
        this(role, content, null);
    }

    /**
     * The message the chat template renders: {@link #fields()} when the turn has them, otherwise
     * {@code {"role": role, "content": content}}.
     *
     * @return a JSON-like map, keys in message order
     */
    public Map<String, Object> message() {
        if (fields != null) {
            return fields;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", role);
        message.put("content", content);
        return message;
    }
}
