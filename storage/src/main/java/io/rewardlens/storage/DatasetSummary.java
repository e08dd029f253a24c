package io.rewardlens.storage;

import java.time.Instant;

/**
 * One dataset in the store and how far work on it has come.
 *
 * @param id the dataset's id
 * @param name its unique name
 * @param origin the file it was imported from, or null
 * @param createdAt when it was created
 * @param pairs how many pairs it holds
 * @param annotatedPairs how many of them have at least one annotation
 * @param scoredPairs how many of them have at least one model score
 */
public record DatasetSummary(
        long id,
        String name,
        String origin,
        Instant createdAt,
        long pairs,
        long annotatedPairs,
        long scoredPairs) {}
