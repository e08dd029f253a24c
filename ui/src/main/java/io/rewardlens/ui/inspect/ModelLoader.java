package io.rewardlens.ui.inspect;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.RewardModel;
import java.nio.file.Path;

/**
 * Loads a reward-model bundle on a device, with the workbench's engine settings. Runs off the UI
 * thread.
 */
@FunctionalInterface
public interface ModelLoader {
    /**
     * Loads a bundle.
     *
     * @param directory the bundle folder
     * @param device where to run it
     * @return the loaded model; its caller closes it
     * @throws Exception when the bundle cannot be loaded
     */
    RewardModel load(Path directory, DeviceChoice device) throws Exception;
}
