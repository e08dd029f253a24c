package io.rewardlens.ui.inspect;

import io.rewardlens.scoring.DeviceChoice;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A loaded reward-model bundle as the models panel lists it.
 *
 * @param key tells the panel's rows apart (0 for the pair view's model)
 * @param name the model's name
 * @param device where it runs, such as {@code cpu} or {@code gpu(0)}
 * @param engine the inference engine and its version
 * @param directory the bundle folder
 * @param requestedDevice the device asked for when it was loaded
 * @param pairView whether it is the pair view's model (loaded with Model → Open…)
 * @param storedModelId the model's id in the open store, or null while it is not registered there
 */
public record ModelRow(
        long key,
        String name,
        String device,
        String engine,
        Path directory,
        DeviceChoice requestedDevice,
        boolean pairView,
        Long storedModelId) {

    /** The key of the pair view's model. */
    public static final long PAIR_VIEW_KEY = 0;

    /** Rejects missing fields. */
    public ModelRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(requestedDevice, "requestedDevice");
    }

    /**
     * What the row's model is for, as the panel's role column says it.
     *
     * @return the role
     */
    public String role() {
        return pairView ? "pair view" : "compared";
    }
}
