package io.rewardlens.testsupport;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.RewardModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo reward model (tiny-qwen3, random weights) as the tests use it: installed once per module
 * under {@code target/test-models/} and loaded once per test JVM on the CPU; the JVM's exit frees
 * it.
 */
public final class DemoModel {
    private static RewardModel shared;

    private DemoModel() {}

    /**
     * The demo bundle's folder, installed on first use.
     *
     * @return the bundle folder
     */
    public static synchronized Path folder() {
        Path root = Path.of("target", "test-models").toAbsolutePath();
        try {
            Files.createDirectories(root);
            return SampleData.installDemoModel(root.resolve(SampleData.DEMO_MODEL_FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the demo model under " + root, e);
        }
    }

    /**
     * The demo model, loaded on first use and shared by every test of the JVM.
     *
     * @return the loaded model
     */
    public static synchronized RewardModel shared() {
        if (shared == null) {
            try {
                shared = FixtureBundles.load(folder(), DeviceChoice.CPU);
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the demo model", e);
            }
        }
        return shared;
    }
}
