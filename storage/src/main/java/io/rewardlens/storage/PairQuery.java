package io.rewardlens.storage;

import java.util.Objects;
import java.util.Set;

/**
 * Which pairs to read from the store, and which page of them. Results come in import order: dataset
 * by dataset (oldest import first), then by position and id. Build one from {@link #all()} with the
 * {@code with...} methods, e.g. {@code PairQuery.all().withDatasets(Set.of("skywork"))
 * .withAnnotation(AnnotationState.UNANNOTATED).withLimit(50)}, or from a {@link PairFilter} with
 * {@link #withFilter}.
 *
 * @param filter which pairs
 * @param afterPosition only pairs whose position is greater than this
 * @param limit the most pairs to return; 0 means no limit
 * @param offset how many matching pairs to skip first
 */
public record PairQuery(PairFilter filter, long afterPosition, int limit, long offset) {

    /** Rejects a missing filter and negative limits and offsets. */
    public PairQuery {
        Objects.requireNonNull(filter, "filter");
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
    }

    /** Every pair of every dataset. */
    public static PairQuery all() {
        return new PairQuery(PairFilter.all(), Long.MIN_VALUE, 0, 0);
    }

    /** The same query selecting the pairs of this filter instead. */
    public PairQuery withFilter(PairFilter pairs) {
        return new PairQuery(pairs, afterPosition, limit, offset);
    }

    /** The same query restricted to these datasets (empty: all). */
    public PairQuery withDatasets(Set<String> names) {
        return withFilter(filter.withDatasets(names));
    }

    /** The same query restricted to one dataset. */
    public PairQuery withDataset(String name) {
        return withDatasets(Set.of(name));
    }

    /** The same query restricted to these sources (empty: all). */
    public PairQuery withSources(Set<String> values) {
        return withFilter(filter.withSources(values));
    }

    /** The same query restricted to annotated or unannotated pairs. */
    public PairQuery withAnnotation(AnnotationState state) {
        return withFilter(filter.withAnnotation(state));
    }

    /** The same query restricted to positions greater than {@code position}. */
    public PairQuery withAfterPosition(long position) {
        return new PairQuery(filter, position, limit, offset);
    }

    /** The same query returning at most {@code count} pairs (0: no limit). */
    public PairQuery withLimit(int count) {
        return new PairQuery(filter, afterPosition, count, offset);
    }

    /** The same query skipping the first {@code count} matches. */
    public PairQuery withOffset(long count) {
        return new PairQuery(filter, afterPosition, limit, count);
    }
}
