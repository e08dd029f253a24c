package io.rewardlens.app.gui;

import io.rewardlens.scoring.DeviceChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rewardlens gui}: opens the annotation workbench, optionally only for a screenshot. */
@Command(
        name = "gui",
        mixinStandardHelpOptions = true,
        description = {
            "Opens the annotation workbench.",
            "Without options it opens the last database and model (on first launch: the sample"
                    + " pairs and the demo model)."
        })
public final class GuiCommand implements Callable<Integer> {
    @Option(
            names = "--db",
            paramLabel = "FILE",
            description = "The database to open (created if missing).")
    Path database;

    @Option(names = "--model", paramLabel = "DIR", description = "The model bundle to load.")
    Path model;

    @Option(
            names = "--device",
            paramLabel = "DEVICE",
            description =
                    "Where to run the model: ${COMPLETION-CANDIDATES} (default: your setting).")
    DeviceChoice device;

    @Option(
            names = "--screenshot",
            paramLabel = "OUT.png",
            description =
                    "Save a PNG of the window once the first pair's scores are on screen, then"
                            + " exit (0 when saved).")
    Path screenshot;

    @Option(
            names = "--screenshot-timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "How long --screenshot waits for the scores (default: ${DEFAULT-VALUE}).")
    long screenshotTimeoutSeconds;

    @Override
    public Integer call() {
        return WorkbenchLauncher.launch(
                new GuiOptions(
                        database,
                        model,
                        device,
                        screenshot,
                        Duration.ofSeconds(screenshotTimeoutSeconds)));
    }
}
