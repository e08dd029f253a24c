package io.rewardlens.storage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * How human verdicts relate to the dataset labels, overall and per source, over every annotated
 * pair of the analysis (scored or not).
 *
 * @param annotatedPairs pairs with at least one verdict
 * @param overall all verdicts
 * @param perSource per source, pairs without a source first, then by source
 */
public record HumanLabelAgreement(
        long annotatedPairs, VerdictCounts overall, List<SourceVerdictCounts> perSource) {
    /** Rejects missing fields and copies the list. */
    public HumanLabelAgreement {
        Objects.requireNonNull(overall, "overall");
        perSource = List.copyOf(perSource);
    }
}
