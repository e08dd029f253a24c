package io.rewardlens.storage;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which disagreements of one model to list: most confidently wrong first. Build one from {@link
 * #forModel} with the {@code with...} methods, e.g. {@code
 * DisagreementQuery.forModel(id).withPairs(PairFilter.all().withSources(Set.of("math")))
 * .withLengthRange(0, 2000).withLimit(50)}.
 *
 * <p>Length is the number of characters (Unicode code points) in the completion turns of a side, as
 * {@link Disagreement#chosenLength()} counts them.
 *
 * @param modelId the model
 * @param kinds contradictions of the label, of humans, or both
 * @param pairs which pairs to look in (dataset, source, annotation, scores); {@link
 *     PairFilter#all()} for all
 * @param tags only pairs with an annotation carrying at least one of these tags; empty means all
 * @param minLength only pairs whose shorter completion has at least this many characters
 * @param maxLength only pairs whose longer completion has at most this many characters
 * @param minWrongness only disagreements at least this confident (0 for all)
 * @param limit the most rows to return; 0 means no limit
 * @param offset how many matching rows to skip first (for paging)
 */
public record DisagreementQuery(
        long modelId,
        Set<DisagreementKind> kinds,
        PairFilter pairs,
        Set<String> tags,
        int minLength,
        int maxLength,
        double minWrongness,
        int limit,
        long offset) {

    /** Copies the sets; at least one kind is needed, and no negative bound, limit or offset. */
    public DisagreementQuery {
        Objects.requireNonNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one kind of disagreement");
        }
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(pairs, "pairs");
        tags = Set.copyOf(tags);
        if (limit < 0 || offset < 0 || minWrongness < 0) {
            throw new IllegalArgumentException(
                    "limit, offset and minWrongness must not be negative");
        }
        if (minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException(
                    "length range must satisfy 0 <= min <= max, was "
                            + minLength
                            + ".."
                            + maxLength);
        }
    }

    /** Every disagreement of a model, with the label and with humans, in every dataset. */
    public static DisagreementQuery forModel(long modelId) {
        return new DisagreementQuery(
                modelId,
                EnumSet.allOf(DisagreementKind.class),
                PairFilter.all(),
                Set.of(),
                0,
                Integer.MAX_VALUE,
                0,
                0,
                0);
    }

    /** Whether the query restricts completion lengths at all. */
    public boolean filtersLength() {
        return minLength > 0 || maxLength < Integer.MAX_VALUE;
    }

    /** The same query for these kinds only. */
    public DisagreementQuery withKinds(Set<DisagreementKind> only) {
        return new DisagreementQuery(
                modelId, only, pairs, tags, minLength, maxLength, minWrongness, limit, offset);
    }

    /** The same query within the pairs this filter selects. */
    public DisagreementQuery withPairs(PairFilter filter) {
        return new DisagreementQuery(
                modelId, kinds, filter, tags, minLength, maxLength, minWrongness, limit, offset);
    }

    /** The same query keeping pairs with an annotation tagged with any of these (empty: all). */
    public DisagreementQuery withTags(Set<String> values) {
        return new DisagreementQuery(
                modelId, kinds, pairs, values, minLength, maxLength, minWrongness, limit, offset);
    }

    /**
     * The same query keeping pairs whose two completions both have between {@code min} and {@code
     * max} characters (inclusive; {@link Integer#MAX_VALUE} for no upper bound).
     */
    public DisagreementQuery withLengthRange(int min, int max) {
        return new DisagreementQuery(
                modelId, kinds, pairs, tags, min, max, minWrongness, limit, offset);
    }

    /** The same query keeping only disagreements at least this confident. */
    public DisagreementQuery withMinWrongness(double value) {
        return new DisagreementQuery(
                modelId, kinds, pairs, tags, minLength, maxLength, value, limit, offset);
    }

    /** The same query returning at most {@code count} rows (0: no limit). */
    public DisagreementQuery withLimit(int count) {
        return new DisagreementQuery(
                modelId, kinds, pairs, tags, minLength, maxLength, minWrongness, count, offset);
    }

    /** The same query skipping the first {@code count} matching rows. */
    public DisagreementQuery withOffset(long count) {
        return new DisagreementQuery(
                modelId, kinds, pairs, tags, minLength, maxLength, minWrongness, limit, count);
    }
}
