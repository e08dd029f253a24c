package io.rewardlens.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups sequences of similar length into model calls (bucketing): sorted by length, a batch grows
 * while its size times its longest sequence stays within the token budget, so padding wastes
 * little. A sequence longer than the budget runs alone.
 */
final class BatchPlanner {
    private final int tokenBudget;
    private final int maxBatchSize;

    BatchPlanner(int tokenBudget, int maxBatchSize) {
        this.tokenBudget = tokenBudget;
        this.maxBatchSize = maxBatchSize;
    }

    /** Returns batches of indices into {@code lengths}, shortest sequences first. */
    List<List<Integer>> plan(int[] lengths) {
        List<Integer> order =
                IntStream.range(0, lengths.length)
                        .boxed()
                        .sorted(Comparator.comparingInt(i -> lengths[i]))
                        .toList();
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int index : order) {
            // Sorted ascending, so the newest sequence is the longest of the batch.
            long cost = (long) (current.size() + 1) * lengths[index];
            if (!current.isEmpty() && (cost > tokenBudget || current.size() >= maxBatchSize)) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(index);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
