package io.rewardlens.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a score comes from, stored with it so that any score can be traced back to the exact model
 * files, device, engine and template that produced it.
 *
 * @param bundleHash the bundle content hash (see {@link ModelBundle#verifyFiles})
 * @param modelName the model's display name
 * @param traceFile the TorchScript file that ran
 * @param dtype the dtype inside the trace ({@code float32}, {@code bfloat16}, ...)
 * @param device the device it ran on, {@code cpu} or {@code gpu(0)}
 * @param engineVersion the engine and its version, e.g. {@code PyTorch 2.7.1 (DJL 0.36.0)}
 * @param templateSha256 the SHA-256 of the chat template, or null when the text came rendered
 * @param truncated whether tokens were dropped from the left
 * @param tokensDropped how many tokens were dropped
 * @param scoredAt when the model computed the score
 */
public record Provenance(
        String bundleHash,
        String modelName,
        String traceFile,
        String dtype,
        String device,
        String engineVersion,
        String templateSha256,
        boolean truncated,
        int tokensDropped,
        Instant scoredAt) {
    /** Rejects missing required fields and inconsistent truncation. */
    public Provenance {
        Objects.requireNonNull(bundleHash, "bundleHash");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(traceFile, "traceFile");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(scoredAt, "scoredAt");
        if (tokensDropped < 0 || truncated != (tokensDropped > 0)) {
            throw new IllegalArgumentException(
                    "truncated=" + truncated + " but tokensDropped=" + tokensDropped);
        }
    }
}
