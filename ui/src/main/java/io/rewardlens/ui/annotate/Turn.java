package io.rewardlens.ui.annotate;

import io.rewardlens.ui.markdown.MarkdownDocument;
import java.util.Objects;

/**
 * One message as the pair view shows it: who speaks, the text and its parsed Markdown.
 *
 * @param role the speaker ({@code user}, {@code assistant}, ...)
 * @param text the message text
 * @param markdown the parsed text
 */
public record Turn(String role, String text, MarkdownDocument markdown) {
    /** Rejects null fields. */
    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(markdown, "markdown");
    }
}
