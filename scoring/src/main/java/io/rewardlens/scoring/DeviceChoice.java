package io.rewardlens.scoring;

/** Which device the user wants a model to run on. */
public enum DeviceChoice {
    /** The GPU when the engine sees one and the bundle has a trace for it, else the CPU. */
    AUTO,
    /** The CPU, always. */
    CPU,
    /** The first GPU; loading fails with a clear message when there is none or no GPU trace. */
    GPU
}
