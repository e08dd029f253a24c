package io.rewardlens.testsupport;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.RewardModelInfo;
import io.rewardlens.storage.ScoreProvenance;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * Builds small stores by hand, through the store's own API, for tests whose right answers follow
 * from what was put in: pairs with given completions, models with given scores, verdicts with given
 * sides. Shared by the inspection, report and command-line tests.
 */
public final class ConstructedStore {
    public static final Instant T0 = Instant.parse("2026-02-03T04:05:06Z");

    private ConstructedStore() {}

    /** A pair whose completions are the given texts after one shared user turn. */
    public static StoredPair addPair(
            PreferenceStore store,
            String dataset,
            long position,
            String source,
            String chosen,
            String rejected) {
        if (store.dataset(dataset).isEmpty()) {
            store.createDataset(dataset, "constructed");
        }
        ChatMessage question = new ChatMessage("user", "a question, not counted in lengths");
        return store.addPair(
                dataset,
                PreferencePair.fromConversations(
                        source,
                        position,
                        List.of(question, new ChatMessage("assistant", chosen)),
                        List.of(question, new ChatMessage("assistant", rejected)),
                        null));
    }

    /** A registered model with a made-up bundle hash. */
    public static StoredModel model(PreferenceStore store, String name) {
        return store.registerModel(
                new RewardModelInfo("hash-" + name, name, "float32", "cpu", "DJL 0.36.0", "t"));
    }

    /** A model's two scores of a pair. */
    public static PairScore score(
            StoredPair pair, StoredModel model, double chosen, double rejected) {
        return new PairScore(
                pair.id(),
                model.id(),
                chosen,
                rejected,
                null,
                null,
                new ScoreProvenance("h", "float32", "cpu", "t", false, T0));
    }

    /** A verdict preferring a stored side (A was the chosen side), with tags. */
    public static void prefers(
            PreferenceStore store, StoredPair pair, String annotator, Side side, String... tags) {
        store.saveAnnotation(
                new Annotation(
                        pair.id(),
                        annotator,
                        side == Side.CHOSEN ? Verdict.A_BETTER : Verdict.B_BETTER,
                        null,
                        List.of(tags),
                        "",
                        Side.CHOSEN,
                        1,
                        T0));
    }

    /** A verdict without a preferred side (tie, both bad or skip). */
    public static void judges(
            PreferenceStore store, StoredPair pair, String annotator, Verdict verdict) {
        verdict(store, pair, annotator, verdict, Side.CHOSEN);
    }

    /**
     * A verdict as given on screen: which key was pressed ({@code verdict}) with which stored side
     * shown as A.
     */
    public static void verdict(
            PreferenceStore store,
            StoredPair pair,
            String annotator,
            Verdict verdict,
            Side shownAsA) {
        store.saveAnnotation(
                new Annotation(
                        pair.id(), annotator, verdict, null, List.of(), "", shownAsA, 1, T0));
    }
}
