package io.rewardlens.storage;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which disagreements of one model to list: most confidently wrong first.
 *
 * @param modelId the model
 * @param kinds contradictions of the label, of humans, or both
 * @param datasets dataset names to look in; empty means all
 * @param minWrongness only disagreements at least this confident (0 for all)
 * @param limit the most rows to return; 0 means no limit
 */
public record DisagreementQuery(
        long modelId,
        Set<DisagreementKind> kinds,
        Set<String> datasets,
        double minWrongness,
        int limit) {

    /** Copies the sets; at least one kind is needed. */
    public DisagreementQuery {
        Objects.requireNonNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one kind of disagreement");
        }
        kinds = Set.copyOf(kinds);
        datasets = Set.copyOf(datasets);
        if (limit < 0 || minWrongness < 0) {
            throw new IllegalArgumentException("limit and minWrongness must not be negative");
        }
    }

    /** Every disagreement of a model, with the label and with humans, in every dataset. */
    public static DisagreementQuery forModel(long modelId) {
        return new DisagreementQuery(
                modelId, EnumSet.allOf(DisagreementKind.class), Set.of(), 0, 0);
    }

    /** The same query for these kinds only. */
    public DisagreementQuery withKinds(Set<DisagreementKind> only) {
        return new DisagreementQuery(modelId, only, datasets, minWrongness, limit);
    }

    /** The same query within these datasets (empty: all). */
    public DisagreementQuery withDatasets(Set<String> names) {
        return new DisagreementQuery(modelId, kinds, names, minWrongness, limit);
    }

    /** The same query keeping only disagreements at least this confident. */
    public DisagreementQuery withMinWrongness(double value) {
        return new DisagreementQuery(modelId, kinds, datasets, value, limit);
    }

    /** The same query returning at most {@code count} rows (0: no limit). */
    public DisagreementQuery withLimit(int count) {
        return new DisagreementQuery(modelId, kinds, datasets, minWrongness, count);
    }
}
