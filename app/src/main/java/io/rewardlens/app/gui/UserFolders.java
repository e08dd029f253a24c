package io.rewardlens.app.gui;

import io.rewardlens.sampledata.SampleData;
import java.nio.file.Path;

/**
 * Where RewardLens keeps a user's data: {@code $XDG_DATA_HOME/rewardlens}, else {@code
 * ~/.local/share/rewardlens}; the system property {@value #DATA_DIR_PROPERTY} names another folder
 * (tests use a temporary one). It holds the default database and the installed demo model.
 */
public final class UserFolders {
    /** System property naming the data folder. */
    public static final String DATA_DIR_PROPERTY = "rewardlens.data.dir";

    private UserFolders() {}

    /**
     * The user's data folder (not created here).
     *
     * @return the folder
     */
    public static Path dataDirectory() {
        String override = System.getProperty(DATA_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base =
                xdg != null && !xdg.isBlank()
                        ? Path.of(xdg)
                        : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("rewardlens").toAbsolutePath();
    }

    /**
     * The database opened when no other was chosen; the sample pairs are imported into it on first
     * launch.
     *
     * @return {@code <data>/rewardlens.db}
     */
    public static Path defaultDatabase() {
        return dataDirectory().resolve("rewardlens.db");
    }

    /**
     * Where the demo model bundle is installed.
     *
     * @return {@code <data>/models/demo-tiny-qwen3}
     */
    public static Path demoModelDirectory() {
        return dataDirectory().resolve("models").resolve(SampleData.DEMO_MODEL_FOLDER);
    }
}
