package io.rewardlens.storage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A model's margins against one feature of the pairs it scored, with their correlation: a positive
 * correlation with the length difference means the model rewards longer answers.
 *
 * @param model the model
 * @param feature the feature on the x axis
 * @param points one point per scored pair, in import order
 * @param correlation of the feature with the margin
 */
public record BiasScatter(
        AnalyzedModel model, BiasFeature feature, List<BiasPoint> points, Correlation correlation) {
    /** Rejects missing fields and copies the points. */
    public BiasScatter {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(feature, "feature");
        points = List.copyOf(points);
        Objects.requireNonNull(correlation, "correlation");
    }
}
