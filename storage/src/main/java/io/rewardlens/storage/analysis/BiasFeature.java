package io.rewardlens.storage.analysis;

import java.util.function.ToDoubleFunction;

/** A property of a pair that a reward model may be biased by, plotted against its margin. */
public enum BiasFeature {
    /** Chosen minus rejected length in characters ({@link PairFeatures#lengthDifference()}). */
    LENGTH_DIFFERENCE("length difference (chars, chosen − rejected)", f -> f.lengthDifference()),
    /**
     * Chosen minus rejected Markdown density, features per 1000 characters ({@link
     * PairFeatures#markdownDensityDifference()}).
     */
    MARKDOWN_DENSITY_DIFFERENCE(
            "markdown density difference (per 1000 chars, chosen − rejected)",
            PairFeatures::markdownDensityDifference);

    private final String axisLabel;
    private final ToDoubleFunction<PairFeatures> value;

    BiasFeature(String axisLabel, ToDoubleFunction<PairFeatures> value) {
        this.axisLabel = axisLabel;
        this.value = value;
    }

    /** A label for a chart axis or table column. */
    public String axisLabel() {
        return axisLabel;
    }

    /** The feature's value for a pair. */
    public double valueOf(PairFeatures features) {
        return value.applyAsDouble(features);
    }
}
