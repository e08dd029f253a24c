package io.rewardlens.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link Settings} as a JSON file. The default file is {@code settings.json} in
 * the user's configuration folder: {@code $XDG_CONFIG_HOME/rewardlens}, else {@code
 * ~/.config/rewardlens}; the system property {@value #CONFIG_DIR_PROPERTY} names another folder
 * (tests use a temporary one).
 */
public final class SettingsFile {
    /** System property naming the folder that holds {@code settings.json}. */
    public static final String CONFIG_DIR_PROPERTY = "rewardlens.config.dir";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    /**
     * Uses a settings file.
     *
     * @param file the JSON file (it need not exist yet)
     */
    public SettingsFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * The user's settings file: in the folder named by {@value #CONFIG_DIR_PROPERTY}, else in the
     * XDG configuration folder.
     *
     * @return the settings file of this user
     */
    public static SettingsFile forUser() {
        String override = System.getProperty(CONFIG_DIR_PROPERTY);
        Path folder;
        if (override != null && !override.isBlank()) {
            folder = Path.of(override);
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path base =
                    xdg != null && !xdg.isBlank()
                            ? Path.of(xdg)
                            : Path.of(System.getProperty("user.home"), ".config");
            folder = base.resolve("rewardlens");
        }
        return new SettingsFile(folder.resolve("settings.json"));
    }

    /**
     * Where the settings live.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Reads the settings; a missing file gives the defaults.
     *
     * @return the settings
     * @throws SettingsException when the file exists but cannot be read or is not valid settings
     *     JSON (the message names the file, line and column)
     */
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = JSON.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null
                            ? ""
                            : ", line "
                                    + e.getLocation().getLineNr()
                                    + ", column "
                                    + e.getLocation().getColumnNr();
            throw new SettingsException(
                    "cannot read settings " + file + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SettingsException("cannot read settings " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the settings, replacing the file in one step so a crash never leaves half a file.
     *
     * @param settings the settings
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".settings-", ".json");
            try {
                JSON.writeValue(temporary.toFile(), settings);
                try {
                    Files.move(
                            temporary,
                            file,
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write settings " + file, e);
        }
    }
}
