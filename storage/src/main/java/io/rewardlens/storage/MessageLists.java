package io.rewardlens.storage;

import java.util.List;

/** Immutable message lists without needless copies (see {@link #immutable}). */
public final class MessageLists {
    private MessageLists() {}

    /**
     * An immutable list with the same messages: the list itself when it already is one of the
     * store's immutable lists (which may still hold undecoded stored JSON), otherwise {@link
     * List#copyOf}. Records holding messages use this instead of {@code List.copyOf}, which would
     * decode stored texts just to copy them.
     */
    public static List<ChatMessage> immutable(List<ChatMessage> messages) {
        if (messages instanceof StoredMessageList
                || messages instanceof JoinedMessageList
                || messages instanceof EncodedMessageList) {
            return messages;
        }
        return List.copyOf(messages);
    }
}
