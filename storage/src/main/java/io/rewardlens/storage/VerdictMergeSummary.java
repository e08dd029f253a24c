package io.rewardlens.storage;

/**
 * What a {@link VerdictMerge} did.
 *
 * @param pairsMatched distinct pairs the store already held that verdicts arrived for
 * @param pairsAdded pairs the store did not hold, added to new datasets
 * @param verdictsAdded verdicts stored (in force or superseded)
 * @param duplicatesSkipped verdicts the store already held, in force or superseded
 * @param conflictsKept verdicts added next to a different verdict of the same annotator on the same
 *     pair (both kept; the newer one in force)
 */
public record VerdictMergeSummary(
        long pairsMatched,
        long pairsAdded,
        long verdictsAdded,
        long duplicatesSkipped,
        long conflictsKept) {}
