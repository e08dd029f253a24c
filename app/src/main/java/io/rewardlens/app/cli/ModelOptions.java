package io.rewardlens.app.cli;

import io.rewardlens.scoring.BundleException;
import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.EngineSettings;
import io.rewardlens.scoring.FileHashCache;
import io.rewardlens.scoring.LengthPolicy;
import io.rewardlens.scoring.LoadOptions;
import io.rewardlens.scoring.ModelInfo;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoringException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that choose and load a reward model bundle, shared by the scoring commands. */
final class ModelOptions {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "Model bundle folder (see docs/bundle-format.md).")
    Path model;

    @Option(
            names = "--device",
            defaultValue = "auto",
            paramLabel = "auto|cpu|gpu",
            description = "auto (default): the GPU when the engine sees one, else the CPU.")
    String device;

    @Option(
            names = "--truncate-left",
            description =
                    "Score conversations longer than the model's maximum on their last tokens"
                            + " (the score records it) instead of refusing them.")
    boolean truncateLeft;

    @Option(
            names = "--token-budget",
            paramLabel = "N",
            description = "Most tokens per model call (batch size x longest); default per device.")
    Integer tokenBudget;

    @Option(
            names = "--libtorch",
            paramLabel = "DIR",
            description =
                    "A local libtorch (its lib folder) to use instead of the bundled CPU one;"
                            + " also from PYTORCH_LIBRARY_PATH.")
    Path libtorch;

    @Option(
            names = "--libtorch-version",
            paramLabel = "V",
            description = "PyTorch version of --libtorch, e.g. 2.7.1.")
    String libtorchVersion;

    @Option(
            names = "--libtorch-flavor",
            paramLabel = "F",
            description = "Build flavor of --libtorch, e.g. cu128 or cpu.")
    String libtorchFlavor;

    LengthPolicy lengthPolicy() {
        return truncateLeft ? LengthPolicy.TRUNCATE_LEFT : LengthPolicy.REFUSE;
    }

    DeviceChoice deviceChoice() {
        return switch (device.toLowerCase(Locale.ROOT)) {
            case "auto" -> DeviceChoice.AUTO;
            case "cpu" -> DeviceChoice.CPU;
            case "gpu", "cuda" -> DeviceChoice.GPU;
            default ->
                    throw new RefusedInputException(
                            "--device must be auto, cpu or gpu, not " + device);
        };
    }

    /**
     * Loads the bundle (checking its files and running its self-tests) and says on standard error
     * which model runs where.
     */
    RewardModel load(PrintWriter err) throws ScoringException {
        LoadOptions options =
                LoadOptions.defaults()
                        .withDevice(deviceChoice())
                        .withHashCache(FileHashCache.inUserCacheDirectory());
        if (libtorch != null || libtorchVersion != null || libtorchFlavor != null) {
            options =
                    options.withEngineSettings(
                            new EngineSettings(libtorch, libtorchVersion, libtorchFlavor));
        }
        if (tokenBudget != null) {
            options = options.withBatching(tokenBudget, LoadOptions.DEFAULT_MAX_BATCH_SIZE);
        }
        RewardModel loaded;
        try {
            loaded = RewardModel.load(model, options);
        } catch (BundleException refused) {
            // The folder is not a bundle we can use: what the user gave, not a failure of ours.
            throw new RefusedInputException(refused.getMessage(), refused.getCause());
        }
        ModelInfo info = loaded.info();
        err.printf(
                "model %s: %s %s on %s, %s, bundle %s, %s passed%n",
                info.name(),
                info.trace().file(),
                info.trace().dtype(),
                info.device(),
                info.engineVersion(),
                info.bundleHash().substring(0, 12),
                Plural.of(info.selfTestsPassed(), "self-test"));
        if (loaded.bundle().demo()) {
            err.println(
                    "model "
                            + info.name()
                            + " is a DEMO bundle with random weights: its scores mean nothing");
        }
        err.flush();
        return loaded;
    }
}
