package io.rewardlens.storage;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A message list read from the store, kept in its stored JSON form until someone looks at a
 * message. Listing or exporting pairs thus never decodes texts nobody reads, and a JSONL export
 * writes the stored JSON back as it is ({@link Utf8JsonBuffer#appendMessages}). Immutable; safe to
 * share between threads (decoding twice in a race is harmless).
 */
final class StoredMessageList extends AbstractList<ChatMessage> implements RandomAccess {
    private static final byte[] EMPTY = {'[', ']'};

    private final byte[] json;
    private volatile List<ChatMessage> decoded;

    StoredMessageList(byte[] json) {
        this.json = json;
    }

    /** The stored UTF-8 JSON array; not to be modified. */
    byte[] json() {
        return json;
    }

    private List<ChatMessage> decoded() {
        List<ChatMessage> messages = decoded;
        if (messages == null) {
            messages = List.copyOf(MessageJson.read(json));
            decoded = messages;
        }
        return messages;
    }

    @Override
    public ChatMessage get(int index) {
        return decoded().get(index);
    }

    @Override
    public int size() {
        return decoded().size();
    }

    /** Answered from the stored form when it is the store's own compact JSON. */
    @Override
    public boolean isEmpty() {
        if (Arrays.equals(json, EMPTY)) {
            return true;
        }
        if (isCompact() && json[1] == '{') {
            return false;
        }
        return decoded().isEmpty();
    }

    /** Whether the stored form is a bare array ({@code [...]}, no surrounding whitespace). */
    boolean isCompact() {
        return json.length >= 2 && json[0] == '[' && json[json.length - 1] == ']';
    }
}
