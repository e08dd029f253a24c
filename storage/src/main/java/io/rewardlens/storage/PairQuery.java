package io.rewardlens.storage;

import java.util.Objects;
import java.util.Set;

/**
 * Which pairs to read from the store. Results come in import order: dataset by dataset (oldest
 * import first), then by position and id. Build one from {@link #all()} with the {@code with...}
 * methods, e.g. {@code PairQuery.all().withDatasets(Set.of("skywork")).withAnnotation(
 * AnnotationState.UNANNOTATED).withLimit(50)}.
 *
 * @param datasets dataset names to include; empty means every dataset
 * @param sources source values to include; empty means every source
 * @param annotation annotated, unannotated or both
 * @param afterPosition only pairs whose position is greater than this
 * @param limit the most pairs to return; 0 means no limit
 * @param offset how many matching pairs to skip first
 */
public record PairQuery(
        Set<String> datasets,
        Set<String> sources,
        AnnotationState annotation,
        long afterPosition,
        int limit,
        long offset) {

    /** Copies the sets and rejects negative limits and offsets. */
    public PairQuery {
        datasets = Set.copyOf(datasets);
        sources = Set.copyOf(sources);
        Objects.requireNonNull(annotation, "annotation");
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
    }

    /** Every pair of every dataset. */
    public static PairQuery all() {
        return new PairQuery(Set.of(), Set.of(), AnnotationState.ANY, Long.MIN_VALUE, 0, 0);
    }

    /** The same query restricted to these datasets (empty: all). */
    public PairQuery withDatasets(Set<String> names) {
        return new PairQuery(names, sources, annotation, afterPosition, limit, offset);
    }

    /** The same query restricted to one dataset. */
    public PairQuery withDataset(String name) {
        return withDatasets(Set.of(name));
    }

    /** The same query restricted to these sources (empty: all). */
    public PairQuery withSources(Set<String> values) {
        return new PairQuery(datasets, values, annotation, afterPosition, limit, offset);
    }

    /** The same query restricted to annotated or unannotated pairs. */
    public PairQuery withAnnotation(AnnotationState state) {
        return new PairQuery(datasets, sources, state, afterPosition, limit, offset);
    }

    /** The same query restricted to positions greater than {@code position}. */
    public PairQuery withAfterPosition(long position) {
        return new PairQuery(datasets, sources, annotation, position, limit, offset);
    }

    /** The same query returning at most {@code count} pairs (0: no limit). */
    public PairQuery withLimit(int count) {
        return new PairQuery(datasets, sources, annotation, afterPosition, count, offset);
    }

    /** The same query skipping the first {@code count} matches. */
    public PairQuery withOffset(long count) {
        return new PairQuery(datasets, sources, annotation, afterPosition, limit, count);
    }
}
