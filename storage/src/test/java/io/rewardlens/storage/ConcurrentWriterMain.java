package io.rewardlens.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The second process of {@link ConcurrentProcessesTest}: opens the store and, pair by pair, saves
 * an annotation, a score and a cache entry, each in its own transaction, as a user would.
 */
public final class ConcurrentWriterMain {
    private ConcurrentWriterMain() {}

    /** {@code ConcurrentWriterMain <store.db> <dataset> <annotator>}. */
    public static void main(String[] args) {
        String annotator = args[2];
        try (PreferenceStore store = PreferenceStore.open(Path.of(args[0]))) {
            StoredModel model =
                    store.registerModel(
                            new RewardModelInfo(
                                    "bundle-" + annotator,
                                    annotator,
                                    "float32",
                                    "cpu",
                                    "DJL",
                                    "t"));
            List<StoredPair> pairs = store.pairs(PairQuery.all().withDataset(args[1]));
            for (StoredPair pair : pairs) {
                store.saveAnnotation(
                        new Annotation(
                                pair.id(),
                                annotator,
                                Verdict.A_BETTER,
                                1,
                                List.of("concurrent"),
                                "",
                                Side.CHOSEN,
                                5,
                                Instant.now()));
                store.saveScore(
                        new PairScore(
                                pair.id(),
                                model.id(),
                                1,
                                0,
                                new float[] {1, 2, 3},
                                null,
                                new ScoreProvenance(
                                        "bundle-" + annotator,
                                        "float32",
                                        "cpu",
                                        "t",
                                        false,
                                        Instant.now())));
                store.scoreCache()
                        .putAll(
                                "bundle-" + annotator,
                                Map.of(
                                        TokenKey.ofTokenIds(new long[] {pair.id()}),
                                        new CachedScore(pair.id(), null, "{}")));
            }
            System.out.println("wrote " + pairs.size());
        }
    }
}
