package io.rewardlens.storage.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pair with the scores every analysed model gave it: one row of the side-by-side score table.
 *
 * @param features the pair's source, lengths, formatting and verdicts
 * @param scores each model's scores by model id, in the analysis' model order; a model that did not
 *     score the pair is absent
 */
public record AnalyzedPair(PairFeatures features, Map<Long, SideScores> scores) {
    /** Rejects missing fields and copies the scores, keeping their order. */
    public AnalyzedPair {
        Objects.requireNonNull(features, "features");
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** The pair's id in the store. */
    public long pairId() {
        return features.pairId();
    }

    /** The scores one model gave this pair, if it scored it. */
    public Optional<SideScores> score(long modelId) {
        return Optional.ofNullable(scores.get(modelId));
    }
}
