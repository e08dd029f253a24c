package io.rewardlens.scoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ScoreCache} in memory, for one session or for tests; forgets everything on exit. */
public final class InMemoryScoreCache implements ScoreCache {
    private final Map<ScoreKey, CachedScore> entries = new ConcurrentHashMap<>();

    /** Creates an empty cache. */
    public InMemoryScoreCache() {}

    @Override
    public Map<ScoreKey, CachedScore> getAll(Collection<ScoreKey> keys) {
        Map<ScoreKey, CachedScore> found = new HashMap<>();
        for (ScoreKey key : keys) {
            CachedScore entry = entries.get(key);
            if (entry != null) {
                found.put(key, entry);
            }
        }
        return found;
    }

    @Override
    public void putAll(Map<ScoreKey, CachedScore> newEntries) {
        entries.putAll(newEntries);
    }

    /**
     * Returns the number of entries.
     *
     * @return how many scores are cached
     */
    public int size() {
        return entries.size();
    }
}
