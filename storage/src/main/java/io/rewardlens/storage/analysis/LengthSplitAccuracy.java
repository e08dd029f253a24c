package io.rewardlens.storage.analysis;

import java.util.Objects;

/**
 * A model's accuracy against the dataset labels, split by whether the chosen side is the longer
 * one: a model that is right mostly when the chosen side is longer is rewarding length.
 *
 * @param model the model
 * @param chosenLonger pairs whose chosen completion has more characters than the rejected one
 * @param chosenShorter pairs whose chosen completion has fewer characters
 * @param sameLength pairs whose completions have equally many characters
 */
public record LengthSplitAccuracy(
        AnalyzedModel model, Accuracy chosenLonger, Accuracy chosenShorter, Accuracy sameLength) {
    /** Rejects missing fields. */
    public LengthSplitAccuracy {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(chosenLonger, "chosenLonger");
        Objects.requireNonNull(chosenShorter, "chosenShorter");
        Objects.requireNonNull(sameLength, "sameLength");
    }
}
