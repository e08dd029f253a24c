package io.rewardlens.scoring;

import java.nio.file.Path;

/**
 * What a loaded {@link RewardModel} is and where it runs, for the user to see and for provenance.
 *
 * @param name the model's display name
 * @param directory the bundle folder
 * @param bundleHash the bundle content hash
 * @param trace the trace that runs
 * @param device the device it runs on, {@code cpu} or {@code gpu(0)}
 * @param engineVersion the engine and its version, e.g. {@code PyTorch 2.7.1 (DJL 0.36.0)}
 * @param maxLength the most tokens the model accepts
 * @param templateSha256 the SHA-256 of the chat template, or null when none could be loaded
 * @param selfTestsPassed how many self-tests of {@code bundle.json} ran and passed at load
 * @param tokenBudget the most tokens (batch size times longest sequence) in one model call
 */
public record ModelInfo(
        String name,
        Path directory,
        String bundleHash,
        TraceSpec trace,
        String device,
        String engineVersion,
        int maxLength,
        String templateSha256,
        int selfTestsPassed,
        int tokenBudget) {

    /**
     * Tells whether scores come with per-token detail.
     *
     * @return true for a {@link TraceForm#REWARD} trace
     */
    public boolean perTokenScores() {
        return trace.form() == TraceForm.REWARD;
    }

    /**
     * Returns the model half of a {@link ScoreKey}: the bundle content hash and the trace file, so
     * that two traces of one bundle (CPU float32, GPU bfloat16) never share cached scores.
     *
     * @return {@code <bundleHash>:<trace file>}
     */
    public String modelKey() {
        return bundleHash + ":" + trace.file();
    }
}
