package io.rewardlens.scoring;

import java.util.Objects;

/**
 * One turn of a conversation as a reward model receives it: a role ({@code system}, {@code user},
 * {@code assistant}, ...) and its text.
 *
 * @param role the speaker, as the model's chat template expects it
 * @param content the text of the turn, possibly empty, never null
 */
public record ChatTurn(String role, String content) {
    /** Rejects null fields, so templates never see a missing value. */
    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
