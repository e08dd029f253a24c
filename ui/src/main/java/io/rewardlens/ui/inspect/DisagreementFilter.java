package io.rewardlens.ui.inspect;

import io.rewardlens.storage.DisagreementQuery;
import io.rewardlens.storage.PairFilter;
import java.util.Objects;
import java.util.Set;

/**
 * Which disagreements the queue lists.
 *
 * @param modelId the model whose preferences are checked, or null while no model scored anything
 * @param contradiction what the model contradicts
 * @param dataset only this dataset, or null for all
 * @param source only pairs with this source, or null for any
 * @param tag only pairs with an annotation carrying this tag, or null for any
 * @param minLength only pairs whose two completions both have at least this many characters
 * @param maxLength only pairs whose two completions both have at most this many characters ({@link
 *     Integer#MAX_VALUE}: no bound)
 */
public record DisagreementFilter(
        Long modelId,
        Contradiction contradiction,
        String dataset,
        String source,
        String tag,
        int minLength,
        int maxLength) {

    /** Rejects a missing contradiction and an impossible length range. */
    public DisagreementFilter {
        Objects.requireNonNull(contradiction, "contradiction");
        if (minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException(
                    "the length range must satisfy 0 <= min <= max, was "
                            + minLength
                            + ".."
                            + maxLength);
        }
    }

    /**
     * Contradictions of the label by no model yet, in every dataset, source and length.
     *
     * @return the widest filter
     */
    public static DisagreementFilter initial() {
        return new DisagreementFilter(
                null, Contradiction.LABEL, null, null, null, 0, Integer.MAX_VALUE);
    }

    /**
     * The same filter for another model.
     *
     * @param id the model's id, or null
     * @return the changed filter
     */
    public DisagreementFilter withModel(Long id) {
        return new DisagreementFilter(
                id, contradiction, dataset, source, tag, minLength, maxLength);
    }

    /**
     * The same filter for another kind of contradiction.
     *
     * @param value what the model contradicts
     * @return the changed filter
     */
    public DisagreementFilter withContradiction(Contradiction value) {
        return new DisagreementFilter(modelId, value, dataset, source, tag, minLength, maxLength);
    }

    /**
     * The same filter within another dataset.
     *
     * @param name the dataset, or null for all
     * @return the changed filter
     */
    public DisagreementFilter withDataset(String name) {
        return new DisagreementFilter(
                modelId, contradiction, name, source, tag, minLength, maxLength);
    }

    /**
     * The same filter within another source.
     *
     * @param value the source, or null for any
     * @return the changed filter
     */
    public DisagreementFilter withSource(String value) {
        return new DisagreementFilter(
                modelId, contradiction, dataset, value, tag, minLength, maxLength);
    }

    /**
     * The same filter for another annotation tag.
     *
     * @param value the tag, or null for any
     * @return the changed filter
     */
    public DisagreementFilter withTag(String value) {
        return new DisagreementFilter(
                modelId, contradiction, dataset, source, value, minLength, maxLength);
    }

    /**
     * The same filter for another completion length range.
     *
     * @param min the least characters of either completion
     * @param max the most characters of either completion ({@link Integer#MAX_VALUE}: no bound)
     * @return the changed filter
     */
    public DisagreementFilter withLengthRange(int min, int max) {
        return new DisagreementFilter(modelId, contradiction, dataset, source, tag, min, max);
    }

    /**
     * The same filter for the completion lengths between two bounds, given in either order.
     *
     * @param bound one bound, in characters (0 or more)
     * @param otherBound the other bound ({@link Integer#MAX_VALUE}: no bound)
     * @return the changed filter
     */
    public DisagreementFilter withLengthBetween(int bound, int otherBound) {
        return withLengthRange(Math.min(bound, otherBound), Math.max(bound, otherBound));
    }

    /**
     * The store query for this filter.
     *
     * @param limit the most rows
     * @param offset rows to skip
     * @return the query
     * @throws IllegalStateException when no model is chosen
     */
    DisagreementQuery toQuery(int limit, long offset) {
        if (modelId == null) {
            throw new IllegalStateException("no model chosen");
        }
        PairFilter pairs = PairFilter.all();
        if (dataset != null) {
            pairs = pairs.withDatasets(Set.of(dataset));
        }
        if (source != null) {
            pairs = pairs.withSources(Set.of(source));
        }
        DisagreementQuery query =
                DisagreementQuery.forModel(modelId)
                        .withKinds(contradiction.kinds())
                        .withPairs(pairs)
                        .withLengthRange(minLength, maxLength)
                        .withLimit(limit)
                        .withOffset(offset);
        if (tag != null) {
            query = query.withTags(Set.of(tag));
        }
        return query;
    }
}
