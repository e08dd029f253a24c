package io.rewardlens.storage;

import java.util.List;

/**
 * What a store holds, for {@code rewardlens stats} and the UI's overview.
 *
 * @param datasets how many datasets
 * @param pairs how many pairs
 * @param annotatedPairs pairs with at least one annotation
 * @param annotations annotations in all
 * @param scoredPairs pairs with at least one model score
 * @param models registered models
 * @param cachedScores entries in the score cache
 * @param perDataset counts per dataset, oldest first
 * @param perSource counts per source value, ordered by source (null first)
 */
public record StoreStats(
        long datasets,
        long pairs,
        long annotatedPairs,
        long annotations,
        long scoredPairs,
        long models,
        long cachedScores,
        List<DatasetSummary> perDataset,
        List<SourceSummary> perSource) {
    /** Copies the lists. */
    public StoreStats {
        perDataset = List.copyOf(perDataset);
        perSource = List.copyOf(perSource);
    }
}
