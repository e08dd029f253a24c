package io.rewardlens.storage;

/**
 * Counts for one value of the pairs' {@code source} field, across all datasets.
 *
 * @param source the source value, or null for pairs without one
 * @param pairs how many pairs carry it
 * @param annotatedPairs how many of them have at least one annotation
 * @param scoredPairs how many of them have at least one model score
 */
public record SourceSummary(String source, long pairs, long annotatedPairs, long scoredPairs) {}
