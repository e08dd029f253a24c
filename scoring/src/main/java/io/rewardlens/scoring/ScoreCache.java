package io.rewardlens.scoring;

import java.util.Collection;
import java.util.Map;

/**
 * Scores already computed, so that nothing is scored twice: the {@link ScoringService} looks up
 * every conversation before running the model and stores what it computed. Both methods take many
 * entries at once so that a database implementation can answer a whole batch in one query or one
 * transaction. Implementations must be safe to call from the service's worker thread while other
 * threads use them.
 */
public interface ScoreCache {
    /**
     * Looks up many keys.
     *
     * @param keys the keys wanted
     * @return the entries found; keys without an entry are absent
     */
    Map<ScoreKey, CachedScore> getAll(Collection<ScoreKey> keys);

    /**
     * Stores many entries, replacing any with the same key.
     *
     * @param entries the entries to store
     */
    void putAll(Map<ScoreKey, CachedScore> entries);
}
