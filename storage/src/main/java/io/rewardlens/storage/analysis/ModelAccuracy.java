package io.rewardlens.storage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A model's accuracy against the dataset labels and against human verdicts, overall and per source.
 *
 * @param model the model
 * @param vsLabel against the labels: of the pairs it scored, how many it scores chosen above
 *     rejected
 * @param vsHuman against humans: of the verdicts preferring a side on pairs it scored (each
 *     annotator's verdict counts once), how many it agrees with
 * @param perSource the same per source, pairs without a source first, then by source
 */
public record ModelAccuracy(
        AnalyzedModel model, Accuracy vsLabel, Accuracy vsHuman, List<SourceAccuracy> perSource) {
    /** Rejects missing fields and copies the list. */
    public ModelAccuracy {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vsLabel, "vsLabel");
        Objects.requireNonNull(vsHuman, "vsHuman");
        perSource = List.copyOf(perSource);
    }
}
