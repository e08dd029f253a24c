package io.rewardlens.storage.analysis;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.StoreException;
import io.rewardlens.storage.StoredModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pairs and scores an analysis works on, read from a store once: every pair of the scope that
 * an analysed model scored or a human annotated, with its features and all analysed models' scores.
 * Texts are not kept, only lengths and Markdown counts, so a large dataset fits in memory.
 *
 * @param scope what was selected
 * @param models the analysed models, in scope order (registration order by default)
 * @param pairs the pairs, in import order
 */
public record AnalysisData(
        AnalysisScope scope, List<AnalyzedModel> models, List<AnalyzedPair> pairs) {
    /** Rejects missing fields and copies the lists. */
    public AnalysisData {
        Objects.requireNonNull(scope, "scope");
        models = List.copyOf(models);
        pairs = List.copyOf(pairs);
    }

    /**
     * Reads what a scope selects.
     *
     * @param store the store
     * @param scope which models and pairs
     * @param progress told pairs read out of pairs selected
     * @throws StoreException if a model id of the scope is not registered
     */
    public static AnalysisData load(
            PreferenceStore store, AnalysisScope scope, ProgressListener progress) {
        List<StoredModel> models = new ArrayList<>();
        if (scope.modelIds().isEmpty()) {
            models.addAll(store.scoredModels(scope.datasets()));
        } else {
            for (long id : scope.modelIds()) {
                models.add(
                        store.model(id)
                                .orElseThrow(
                                        () ->
                                                new StoreException(
                                                        "no model with id "
                                                                + id
                                                                + " in "
                                                                + store.file())));
            }
        }
        Map<Long, Map<Long, SideScores>> scoresByPair = new HashMap<>();
        for (StoredModel model : models) {
            store.forEachScore(
                    model.id(),
                    scope.datasets(),
                    score ->
                            scoresByPair
                                    .computeIfAbsent(score.pairId(), id -> new LinkedHashMap<>())
                                    .put(
                                            model.id(),
                                            new SideScores(
                                                    score.chosenScore(), score.rejectedScore())));
        }

        PairQuery query = PairQuery.all().withFilter(scope.pairs());
        long total = store.countPairs(query);
        String message = "reading pairs";
        progress.progress(0, total, message);
        long[] read = {0};
        List<AnalyzedPair> pairs = new ArrayList<>();
        Map<Long, Long> scoredPairs = new HashMap<>();
        store.forEachPairWithDetails(
                query,
                null,
                details -> {
                    long done = ++read[0];
                    if (done % 4096 == 0) {
                        progress.progress(done, total, message);
                    }
                    Map<Long, SideScores> scores = scoresByPair.remove(details.pair().id());
                    if (scores == null && details.annotations().isEmpty()) {
                        return;
                    }
                    Map<Long, SideScores> ordered = new LinkedHashMap<>();
                    for (StoredModel model : models) {
                        SideScores score = scores == null ? null : scores.get(model.id());
                        if (score != null) {
                            ordered.put(model.id(), score);
                            scoredPairs.merge(model.id(), 1L, Long::sum);
                        }
                    }
                    pairs.add(new AnalyzedPair(PairFeatures.of(details), ordered));
                });
        progress.progress(read[0], total, message);

        List<AnalyzedModel> analyzed = new ArrayList<>();
        for (StoredModel model : models) {
            String name = model.info().name();
            boolean shared =
                    models.stream().filter(other -> other.info().name().equals(name)).count() > 1;
            analyzed.add(
                    new AnalyzedModel(
                            model,
                            shared ? name + " #" + model.id() : name,
                            scoredPairs.getOrDefault(model.id(), 0L)));
        }
        return new AnalysisData(scope, analyzed, pairs);
    }

    /** Whether any analysed model scored any pair of the scope. */
    public boolean hasScores() {
        return models.stream().anyMatch(model -> model.scoredPairs() > 0);
    }

    /** Whether any pair of the scope has a human verdict. */
    public boolean hasAnnotations() {
        return pairs.stream().anyMatch(pair -> !pair.features().annotations().isEmpty());
    }
}
