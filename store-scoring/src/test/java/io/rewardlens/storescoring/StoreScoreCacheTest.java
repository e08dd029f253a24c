package io.rewardlens.storescoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.CachedScore;
import io.rewardlens.scoring.Provenance;
import io.rewardlens.scoring.ScoreKey;
import io.rewardlens.storage.PreferenceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's score cache kept in a real SQLite store, across a close and reopen. */
class StoreScoreCacheTest {
    private static final String SHA_A = "ab".repeat(32);
    private static final String SHA_B = "cd".repeat(32);

    @TempDir Path dir;

    private static Provenance provenance(boolean truncated) {
        return new Provenance(
                "bundle-1",
                "tiny",
                "reward.torchscript.pt",
                "float32",
                "cpu",
                "PyTorch 2.7.1",
                truncated ? null : "ef".repeat(32),
                truncated,
                truncated ? 3 : 0,
                Instant.parse("2026-12-06T10:15:30Z"));
    }

    @Test
    void entriesSurviveReopeningWithScoresTokensAndProvenance() {
        Path file = dir.resolve("cache.db");
        ScoreKey plain = new ScoreKey("bundle-1/reward.torchscript.pt", SHA_A);
        ScoreKey truncated = new ScoreKey("bundle-1/reward.torchscript.pt", SHA_B);
        ScoreKey otherModel = new ScoreKey("bundle-2/model.torchscript.pt", SHA_A);
        try (PreferenceStore store = PreferenceStore.open(file)) {
            new StoreScoreCache(store.scoreCache())
                    .putAll(
                            Map.of(
                                    plain,
                                    new CachedScore(
                                            1.25, new float[] {0.5f, 1.25f}, provenance(false)),
                                    truncated,
                                    new CachedScore(-2.0, null, provenance(true))));
        }
        try (PreferenceStore store = PreferenceStore.open(file)) {
            Map<ScoreKey, CachedScore> found =
                    new StoreScoreCache(store.scoreCache())
                            .getAll(List.of(plain, truncated, otherModel));
            assertEquals(2, found.size(), "another model's key finds nothing");
            assertEquals(1.25, found.get(plain).score());
            assertArrayEquals(new float[] {0.5f, 1.25f}, found.get(plain).perTokenScores());
            assertEquals(provenance(false), found.get(plain).provenance());
            assertEquals(-2.0, found.get(truncated).score());
            assertNull(found.get(truncated).perTokenScores());
            assertEquals(provenance(true), found.get(truncated).provenance());
            assertTrue(new StoreScoreCache(store.scoreCache()).getAll(List.of()).isEmpty());
        }
    }
}
