package io.rewardlens.scoring;

/**
 * Where the content of one turn of the conversation lies in the rendered text (UTF-16 indices), so
 * a view can place per-token scores on each message. Templates that trim the content are handled:
 * the span covers the text as the template wrote it.
 *
 * @param turnIndex the index of the turn in the conversation
 * @param role the turn's role
 * @param start the first index, inclusive
 * @param end the last index, exclusive
 */
public record MessageSpan(int turnIndex, String role, int start, int end) {
    /** Rejects a negative or reversed span. */
    public MessageSpan {
        if (turnIndex < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "bad message span " + turnIndex + ": " + start + ".." + end);
        }
    }
}
