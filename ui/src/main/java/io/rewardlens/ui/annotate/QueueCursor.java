package io.rewardlens.ui.annotate;

import io.rewardlens.storage.StoredPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pairs of the queue read so far, in queue order, and where the annotator is among them: on a
 * pair (0 to size - 1), before the first (-1) or past the last (size). A pair is held once, however
 * often it is read or inserted.
 */
final class QueueCursor {
    private final List<StoredPair> loaded = new ArrayList<>();
    private final Set<Long> ids = new HashSet<>();
    private int index = -1;

    /** Forgets every pair and goes back before the first. */
    void clear() {
        loaded.clear();
        ids.clear();
        index = -1;
    }

    /**
     * Adds pairs read from the queue after those held, skipping pairs held already.
     *
     * @param pairs the pairs in queue order
     */
    void append(List<StoredPair> pairs) {
        for (StoredPair pair : pairs) {
            if (ids.add(pair.id())) {
                loaded.add(pair);
            }
        }
    }

    /**
     * Puts a pair right after the position (or first, before the first pair), unless it is held.
     *
     * @param pair the pair
     * @return its position
     */
    int insertNext(StoredPair pair) {
        if (ids.add(pair.id())) {
            loaded.add(Math.max(0, Math.min(index + 1, loaded.size())), pair);
        }
        return indexOf(pair.id());
    }

    /**
     * Puts a new pair right after the pair at the position; nothing happens off a pair or for a
     * pair held already.
     *
     * @param pair the pair
     * @return whether it was added
     */
    boolean insertAfterCurrent(StoredPair pair) {
        if (!onPair() || !ids.add(pair.id())) {
            return false;
        }
        loaded.add(index + 1, pair);
        return true;
    }

    /**
     * Moves to a position.
     *
     * @param position 0 to size - 1
     * @return the pair there
     */
    StoredPair moveTo(int position) {
        StoredPair pair = loaded.get(position);
        index = position;
        return pair;
    }

    /** Moves past the last pair held. */
    void moveToEnd() {
        index = loaded.size();
    }

    int index() {
        return index;
    }

    int size() {
        return loaded.size();
    }

    boolean isEmpty() {
        return loaded.isEmpty();
    }

    /** Whether the position is on a pair. */
    boolean onPair() {
        return index >= 0 && index < loaded.size();
    }

    /** Whether a pair is held after the position. */
    boolean hasNext() {
        return index + 1 < loaded.size();
    }

    /** The pair at the position, or null off a pair. */
    StoredPair current() {
        return onPair() ? loaded.get(index) : null;
    }

    /** The pair before the position, or null. */
    StoredPair previous() {
        int before = previousIndex();
        return before >= 0 ? loaded.get(before) : null;
    }

    /**
     * The position of the pair before the position (after a move past the end: the last pair).
     *
     * @return the position, or -1 when there is none
     */
    int previousIndex() {
        return Math.max(-1, Math.min(index, loaded.size()) - 1);
    }

    /**
     * The pairs held right after the position.
     *
     * @param count the most pairs wanted
     * @return up to that many pairs, in queue order
     */
    List<StoredPair> ahead(int count) {
        int from = Math.min(loaded.size(), index + 1);
        int to = Math.min(loaded.size(), index + 1 + count);
        return List.copyOf(loaded.subList(from, to));
    }

    /**
     * Where a pair is.
     *
     * @param pairId the pair's id
     * @return its position, or -1 when it is not held
     */
    int indexOf(long pairId) {
        for (int i = 0; i < loaded.size(); i++) {
            if (loaded.get(i).id() == pairId) {
                return i;
            }
        }
        return -1;
    }
}
