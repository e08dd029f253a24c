package io.rewardlens.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.EngineSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * One user's settings. Missing fields (an older or hand-edited file) take their defaults.
 *
 * @param annotator the name verdicts are saved under
 * @param blindMode whether RM scores and the dataset label stay hidden until a verdict is given
 * @param tags the tags offered for verdicts, in key order ({@code Ctrl+1} toggles the first)
 * @param theme light or dark
 * @param device where models run
 * @param libtorchPath a local libtorch {@code lib} folder for GPU use, or null for the bundled CPU
 *     library
 * @param libtorchVersion the PyTorch version of that library (DJL 0.36 expects 2.7.1)
 * @param libtorchFlavor its build flavor, such as {@code cu128}
 * @param lastDatabase the database open when the workbench last closed, or null
 * @param lastModel the model bundle open when the workbench last closed, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(
        String annotator,
        boolean blindMode,
        List<String> tags,
        Theme theme,
        DeviceChoice device,
        String libtorchPath,
        String libtorchVersion,
        String libtorchFlavor,
        String lastDatabase,
        String lastModel) {

    /** The tags offered when the user has not chosen any. */
    public static final List<String> DEFAULT_TAGS =
            List.of(
                    "incorrect",
                    "hallucination",
                    "unsafe",
                    "over-refusal",
                    "verbosity",
                    "formatting",
                    "instruction-following");

    /** The most tags a verdict bar offers keys for ({@code Ctrl+1} to {@code Ctrl+9}). */
    public static final int MAX_TAGS = 9;

    /** Fills in defaults for missing fields and tidies the tag list. */
    public Settings {
        if (annotator == null || annotator.isBlank()) {
            annotator = defaultAnnotator();
        } else {
            annotator = annotator.strip();
        }
        if (tags == null) {
            tags = DEFAULT_TAGS;
        }
        tags =
                tags.stream()
                        .filter(tag -> tag != null && !tag.isBlank())
                        .map(String::strip)
                        .distinct()
                        .limit(MAX_TAGS)
                        .toList();
        if (theme == null) {
            theme = Theme.LIGHT;
        }
        if (device == null) {
            device = DeviceChoice.AUTO;
        }
        if (libtorchPath != null && libtorchPath.isBlank()) {
            libtorchPath = null;
        }
        if (libtorchVersion == null || libtorchVersion.isBlank()) {
            libtorchVersion = "2.7.1";
        }
        if (libtorchFlavor == null || libtorchFlavor.isBlank()) {
            libtorchFlavor = "cu128";
        }
    }

    /**
     * The settings of a user who never changed anything.
     *
     * @return the defaults
     */
    public static Settings defaults() {
        return new Settings(null, false, null, null, null, null, null, null, null, null);
    }

    /**
     * Where the engine's native library comes from under these settings.
     *
     * @return the bundled library, or the local libtorch with its version and flavor
     */
    public EngineSettings engineSettings() {
        if (libtorchPath == null) {
            return EngineSettings.bundled();
        }
        return new EngineSettings(Path.of(libtorchPath), libtorchVersion, libtorchFlavor);
    }

    /**
     * These settings with other user preferences (what the settings dialog edits).
     *
     * @param newAnnotator the annotator name
     * @param newBlindMode blind mode
     * @param newTags the tags
     * @param newTheme the theme
     * @param newDevice the device
     * @param newLibtorchPath the libtorch folder, or null
     * @return the changed settings
     */
    public Settings withPreferences(
            String newAnnotator,
            boolean newBlindMode,
            List<String> newTags,
            Theme newTheme,
            DeviceChoice newDevice,
            String newLibtorchPath) {
        return new Settings(
                newAnnotator,
                newBlindMode,
                newTags,
                newTheme,
                newDevice,
                newLibtorchPath,
                libtorchVersion,
                libtorchFlavor,
                lastDatabase,
                lastModel);
    }

    /**
     * These settings with another theme.
     *
     * @param newTheme the theme
     * @return the changed settings
     */
    public Settings withTheme(Theme newTheme) {
        return withPreferences(annotator, blindMode, tags, newTheme, device, libtorchPath);
    }

    /**
     * These settings with blind mode switched.
     *
     * @param blind whether blind mode is on
     * @return the changed settings
     */
    public Settings withBlindMode(boolean blind) {
        return withPreferences(annotator, blind, tags, theme, device, libtorchPath);
    }

    /**
     * These settings remembering the database in use.
     *
     * @param database the database file, or null
     * @return the changed settings
     */
    public Settings withLastDatabase(Path database) {
        return withLastOpened(absolutePath(database), lastModel);
    }

    /**
     * These settings remembering the model in use.
     *
     * @param model the bundle folder, or null
     * @return the changed settings
     */
    public Settings withLastModel(Path model) {
        return withLastOpened(lastDatabase, absolutePath(model));
    }

    private Settings withLastOpened(String newLastDatabase, String newLastModel) {
        return new Settings(
                annotator,
                blindMode,
                tags,
                theme,
                device,
                libtorchPath,
                libtorchVersion,
                libtorchFlavor,
                newLastDatabase,
                newLastModel);
    }

    private static String absolutePath(Path path) {
        return path == null ? null : path.toAbsolutePath().toString();
    }

    private static String defaultAnnotator() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "annotator" : user;
    }
}
