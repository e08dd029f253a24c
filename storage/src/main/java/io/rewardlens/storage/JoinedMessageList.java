package io.rewardlens.storage;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Two immutable message lists seen as one (prompt turns followed by a completion), without copying:
 * a JSONL export can then splice the two stored JSON arrays instead of decoding them.
 */
final class JoinedMessageList extends AbstractList<ChatMessage> implements RandomAccess {
    private final List<ChatMessage> first;
    private final List<ChatMessage> second;

    JoinedMessageList(List<ChatMessage> first, List<ChatMessage> second) {
        this.first = first;
        this.second = second;
    }

    List<ChatMessage> first() {
        return first;
    }

    List<ChatMessage> second() {
        return second;
    }

    @Override
    public ChatMessage get(int index) {
        int split = first.size();
        return index < split ? first.get(index) : second.get(index - split);
    }

    @Override
    public int size() {
        return first.size() + second.size();
    }
}
