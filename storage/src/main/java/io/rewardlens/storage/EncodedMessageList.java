package io.rewardlens.storage;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable message list read from JSON that keeps each message's JSON text and decodes a
 * message only when it is looked at. An import thus stores messages without decoding and encoding
 * their texts again (role and content keep the JSON string literals of the input, escapes included;
 * a message with more than a role and a string content keeps its whole JSON object as the input
 * wrote it), and splitting off the prompt turns ({@link #subList}) costs nothing.
 *
 * <p>Parsers build one with {@link #builder()} from string literals a JSON parser has checked;
 * everyone else just sees a {@code List}. Safe to share between threads.
 */
public final class EncodedMessageList extends AbstractList<ChatMessage> implements RandomAccess {
    /** The messages' JSON objects, back to back, separated by commas. */
    private final byte[] json;

    /**
     * Per message: object start, object end, role literal start/end, content literal start/end; the
     * literal positions are -1 for a message kept as its whole JSON object.
     */
    private final int[] spans;

    private final ChatMessage[] decoded;
    private final int from;
    private final int to;

    private static final int SPAN = 6;

    private EncodedMessageList(byte[] json, int[] spans, ChatMessage[] decoded, int from, int to) {
        this.json = json;
        this.spans = spans;
        this.decoded = decoded;
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
        int at = from + index;
        ChatMessage message = decoded[at];
        if (message == null) {
            int s = at * SPAN;
            message =
                    spans[s + 2] < 0
                            ? ChatMessage.fromJson(
                                    new String(
                                            json,
                                            spans[s],
                                            spans[s + 1] - spans[s],
                                            StandardCharsets.UTF_8))
                            : new ChatMessage(
                                    JsonStringLiteral.decode(json, spans[s + 2], spans[s + 3]),
                                    JsonStringLiteral.decode(json, spans[s + 4], spans[s + 5]));
            // A racing thread may decode the same message; both results are equal.
            decoded[at] = message;
        }
        return message;
    }

    /**
     * The role of a message, decoding only its role: checking a conversation's roles does not
     * decode its texts.
     */
    public String role(int index) {
        if (index < 0 || index >= to - from) {
            throw new IndexOutOfBoundsException(index);
        }
        int at = from + index;
        int s = at * SPAN;
        if (decoded[at] != null || spans[s + 2] < 0) {
            return get(index).role();
        }
        return JsonStringLiteral.decode(json, spans[s + 2], spans[s + 3]);
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
        return new EncodedMessageList(json, spans, decoded, from + fromIndex, from + toIndex);
    }

    /** Equal JSON texts mean equal messages; only otherwise are the texts decoded to compare. */
    @Override
    public boolean equals(Object other) {
        if (other instanceof EncodedMessageList that && that.size() == size() && sameJson(that)) {
            return true;
        }
        return super.equals(other);
    }

    private boolean sameJson(EncodedMessageList that) {
        for (int i = 0; i < size(); i++) {
            int a = (from + i) * SPAN;
            int b = (that.from + i) * SPAN;
            if (!Arrays.equals(
                    json, spans[a], spans[a + 1], that.json, that.spans[b], that.spans[b + 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** Appends the list as a JSON array: the messages' JSON texts, back to back. */
    void appendTo(Utf8JsonBuffer buffer) {
        if (from == to) {
            buffer.appendAscii("[]");
            return;
        }
        buffer.appendAscii("[");
        int first = spans[from * SPAN];
        buffer.appendRaw(json, first, spans[(to - 1) * SPAN + 1] - first);
        buffer.appendAscii("]");
    }

    /** Collects messages as the JSON string literals of their role and content. */
    public static final class Builder {
        private int[] spans = new int[4 * SPAN];
        private int count;
        private final Utf8JsonBuffer json = new Utf8JsonBuffer();

        private Builder() {}

        /**
         * Adds a message given by the JSON string literals (quotes included) of its role and
         * content in {@code source}. The literals must be valid JSON strings, as a JSON parser has
         * just checked; they are copied.
         */
        public Builder add(
                byte[] source, int roleStart, int roleEnd, int contentStart, int contentEnd) {
            if ((count + 1) * SPAN > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            if (count > 0) {
                json.appendAscii(",");
            }
            int s = count * SPAN;
            spans[s] = json.length();
            json.appendAscii("{\"role\":");
            spans[s + 2] = json.length();
            json.appendRaw(source, roleStart, roleEnd - roleStart);
            spans[s + 3] = json.length();
            json.appendAscii(",\"content\":");
            spans[s + 4] = json.length();
            json.appendRaw(source, contentStart, contentEnd - contentStart);
            spans[s + 5] = json.length();
            json.appendAscii("}");
            spans[s + 1] = json.length();
            count++;
            return this;
        }

        /**
         * Adds a message given by its whole JSON object in {@code source} (braces included), kept
         * byte for byte. The object must be one {@link ChatMessage#fromJson} accepts, as the parser
         * has just checked; it is copied.
         */
        public Builder addObject(byte[] source, int objectStart, int objectEnd) {
            if ((count + 1) * SPAN > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            if (count > 0) {
                json.appendAscii(",");
            }
            int s = count * SPAN;
            spans[s] = json.length();
            json.appendRaw(source, objectStart, objectEnd - objectStart);
            spans[s + 1] = json.length();
            spans[s + 2] = -1;
            spans[s + 3] = -1;
            spans[s + 4] = -1;
            spans[s + 5] = -1;
            count++;
            return this;
        }

        /** The list of the messages added so far. */
        public EncodedMessageList build() {
            return new EncodedMessageList(
                    json.toByteArray(),
                    Arrays.copyOf(spans, count * SPAN),
                    new ChatMessage[count],
                    0,
                    count);
        }
    }
}
