package io.rewardlens.scoring;

import java.util.Locale;

/**
 * The kind of device a TorchScript trace was made on; a trace only runs on that kind, so a bundle
 * meant for both carries one trace per kind.
 */
public enum TraceDevice {
    /** Traced on the CPU ({@code "cpu"} in {@code bundle.json}). */
    CPU,
    /** Traced on an NVIDIA GPU ({@code "cuda"} in {@code bundle.json}). */
    CUDA;

    /**
     * Returns the name used in {@code bundle.json} and in self-test keys.
     *
     * @return {@code "cpu"} or {@code "cuda"}
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
