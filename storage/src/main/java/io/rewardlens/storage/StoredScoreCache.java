package io.rewardlens.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persistent score cache of a store: scores of tokenized inputs keyed by model bundle hash and
 * {@link TokenKey}, so an input is never scored twice by the same bundle. Batch methods answer or
 * store many inputs in one round trip; the app wires the scoring engine's cache onto this.
 */
public final class StoredScoreCache {
    /** Stays well under SQLite's limit on bound parameters per statement. */
    private static final int LOOKUP_CHUNK = 500;

    private final PreferenceStore store;

    StoredScoreCache(PreferenceStore store) {
        this.store = store;
    }

    /** The cached score of one input, if any. */
    public Optional<CachedScore> lookup(String bundleHash, TokenKey key) {
        return Optional.ofNullable(lookupAll(bundleHash, List.of(key)).get(key));
    }

    /** The cached scores of many inputs; keys without a cached score are absent from the result. */
    public Map<TokenKey, CachedScore> lookupAll(String bundleHash, Collection<TokenKey> keys) {
        List<TokenKey> distinct = keys.stream().distinct().toList();
        Map<TokenKey, CachedScore> found = new HashMap<>();
        store.read(
                "look up cached scores",
                c -> {
                    for (int start = 0; start < distinct.size(); start += LOOKUP_CHUNK) {
                        List<TokenKey> chunk =
                                distinct.subList(
                                        start, Math.min(distinct.size(), start + LOOKUP_CHUNK));
                        StringBuilder sql =
                                new StringBuilder(
                                        "SELECT token_key, score, token_scores, provenance FROM"
                                            + " score_cache WHERE bundle_hash = ? AND token_key IN"
                                            + " (");
                        for (int i = 0; i < chunk.size(); i++) {
                            sql.append(i == 0 ? "?" : ", ?");
                        }
                        sql.append(')');
                        try (PreparedStatement query = c.prepareStatement(sql.toString())) {
                            query.setString(1, bundleHash);
                            for (int i = 0; i < chunk.size(); i++) {
                                query.setBytes(i + 2, chunk.get(i).digestUnsafe());
                            }
                            try (ResultSet rows = query.executeQuery()) {
                                while (rows.next()) {
                                    found.put(
                                            TokenKey.ofDigest(rows.getBytes(1)),
                                            new CachedScore(
                                                    rows.getDouble(2),
                                                    FloatBlobs.decode(rows.getBytes(3)),
                                                    rows.getString(4)));
                                }
                            }
                        }
                    }
                    return null;
                });
        return found;
    }

    /** Stores one score, replacing an earlier one for the same bundle and key. */
    public void put(String bundleHash, TokenKey key, CachedScore score) {
        putAll(bundleHash, Map.of(key, score));
    }

    /** Stores many scores in one transaction, replacing earlier ones for the same keys. */
    public void putAll(String bundleHash, Map<TokenKey, CachedScore> scores) {
        List<Map.Entry<TokenKey, CachedScore>> entries = new ArrayList<>(scores.entrySet());
        store.write(
                "store " + entries.size() + " cached scores",
                c -> {
                    long now = System.currentTimeMillis();
                    try (PreparedStatement upsert =
                            c.prepareStatement(
                                    "INSERT OR REPLACE INTO score_cache (bundle_hash, token_key,"
                                            + " score, token_scores, provenance, created_at_ms)"
                                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                        for (Map.Entry<TokenKey, CachedScore> entry : entries) {
                            upsert.setString(1, bundleHash);
                            upsert.setBytes(2, entry.getKey().digestUnsafe());
                            upsert.setDouble(3, entry.getValue().score());
                            upsert.setBytes(4, FloatBlobs.encode(entry.getValue().tokenScores()));
                            upsert.setString(5, entry.getValue().provenanceJson());
                            upsert.setLong(6, now);
                            upsert.addBatch();
                        }
                        upsert.executeBatch();
                    }
                    return null;
                });
    }

    /** How many scores are cached for a bundle. */
    public long size(String bundleHash) {
        return store.read(
                "count cached scores",
                c -> {
                    try (PreparedStatement query =
                            c.prepareStatement(
                                    "SELECT count(*) FROM score_cache WHERE bundle_hash = ?")) {
                        query.setString(1, bundleHash);
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                            return rows.getLong(1);
                        }
                    }
                });
    }

    /**
     * Forgets every cached score of a bundle.
     *
     * @return how many were removed
     */
    public long clear(String bundleHash) {
        return store.write(
                "clear cached scores",
                c -> {
                    try (PreparedStatement delete =
                            c.prepareStatement("DELETE FROM score_cache WHERE bundle_hash = ?")) {
                        delete.setString(1, bundleHash);
                        return (long) delete.executeUpdate();
                    }
                });
    }
}
