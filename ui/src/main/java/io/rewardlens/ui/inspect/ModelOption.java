package io.rewardlens.ui.inspect;

import io.rewardlens.storage.StoredModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model registered in the open store, as a choice box offers it.
 *
 * @param id the model's id in the store
 * @param label its name and device, followed by {@code #id} when another registered model has the
 *     same name and device
 */
public record ModelOption(long id, String label) {
    /** Rejects a missing label. */
    public ModelOption {
        Objects.requireNonNull(label, "label");
    }

    /**
     * The options for registered models, labelled so that no two read the same.
     *
     * @param models the models, in the order to offer them
     * @return their options, in the same order
     */
    public static List<ModelOption> of(List<StoredModel> models) {
        List<ModelOption> options = new ArrayList<>();
        for (StoredModel model : models) {
            String label = model.info().name() + " (" + model.info().device() + ")";
            long same =
                    models.stream()
                            .filter(
                                    other ->
                                            other.info().name().equals(model.info().name())
                                                    && other.info()
                                                            .device()
                                                            .equals(model.info().device()))
                            .count();
            options.add(new ModelOption(model.id(), same > 1 ? label + " #" + model.id() : label));
        }
        return options;
    }

    @Override
    public String toString() {
        return label;
    }
}
