package io.rewardlens.storescoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.InMemoryScoreCache;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.testsupport.DemoModel;
import io.rewardlens.testsupport.SampleStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring the sample store's pairs with the real demo model into a real SQLite store. */
class DatasetScoringTest {
    @TempDir Path dir;

    @Test
    void scoresEveryPairOnceWithTheModelsOwnScoresAndProvenance() throws Exception {
        RewardModel model = DemoModel.shared();
        try (PreferenceStore store = SampleStores.withSamplePairs(dir);
                ScoringService service =
                        new ScoringService(model, new StoreScoreCache(store.scoreCache()))) {
            DatasetScoring scoring =
                    new DatasetScoring(store, service, ScoringContext.LENGTH_POLICY);
            List<long[]> progress = new ArrayList<>();
            DatasetScoring.Report first =
                    scoring.scoreDataset(
                            SampleStores.SAMPLE,
                            (done, total, what) -> progress.add(new long[] {done, total}),
                            () -> false);

            assertEquals(64, first.considered());
            assertEquals(0, first.alreadyScored());
            assertEquals(64, first.scored());
            assertEquals(0, first.failed());
            assertFalse(first.cancelled());
            assertEquals(64, progress.get(progress.size() - 1)[0]);

            StoredModel stored = first.model();
            assertEquals(model.info().bundleHash(), stored.info().bundleHash());
            for (StoredPair pair : store.pairs(PairQuery.all())) {
                PairScore score = store.score(pair.id(), stored.id()).orElseThrow();
                double chosen =
                        model.score(
                                        PairConversations.of(pair.pair(), Side.CHOSEN),
                                        ScoringContext.LENGTH_POLICY)
                                .score();
                double rejected =
                        model.score(
                                        PairConversations.of(pair.pair(), Side.REJECTED),
                                        ScoringContext.LENGTH_POLICY)
                                .score();
                assertEquals(chosen, score.chosenScore(), 1e-6, "pair " + pair.id());
                assertEquals(rejected, score.rejectedScore(), 1e-6, "pair " + pair.id());
                assertEquals(stored.info().bundleHash(), score.provenance().bundleHash());
            }

            DatasetScoring.Report again =
                    scoring.scoreDataset(SampleStores.SAMPLE, ProgressListener.NONE, () -> false);
            assertEquals(64, again.alreadyScored());
            assertEquals(0, again.scored());
            assertEquals(stored.id(), again.model().id(), "the model is registered once");
        }
    }

    @Test
    void aCancelledRunSavesNothingAndAnUnknownDatasetHasNoPairs() throws Exception {
        try (PreferenceStore store = SampleStores.withSamplePairs(dir);
                ScoringService service =
                        new ScoringService(DemoModel.shared(), new InMemoryScoreCache())) {
            DatasetScoring scoring =
                    new DatasetScoring(store, service, ScoringContext.LENGTH_POLICY);

            DatasetScoring.Report cancelled =
                    scoring.scoreDataset(null, ProgressListener.NONE, () -> true);
            assertTrue(cancelled.cancelled());
            assertEquals(0, cancelled.scored());
            assertEquals(0, store.stats().scoredPairs());

            DatasetScoring.Report none =
                    scoring.scoreDataset("no such dataset", ProgressListener.NONE, () -> false);
            assertEquals(0, none.considered());
            assertEquals(0, none.scored());
        }
    }
}
