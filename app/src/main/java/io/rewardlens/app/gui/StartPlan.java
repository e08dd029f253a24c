package io.rewardlens.app.gui;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * @param notices what the user should be told about the plan, e.g. that the last database is gone
 *     and the sample database opens instead; empty when it is what they asked for
 */
public record StartPlan(
        Path database, boolean seedSamples, Path model, DeviceChoice device, List<String> notices) {
    /** Rejects missing fields (the model may be null) and copies the notices. */
    public StartPlan {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(device, "device");
        notices = List.copyOf(notices);
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
        List<String> notices = new ArrayList<>();
        Path database = options.database();
        Path missingDatabase = null;
        if (database == null && settings.lastDatabase() != null) {
            Path last = Path.of(settings.lastDatabase());
            if (Files.isRegularFile(last)) {
                database = last;
            } else {
                missingDatabase = last;
            }
        }
        if (database == null) {
            database = defaultDatabase;
        }
        database = database.toAbsolutePath();
        if (missingDatabase != null && !missingDatabase.toAbsolutePath().equals(database)) {
            notices.add(
                    "The last database, "
                            + missingDatabase
                            + ", no longer exists; opened "
                            + (database.equals(defaultDatabase.toAbsolutePath())
                                    ? "the default database (with the sample pairs) "
                                    : "")
                            + database
                            + " instead (File \u2192 Open database\u2026 to choose another).");
        }
        Path model = options.model();
        if (model == null && settings.lastModel() != null) {
            Path last = Path.of(settings.lastModel());
            if (Files.isDirectory(last)) {
                model = last;
            } else {
                notices.add(
                        "The last model, "
                                + last
                                + ", no longer exists; loaded the demo model instead (its scores"
                                + " mean nothing; Model \u2192 Open\u2026 to choose another).");
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
                device,
                notices);
    }
}
