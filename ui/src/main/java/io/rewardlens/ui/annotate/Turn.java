package io.rewardlens.ui.annotate;

import io.rewardlens.ui.markdown.MarkdownDocument;
import java.util.List;
import java.util.Objects;

/**
 * One message as the pair view shows it: who speaks, the text and its parsed Markdown, and what the
 * message is beyond its text: its header (the role, with a tool result's tool name and call id) and
 * its tool calls, one readable line each.
 *
 * @param role the speaker ({@code user}, {@code assistant}, ...)
 * @param text the message text
 * @param markdown the parsed text
 * @param label the turn's header, e.g. {@code tool · get_weather · call_1}
 * @param toolCalls the message's tool calls, e.g. {@code → get_weather({"city": "Paris"})}
 */
public record Turn(
        String role, String text, MarkdownDocument markdown, String label, List<String> toolCalls) {
    /** Rejects null fields and copies the calls. */
    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(label, "label");
        toolCalls = List.copyOf(toolCalls);
    }

    /**
     * A turn that is only a role and a text.
     *
     * @param role the speaker
     * @param text the text
     * @param markdown the parsed text
     */
    public Turn(String role, String text, MarkdownDocument markdown) {
        this(role, text, markdown, role, List.of());
    }

    /**
     * Whether the header should show even where plain turns go without one: a tool result, or a
     * turn that calls tools.
     *
     * @return true for a turn that is more than a role and a text
     */
    public boolean hasToolDetail() {
        return !toolCalls.isEmpty() || !label.equals(role) || role.equals("tool");
    }
}
