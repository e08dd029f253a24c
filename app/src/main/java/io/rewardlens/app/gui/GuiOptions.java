package io.rewardlens.app.gui;

import io.rewardlens.scoring.DeviceChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start the workbench.
 *
 * @param database the database to open, or null for the last one (else the default database)
 * @param model the model bundle to load, or null for the last one (else the demo model)
 * @param device where to run the model, or null for the user's setting
 * @param screenshot where to save a PNG of the window once the first pair's scores are on screen
 *     (then the workbench exits), or null to run normally
 * @param screenshotTimeout how long to wait for those scores before giving up
 */
public record GuiOptions(
        Path database,
        Path model,
        DeviceChoice device,
        Path screenshot,
        Duration screenshotTimeout) {

    /** How long {@code --screenshot} waits by default. */
    public static final Duration DEFAULT_SCREENSHOT_TIMEOUT = Duration.ofMinutes(2);

    /** Rejects a missing timeout. */
    public GuiOptions {
        Objects.requireNonNull(screenshotTimeout, "screenshotTimeout");
    }

    /**
     * The start with no arguments: last (or default) database and model, the user's device.
     *
     * @return the default options
     */
    public static GuiOptions defaults() {
        return new GuiOptions(null, null, null, null, DEFAULT_SCREENSHOT_TIMEOUT);
    }
}
