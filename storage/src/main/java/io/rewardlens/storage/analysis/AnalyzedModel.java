package io.rewardlens.storage.analysis;

import io.rewardlens.storage.StoredModel;
import java.util.Objects;

/**
 * A reward model taking part in an analysis.
 *
 * @param model the model as registered in the store
 * @param label how tables and plots name it: its name, followed by {@code #id} when another
 *     analysed model has the same name
 * @param scoredPairs how many pairs of the analysis it scored
 */
public record AnalyzedModel(StoredModel model, String label, long scoredPairs) {
    /** Rejects missing fields. */
    public AnalyzedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(label, "label");
    }

    /** The model's id in the store. */
    public long id() {
        return model.id();
    }

    /** The model's registered name. */
    public String name() {
        return model.info().name();
    }
}
