package io.rewardlens.scoring;

import java.util.Objects;

/**
 * One TorchScript trace of a bundle: its file, the device kind and dtype it was traced with, and
 * its output form.
 *
 * @param file the file name inside the bundle folder
 * @param device the device kind the trace runs on
 * @param dtype the dtype inside the trace ({@code float32}, {@code bfloat16}, {@code float16});
 *     inputs and outputs are int64 / float32 whatever it is
 * @param form what the trace returns
 */
public record TraceSpec(String file, TraceDevice device, String dtype, TraceForm form) {
    /** Rejects missing fields. */
    public TraceSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(form, "form");
    }

    /**
     * Returns the key of this trace in self-test expectations, e.g. {@code cpu/float32}.
     *
     * @return {@code device/dtype}
     */
    public String key() {
        return device.jsonName() + "/" + dtype;
    }

    /**
     * Returns the absolute tolerance that a score of this dtype must meet against the transformers
     * score {@code expected}, as {@code docs/bundle-format.md} defines it.
     *
     * @param expected the transformers score
     * @return the largest accepted absolute difference
     */
    public double tolerance(double expected) {
        if ("float32".equals(dtype)) {
            return 1e-4;
        }
        return 3e-2 + 2e-2 * Math.abs(expected);
    }
}
