package io.rewardlens.storage;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable message list parsed from JSON that keeps each message's JSON text next to the
 * decoded message, so the store can save it without encoding the texts again (the role and content
 * keep the JSON string literals of the input, escapes included). Sub-lists are views that keep this
 * property: splitting off the prompt turns costs nothing.
 *
 * <p>Parsers build one with {@link #builder()}; everyone else just sees a {@code List}.
 */
public final class EncodedMessageList extends AbstractList<ChatMessage> implements RandomAccess {
    private final ChatMessage[] messages;
    private final byte[] json;
    private final int[] starts;
    private final int[] ends;
    private final int from;
    private final int to;

    private EncodedMessageList(
            ChatMessage[] messages, byte[] json, int[] starts, int[] ends, int from, int to) {
        this.messages = messages;
        this.json = json;
        this.starts = starts;
        this.ends = ends;
        this.from = from;
        this.to = to;
    }

    /** Starts a list; add messages in order. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ChatMessage get(int index) {
        if (index < 0 || index >= to - from) {
            throw new IndexOutOfBoundsException(index);
        }
        return messages[from + index];
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public EncodedMessageList subList(int fromIndex, int toIndex) {
        if (fromIndex < 0 || toIndex > size() || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException(fromIndex + ".." + toIndex + " of " + size());
        }
        return new EncodedMessageList(
                messages, json, starts, ends, from + fromIndex, from + toIndex);
    }

    /** Appends the list as a JSON array: the messages' JSON texts, back to back. */
    void appendTo(Utf8JsonBuffer buffer) {
        if (from == to) {
            buffer.appendAscii("[]");
            return;
        }
        buffer.appendAscii("[");
        buffer.appendRaw(json, starts[from], ends[to - 1] - starts[from]);
        buffer.appendAscii("]");
    }

    /** Collects messages with the JSON string literals they were parsed from. */
    public static final class Builder {
        private ChatMessage[] messages = new ChatMessage[4];
        private int[] starts = new int[4];
        private int[] ends = new int[4];
        private int count;
        private final Utf8JsonBuffer json = new Utf8JsonBuffer();

        private Builder() {}

        /**
         * Adds a message together with the JSON string literals (quotes included) of its role and
         * content, found in {@code source}. The literals must be valid JSON strings that decode to
         * the message's role and content, as a JSON parser has just checked.
         */
        public Builder add(
                ChatMessage message,
                byte[] source,
                int roleStart,
                int roleEnd,
                int contentStart,
                int contentEnd) {
            if (count == messages.length) {
                messages = Arrays.copyOf(messages, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            if (count > 0) {
                json.appendAscii(",");
            }
            starts[count] = json.length();
            json.appendAscii("{\"role\":");
            json.appendRaw(source, roleStart, roleEnd - roleStart);
            json.appendAscii(",\"content\":");
            json.appendRaw(source, contentStart, contentEnd - contentStart);
            json.appendAscii("}");
            ends[count] = json.length();
            messages[count++] = message;
            return this;
        }

        /** The list of the messages added so far. */
        public EncodedMessageList build() {
            return new EncodedMessageList(
                    Arrays.copyOf(messages, count),
                    json.toByteArray(),
                    Arrays.copyOf(starts, count),
                    Arrays.copyOf(ends, count),
                    0,
                    count);
        }
    }
}
