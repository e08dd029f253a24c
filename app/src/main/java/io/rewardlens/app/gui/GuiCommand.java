package io.rewardlens.app.gui;

import io.rewardlens.scoring.DeviceChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rewardlens gui}: opens the annotation workbench, optionally only for a screenshot. */
@Command(
        name = "gui",
        mixinStandardHelpOptions = true,
        description = {
            "Open the annotation workbench (the default command).",
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

    /** Exit code for refused input: a database that cannot be one, a model that is no folder. */
    static final int REFUSED = 2;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        String refusal = refusal();
        if (refusal != null) {
            spec.commandLine().getErr().println("rewardlens: " + refusal);
            return REFUSED;
        }
        return WorkbenchLauncher.launch(
                new GuiOptions(
                        database,
                        model,
                        device,
                        screenshot,
                        Duration.ofSeconds(screenshotTimeoutSeconds)));
    }

    /** Why the options cannot be used, checked before any window opens; null when they can. */
    private String refusal() {
        if (database != null) {
            Path folder = database.toAbsolutePath().getParent();
            if (Files.isDirectory(database)) {
                return "--db " + database + " is a folder, not a database file";
            }
            if (folder != null && !Files.isDirectory(folder)) {
                return "--db " + database + ": the folder " + folder + " does not exist";
            }
        }
        if (model != null && !Files.isDirectory(model)) {
            return Files.exists(model)
                    ? "--model " + model + " is a file; a model bundle is a folder"
                    : "--model " + model + ": no such folder";
        }
        return null;
    }
}
