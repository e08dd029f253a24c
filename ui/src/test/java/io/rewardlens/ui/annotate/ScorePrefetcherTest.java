package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score prefetcher on a real SQLite store of the sample pairs and the real demo model;
 * background work runs on the test thread unless held back.
 */
class ScorePrefetcherTest {
    @TempDir Path dir;

    private PreferenceStore store;
    private ScoringContext scoring;
    private final DirectExecutor executor = new DirectExecutor();
    private final List<String> errors = new ArrayList<>();
    private final List<Set<Long>> told = new ArrayList<>();
    private ScorePrefetcher prefetcher;
    private List<StoredPair> pairs;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        scoring = TestBench.scoring(store);
        prefetcher = new ScorePrefetcher(executor, errors::add, told::add);
        prefetcher.use(store, scoring);
        pairs = store.pairs(PairQuery.all());
    }

    @AfterEach
    void close() {
        scoring.service().close();
        store.close();
        assertEquals(List.of(), errors);
    }

    private Optional<PairScore> savedScore(PreferenceStore in, StoredPair pair) {
        return in.score(pair.id(), scoring.model().id());
    }

    @Test
    void thePairOnScreenIsScoredLiveTheListenerToldAndTheScoreSaved() throws Exception {
        StoredPair pair = pairs.get(0);
        prefetcher.scoreLive(pair);

        PairResults results = prefetcher.results(pair.id());
        assertNotNull(results);
        double chosen = TestBench.directScore(PairConversations.of(pair.pair(), Side.CHOSEN));
        double rejected = TestBench.directScore(PairConversations.of(pair.pair(), Side.REJECTED));
        assertEquals(chosen, results.chosen().score(), 1e-6);
        assertEquals(rejected, results.rejected().score(), 1e-6);
        assertEquals(List.of(Set.of(pair.id())), told);
        PairScore saved = savedScore(store, pair).orElseThrow();
        assertEquals(chosen, saved.chosenScore(), 1e-6);
        assertEquals(rejected, saved.rejectedScore(), 1e-6);

        prefetcher.scoreLive(pair);
        assertEquals(1, executor.ran("Scoring pair " + pair.id()), "known results are kept");
    }

    @Test
    void thePairsAheadAreScoredAsOneBatchLeavingOutThoseKnown() throws Exception {
        prefetcher.scoreLive(pairs.get(1));
        List<StoredPair> ahead = pairs.subList(1, 6);
        prefetcher.scoreAhead(ahead);

        assertEquals(1, executor.ran("Scoring the next pairs"));
        Set<Long> batch = Set.copyOf(told.get(1));
        assertEquals(4, batch.size(), "the pair scored live is not scored again");
        for (StoredPair pair : ahead) {
            double chosen = TestBench.directScore(PairConversations.of(pair.pair(), Side.CHOSEN));
            assertEquals(chosen, prefetcher.results(pair.id()).chosen().score(), 1e-6);
            assertTrue(savedScore(store, pair).isPresent(), "saved: pair " + pair.id());
        }
        prefetcher.scoreAhead(ahead);
        assertEquals(1, executor.ran("Scoring the next pairs"), "nothing left to score");
    }

    @Test
    void withoutAModelNothingIsScored() {
        prefetcher.use(store, null);
        prefetcher.scoreLive(pairs.get(0));
        prefetcher.scoreAhead(pairs.subList(1, 3));
        assertNull(prefetcher.results(pairs.get(0).id()));
        assertEquals(List.of(), told);
        assertEquals(0, executor.ran("Scoring pair " + pairs.get(0).id()));
    }

    @Test
    void aPairThatCannotBeScoredLiveCarriesItsFailure() throws Exception {
        ScoringContext closed = TestBench.scoring(store);
        closed.service().close();
        prefetcher.use(store, closed);
        StoredPair pair = pairs.get(0);
        prefetcher.scoreLive(pair);
        assertNull(prefetcher.results(pair.id()));
        assertNotNull(prefetcher.failure(pair.id()));
        assertEquals(List.of(Set.of(pair.id())), told);
    }

    @Test
    void lateResultsForAStoreNoLongerInUseAreDropped() throws Exception {
        executor.holdCallbacks(title -> title.startsWith("Scoring"));
        StoredPair pair = pairs.get(0);
        prefetcher.scoreLive(pair);
        prefetcher.scoreAhead(pairs.subList(1, 3));
        try (PreferenceStore other =
                TestBench.sampleStore(Files.createDirectories(dir.resolve("other")))) {
            ScoringContext otherScoring = TestBench.scoring(other);
            try {
                prefetcher.use(other, otherScoring);
                executor.releaseHeld();

                assertNull(prefetcher.results(pair.id()), "pair ids are per database");
                assertNull(prefetcher.results(pairs.get(1).id()));
                assertEquals(List.of(), told);
                assertEquals(0, executor.ran("Saving scores"));

                // The same pair id is scored anew for the store in use, and saved there.
                StoredPair same = other.pair(pair.id()).orElseThrow();
                prefetcher.scoreLive(same);
                assertNotNull(prefetcher.results(same.id()));
                assertTrue(other.score(same.id(), otherScoring.model().id()).isPresent());
                assertEquals(Optional.empty(), savedScore(store, pair));
            } finally {
                otherScoring.service().close();
            }
        }
    }
}
