package io.rewardlens.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer that writes JSON text straight as UTF-8 (used for the store's message
 * columns and for Skywork JSONL output), so stored message lists never pass through an intermediate
 * String. Unpaired surrogates are written as {@code \\uXXXX} escapes, which keeps them (plain UTF-8
 * cannot hold them) and keeps the output valid UTF-8.
 */
public final class Utf8JsonBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Characters encoded per step of {@link #appendString}. */
    private static final int CHUNK = 4096;

    private byte[] bytes = new byte[8192];
    private final char[] chars = new char[CHUNK + 1];
    private int length;

    /** Creates an empty buffer. */
    public Utf8JsonBuffer() {}

    /** Empties the buffer, keeping its capacity. */
    public void reset() {
        length = 0;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Appends text that is known to be plain ASCII without anything to escape. */
    public void appendAscii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    /** Appends a JSON string literal: quotes, escapes and UTF-8. */
    public void appendString(String text) {
        int n = text.length();
        ensure(2);
        bytes[length++] = '"';
        // Chunks are copied out with getChars (fast, and the loop below then indexes a plain
        // array), with room reserved up front so plain characters need no capacity check: a
        // character takes at most 3 bytes, a surrogate pair 4 for 2 chars (+1 when a pair straddles
        // the chunk's end, hence one char of lookahead); after an escape the rest is re-reserved.
        int start = 0;
        while (start < n) {
            int count = Math.min(n - start, CHUNK);
            int copied = Math.min(n - start, count + 1);
            text.getChars(start, start + copied, chars, 0);
            ensure(3 * count + 1);
            byte[] out = bytes;
            int at = length;
            int k = 0;
            for (; k < count; k++) {
                char c = chars[k];
                if (c < 0x80) {
                    if (c >= 0x20 && c != '"' && c != '\\') {
                        out[at++] = (byte) c;
                        continue;
                    }
                    length = at;
                    escape(c);
                    ensure(3 * (count - k) + 1);
                    out = bytes;
                    at = length;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xc0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (!Character.isSurrogate(c)) {
                    out[at++] = (byte) (0xe0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    out[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c)
                        && k + 1 < copied
                        && Character.isLowSurrogate(chars[k + 1])) {
                    int codePoint = Character.toCodePoint(c, chars[++k]);
                    out[at++] = (byte) (0xf0 | (codePoint >> 18));
                    out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                    out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                    out[at++] = (byte) (0x80 | (codePoint & 0x3f));
                } else {
                    length = at;
                    ensure(6);
                    unicodeEscape(c);
                    ensure(3 * (count - k) + 1);
                    out = bytes;
                    at = length;
                }
            }
            length = at;
            start += k;
        }
        ensure(1);
        bytes[length++] = '"';
    }

    /**
     * Appends a message list as a compact JSON array of {@code {"role": ..., "content": ...}}
     * objects, keys in that order; a message that is more than that ({@link ChatMessage#json()}) is
     * written as its own JSON object text, unchanged.
     */
    public void appendMessages(List<ChatMessage> messages) {
        // Lists that still have their JSON text are written from it, without encoding again.
        if (messages instanceof EncodedMessageList encoded) {
            encoded.appendTo(this);
            return;
        }
        if (messages instanceof StoredMessageList stored && stored.isCompact()) {
            appendRaw(stored.json(), 0, stored.json().length);
            return;
        }
        if (messages instanceof JoinedMessageList joined
                && joined.first() instanceof StoredMessageList first
                && joined.second() instanceof StoredMessageList second
                && first.isCompact()
                && second.isCompact()
                && !first.isEmpty()
                && !second.isEmpty()) {
            // "[a,b]" + "[c]" -> "[a,b" + "," + "c]"
            appendRaw(first.json(), 0, first.json().length - 1);
            appendAscii(",");
            appendRaw(second.json(), 1, second.json().length - 1);
            return;
        }
        appendAscii("[");
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (!message.isPlain()) {
                // Kept as the dataset wrote it: same keys, order, number forms and escapes.
                if (i > 0) {
                    appendAscii(",");
                }
                byte[] object = message.json().getBytes(StandardCharsets.UTF_8);
                appendRaw(object, 0, object.length);
                continue;
            }
            appendAscii(i == 0 ? "{\"role\":" : ",{\"role\":");
            appendString(message.role());
            appendAscii(",\"content\":");
            appendString(message.content());
            appendAscii("}");
        }
        appendAscii("]");
    }

    void appendRaw(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Writes the bytes written so far to {@code out}. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(bytes, 0, length);
    }

    /** How many bytes were written so far. */
    public int length() {
        return length;
    }

    private void escape(char c) {
        ensure(6);
        byte simple =
                switch (c) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    case '\t' -> 't';
                    case '\b' -> 'b';
                    case '\f' -> 'f';
                    default -> 0;
                };
        if (simple != 0) {
            bytes[length++] = '\\';
            bytes[length++] = simple;
        } else {
            unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = 'u';
        bytes[length++] = HEX[(c >> 12) & 0xf];
        bytes[length++] = HEX[(c >> 8) & 0xf];
        bytes[length++] = HEX[(c >> 4) & 0xf];
        bytes[length++] = HEX[c & 0xf];
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            grow(length + more);
        }
    }

    private void grow(int minimum) {
        long doubled = Math.max((long) bytes.length * 2, minimum);
        bytes = Arrays.copyOf(bytes, (int) Math.min(doubled, Integer.MAX_VALUE - 16));
    }
}
