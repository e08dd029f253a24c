package io.rewardlens.ui.annotate;

import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoringException;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.storescoring.StoreScoreCache;
import io.rewardlens.testsupport.DemoModel;
import io.rewardlens.testsupport.SampleStores;
import java.nio.file.Path;

/**
 * Real components for view-model tests: a store holding the sample pairs, and the demo reward model
 * (tiny-qwen3, random weights) loaded once per test run on the CPU.
 */
public final class TestBench {
    /** The dataset the sample pairs are imported into. */
    public static final String SAMPLE = SampleStores.SAMPLE;

    private TestBench() {}

    /**
     * A new store in a folder, holding the sample pairs as dataset {@value #SAMPLE}.
     *
     * @param dir the folder
     * @return the open store
     */
    public static PreferenceStore sampleStore(Path dir) throws Exception {
        return SampleStores.withSamplePairs(dir);
    }

    /**
     * The demo model, loaded on first use and shared; the JVM's exit frees it.
     *
     * @return the model
     */
    public static RewardModel demoModel() {
        return DemoModel.shared();
    }

    /**
     * A scoring context of the demo model over a store (its cache in the store, the model
     * registered there). Close its service after the test.
     *
     * @param store the store
     * @return the context
     */
    public static ScoringContext scoring(PreferenceStore store) {
        ScoringService service =
                new ScoringService(demoModel(), new StoreScoreCache(store.scoreCache()));
        DatasetScoring registration =
                new DatasetScoring(store, service, ScoringContext.LENGTH_POLICY);
        return new ScoringContext(service, registration.registerModel());
    }

    /**
     * The demo model's score of a conversation, computed directly (not through the code under
     * test).
     *
     * @param conversation the conversation
     * @return the score
     */
    public static double directScore(Conversation conversation) throws ScoringException {
        return demoModel().score(conversation, ScoringContext.LENGTH_POLICY).score();
    }
}
