package io.rewardlens.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The RewardLens version this code was built as, for provenance records such as export sidecars.
 */
public final class ToolVersion {
    private static final String VERSION = load();

    private ToolVersion() {}

    /** The build's version, e.g. {@code 0.1.0}; {@code unknown} if the build left no record. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
