package io.rewardlens.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a score came from, stored with every score: the model bundle, precision, device and chat
 * template, whether the input had to be truncated, and when it was scored.
 *
 * @param bundleHash content hash of the model bundle
 * @param dtype the precision the model ran in
 * @param device where it ran
 * @param templateHash hash of the chat template
 * @param truncated whether either conversation was cut to fit the model's context
 * @param scoredAt when the score was computed
 */
public record ScoreProvenance(
        String bundleHash,
        String dtype,
        String device,
        String templateHash,
        boolean truncated,
        Instant scoredAt) {
    /** Rejects null fields. */
    public ScoreProvenance {
        Objects.requireNonNull(bundleHash, "bundleHash");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(templateHash, "templateHash");
        Objects.requireNonNull(scoredAt, "scoredAt");
    }
}
