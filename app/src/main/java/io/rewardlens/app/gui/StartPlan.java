package io.rewardlens.app.gui;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the workbench opens at start: the database chosen on the command line, else the last one (if
 * it still exists), else the default database, which gets the sample pairs on first launch; the
 * model chosen, else the last one (if it still exists), else the demo model (installed, or checked,
 * in the user's data folder).
 *
 * @param database the database file
 * @param seedSamples whether the sample pairs are imported when the database holds no dataset
 * @param model the model bundle folder, or null for the demo model
 * @param device where to run the model
 */
public record StartPlan(Path database, boolean seedSamples, Path model, DeviceChoice device) {
    /** Rejects missing fields (the model may be null). */
    public StartPlan {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(device, "device");
    }

    /**
     * Decides what to open.
     *
     * @param options the command line's choices
     * @param settings the user's settings (last database and model, device)
     * @return the plan
     */
    public static StartPlan of(GuiOptions options, Settings settings) {
        Path defaultDatabase = UserFolders.defaultDatabase();
        Path database = options.database();
        if (database == null && settings.lastDatabase() != null) {
            Path last = Path.of(settings.lastDatabase());
            if (Files.isRegularFile(last)) {
                database = last;
            }
        }
        if (database == null) {
            database = defaultDatabase;
        }
        database = database.toAbsolutePath();
        Path model = options.model();
        if (model == null && settings.lastModel() != null) {
            Path last = Path.of(settings.lastModel());
            if (Files.isDirectory(last)) {
                model = last;
            }
        }
        if (model != null
                && model.toAbsolutePath()
                        .equals(UserFolders.demoModelDirectory().toAbsolutePath())) {
            // The demo model is installed afresh (or checked) rather than trusted as it lies.
            model = null;
        }
        DeviceChoice device = options.device() != null ? options.device() : settings.device();
        return new StartPlan(
                database,
                database.equals(defaultDatabase.toAbsolutePath()),
                model == null ? null : model.toAbsolutePath(),
                device);
    }
}
