package io.rewardlens.ui.annotate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that keep only their most recently used entries, for the view model's caches. */
final class Lru {
    private Lru() {}

    /**
     * An empty map that drops its least recently used entry beyond a capacity.
     *
     * @param capacity the most entries it keeps
     * @param <K> the key type
     * @param <V> the value type
     * @return the map
     */
    static <K, V> Map<K, V> of(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
