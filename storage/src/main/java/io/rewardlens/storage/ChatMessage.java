package io.rewardlens.storage;

import java.util.Objects;

/**
 * One message of a stored conversation: who speaks and what they say. Roles are kept exactly as the
 * dataset wrote them ({@code system}, {@code user}, {@code assistant} or anything else).
 *
 * @param role the speaker, never null (may be empty)
 * @param content the text, never null (may be empty)
 */
public record ChatMessage(String role, String content) {
    /** Rejects null fields: a message always has a role and a text. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
