package io.rewardlens.storescoring;

import io.rewardlens.scoring.CachedScore;
import io.rewardlens.scoring.ScoreCache;
import io.rewardlens.scoring.ScoreKey;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoreFullException;
import io.rewardlens.storage.StoreReadOnlyException;
import io.rewardlens.storage.StoredScoreCache;
import io.rewardlens.storage.TokenKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scoring engine's {@link ScoreCache} kept in the SQLite store, so a conversation is never
 * scored twice by the same model trace, across runs and processes. The store's "bundle hash" column
 * holds the engine's model key (bundle content hash and trace file); the token key is the same
 * SHA-256 of the token ids on both sides.
 */
public final class StoreScoreCache implements ScoreCache {
    private static final HexFormat HEX = HexFormat.of();

    private final StoredScoreCache stored;

    /**
     * Wraps the store's cache.
     *
     * @param stored the store's score cache
     */
    public StoreScoreCache(StoredScoreCache stored) {
        this.stored = stored;
    }

    @Override
    public Map<ScoreKey, CachedScore> getAll(Collection<ScoreKey> keys) {
        Map<ScoreKey, CachedScore> found = new HashMap<>();
        Map<String, List<ScoreKey>> byModel =
                keys.stream().collect(Collectors.groupingBy(ScoreKey::modelKey));
        byModel.forEach(
                (modelKey, modelKeys) -> {
                    Map<TokenKey, ScoreKey> tokenKeys = new LinkedHashMap<>();
                    for (ScoreKey key : modelKeys) {
                        tokenKeys.put(tokenKey(key), key);
                    }
                    stored.lookupAll(modelKey, tokenKeys.keySet())
                            .forEach(
                                    (tokenKey, score) ->
                                            found.put(
                                                    tokenKeys.get(tokenKey),
                                                    new CachedScore(
                                                            score.score(),
                                                            score.tokenScores(),
                                                            ProvenanceJson.read(
                                                                    score.provenanceJson()))));
                });
        return found;
    }

    @Override
    public void putAll(Map<ScoreKey, CachedScore> entries) {
        Map<String, Map<TokenKey, io.rewardlens.storage.CachedScore>> byModel = new HashMap<>();
        entries.forEach(
                (key, score) ->
                        byModel.computeIfAbsent(key.modelKey(), k -> new HashMap<>())
                                .put(
                                        tokenKey(key),
                                        new io.rewardlens.storage.CachedScore(
                                                score.score(),
                                                score.perTokenScores(),
                                                ProvenanceJson.write(score.provenance()))));
        try {
            byModel.forEach(stored::putAll);
        } catch (StoreBusyException | StoreReadOnlyException | StoreFullException unsaved) {
            // The cache only saves work: when another process holds the database past the busy
            // timeout, or the database cannot be written (read-only, disk full), these scores go
            // uncached rather than failing the scoring that made them.
        }
    }

    private static TokenKey tokenKey(ScoreKey key) {
        return TokenKey.ofDigest(HEX.parseHex(key.tokenIdsSha256()));
    }
}
