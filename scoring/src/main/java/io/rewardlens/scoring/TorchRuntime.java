package io.rewardlens.scoring;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the PyTorch engine once per process with the user's {@link EngineSettings}, and answers
 * which devices it can use. DJL reads its library settings once, when the engine first loads, so a
 * later request for other settings is an error rather than silently ignored.
 */
final class TorchRuntime {
    static final String ENGINE_NAME = "PyTorch";

    private static EngineSettings applied;
    private static Engine engine;

    private TorchRuntime() {}

    /** Returns the engine, loading it with these settings the first time. */
    static synchronized Engine engine(EngineSettings settings) throws ScoringException {
        Objects.requireNonNull(settings, "settings");
        Path library = settings.libraryPath();
        if (library != null
                && !Files.isRegularFile(library.resolve(System.mapLibraryName("torch")))) {
            // DJL would quietly fall back to its own library; say what is wrong instead.
            throw new ScoringException(
                    "no "
                            + System.mapLibraryName("torch")
                            + " in "
                            + library
                            + ": point the libtorch setting at the lib folder of a libtorch");
        }
        if (engine != null) {
            if (!settings.isBundled() && !settings.equals(applied)) {
                throw new EngineSettingsConflictException(
                        "the PyTorch engine is already loaded in this process with "
                                + describe(applied)
                                + "; "
                                + describe(settings)
                                + " can only take effect after a restart");
            }
            return engine;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (settings.libraryPath() != null) {
            properties.put("PYTORCH_LIBRARY_PATH", settings.libraryPath().toString());
        }
        if (settings.version() != null) {
            properties.put("PYTORCH_VERSION", settings.version());
        }
        if (settings.flavor() != null) {
            properties.put("PYTORCH_FLAVOR", settings.flavor());
        }
        for (Map.Entry<String, String> p : properties.entrySet()) {
            // DJL reads the environment before system properties: a different environment value
            // would win silently.
            String fromEnvironment = System.getenv(p.getKey());
            if (fromEnvironment != null && !fromEnvironment.equals(p.getValue())) {
                throw new EngineSettingsConflictException(
                        "environment variable "
                                + p.getKey()
                                + "="
                                + fromEnvironment
                                + " overrides the setting "
                                + p.getValue()
                                + "; unset it or make them agree");
            }
        }
        // Nothing may be downloaded at run time: the natives come from the application.
        System.setProperty("ai.djl.offline", "true");
        properties.forEach(System::setProperty);
        try {
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ScoringException(
                    "the PyTorch engine failed to load with " + describe(settings) + ": " + e, e);
        }
        applied = settings;
        return engine;
    }

    /** True when the engine can run on a GPU: it sees one and its libtorch has CUDA. */
    static boolean gpuUsable(Engine engine) {
        return engine.getGpuCount() > 0 && engine.hasCapability(StandardCapabilities.CUDA);
    }

    /** Explains why no GPU can be used, for messages. */
    static String gpuAbsenceReason(Engine engine) {
        int gpus = engine.getGpuCount();
        if (gpus == 0) {
            return "the engine sees no GPU (CUDA runtime not found, or no NVIDIA GPU)";
        }
        return "the engine sees "
                + gpus
                + " GPU(s) but its PyTorch "
                + engine.getVersion()
                + " library has no CUDA support; point EngineSettings at a CUDA libtorch";
    }

    /** Names a device the way the user sees it: {@code cpu} or {@code gpu(0)}. */
    static String deviceName(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    /** Names the engine and its version, e.g. {@code PyTorch 2.7.1 (DJL 0.36.0)}. */
    static String engineVersion(Engine engine) {
        return engine.getEngineName()
                + " "
                + engine.getVersion()
                + " (DJL "
                + Engine.getDjlVersion()
                + ")";
    }

    private static String describe(EngineSettings s) {
        if (s == null || s.isBundled()) {
            return "the bundled library";
        }
        return "PYTORCH_LIBRARY_PATH="
                + s.libraryPath()
                + ", PYTORCH_VERSION="
                + s.version()
                + ", PYTORCH_FLAVOR="
                + s.flavor();
    }
}
