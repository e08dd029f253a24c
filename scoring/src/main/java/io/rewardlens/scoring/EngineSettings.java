package io.rewardlens.scoring;

import java.nio.file.Path;

/**
 * Where the PyTorch engine finds its native library. By default ({@link #bundled()}) it uses the
 * CPU libtorch shipped with the application; a user with a GPU points it at a local libtorch that
 * matches DJL's JNI (for DJL 0.36: PyTorch 2.7.1, flavor {@code cu128}). The settings become the
 * system properties {@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_VERSION} and {@code
 * PYTORCH_FLAVOR} before the engine loads; they cannot change once it has loaded in a process.
 *
 * @param libraryPath the folder holding {@code libtorch.so} (its {@code lib} folder), or null for
 *     the bundled library
 * @param version the PyTorch version of that library, e.g. {@code 2.7.1}, or null
 * @param flavor the build flavor, e.g. {@code cu128} or {@code cpu}, or null
 */
public record EngineSettings(Path libraryPath, String version, String flavor) {
    /** Rejects a library path without a version, which DJL cannot use. */
    public EngineSettings {
        if (libraryPath != null && (version == null || version.isBlank())) {
            throw new IllegalArgumentException(
                    "PYTORCH_LIBRARY_PATH "
                            + libraryPath
                            + " needs PYTORCH_VERSION too (e.g. 2.7.1, the version DJL 0.36 was"
                            + " built against)");
        }
        if (version != null && version.isBlank()) {
            version = null;
        }
        if (flavor != null && flavor.isBlank()) {
            flavor = null;
        }
    }

    /**
     * No preference: the CPU libtorch shipped with the application if the engine is not loaded yet,
     * else whatever library it was loaded with. Nothing is set.
     *
     * @return settings that set nothing
     */
    public static EngineSettings bundled() {
        return new EngineSettings(null, null, null);
    }

    /**
     * Tells whether these settings leave the engine's own choice alone.
     *
     * @return true when no field is set
     */
    public boolean isBundled() {
        return libraryPath == null && version == null && flavor == null;
    }
}
