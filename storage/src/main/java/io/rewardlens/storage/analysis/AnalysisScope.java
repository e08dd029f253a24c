package io.rewardlens.storage.analysis;

import io.rewardlens.storage.PairFilter;
import java.util.List;
import java.util.Set;

/**
 * What an analysis covers: which models, and which pairs (by dataset and source). Build one from
 * {@link #all()} with the {@code with...} methods.
 *
 * @param modelIds the models to analyse, in the order to show them; empty means every model that
 *     scored a pair of the selected datasets
 * @param datasets dataset names; empty means every dataset
 * @param sources pair sources; empty means every source
 */
public record AnalysisScope(List<Long> modelIds, Set<String> datasets, Set<String> sources) {
    /** Copies the collections and rejects a model named twice. */
    public AnalysisScope {
        modelIds = List.copyOf(modelIds);
        if (Set.copyOf(modelIds).size() != modelIds.size()) {
            throw new IllegalArgumentException("a model is named twice: " + modelIds);
        }
        datasets = Set.copyOf(datasets);
        sources = Set.copyOf(sources);
    }

    /** Every scored model, every pair. */
    public static AnalysisScope all() {
        return new AnalysisScope(List.of(), Set.of(), Set.of());
    }

    /** The pairs the scope covers, as a filter for the store's queries. */
    public PairFilter pairs() {
        return PairFilter.all().withDatasets(datasets).withSources(sources);
    }

    /** The same scope for these models (empty: every scored model). */
    public AnalysisScope withModels(List<Long> ids) {
        return new AnalysisScope(ids, datasets, sources);
    }

    /** The same scope within these datasets (empty: all). */
    public AnalysisScope withDatasets(Set<String> names) {
        return new AnalysisScope(modelIds, names, sources);
    }

    /** The same scope within these sources (empty: all). */
    public AnalysisScope withSources(Set<String> values) {
        return new AnalysisScope(modelIds, datasets, values);
    }
}
