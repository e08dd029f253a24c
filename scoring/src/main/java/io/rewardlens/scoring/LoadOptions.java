package io.rewardlens.scoring;

import java.util.Objects;

/**
 * How to load a {@link RewardModel}: device, engine library, hash cache, batching and whether to
 * run the bundle's self-tests. Start from {@link #defaults()} and change what is needed with the
 * {@code with...} methods.
 *
 * @param device which device to run on
 * @param engineSettings where the PyTorch native library comes from
 * @param hashCache remembers verified file hashes between loads
 * @param tokenBudget the most tokens (batch size times longest sequence) in one model call, or
 *     {@link #AUTO_TOKEN_BUDGET} for the device's default
 * @param maxBatchSize the most conversations in one model call
 * @param runSelfTests whether to run {@code bundle.json} self-tests at load (refusing the bundle if
 *     one fails)
 */
public record LoadOptions(
        DeviceChoice device,
        EngineSettings engineSettings,
        FileHashCache hashCache,
        int tokenBudget,
        int maxBatchSize,
        boolean runSelfTests) {

    /** Token budget chosen by device: {@link #CPU_TOKEN_BUDGET} or {@link #GPU_TOKEN_BUDGET}. */
    public static final int AUTO_TOKEN_BUDGET = 0;

    /**
     * CPU default: batches short conversations (about 20 of 100 tokens) while keeping each call's
     * attention tensors small; on the CPU, larger padded calls of long conversations measured
     * slower than one-by-one scoring.
     */
    public static final int CPU_TOKEN_BUDGET = 2048;

    /** GPU default: large enough to keep a GPU busy with conversations of a few thousand tokens. */
    public static final int GPU_TOKEN_BUDGET = 16384;

    /** Default cap on conversations per model call. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 32;

    /** Rejects missing fields and non-positive sizes. */
    public LoadOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(engineSettings, "engineSettings");
        Objects.requireNonNull(hashCache, "hashCache");
        if (tokenBudget < 0 || maxBatchSize < 1) {
            throw new IllegalArgumentException(
                    "tokenBudget must be positive (or AUTO_TOKEN_BUDGET) and maxBatchSize positive,"
                            + " got "
                            + tokenBudget
                            + " and "
                            + maxBatchSize);
        }
    }

    /**
     * Device AUTO, the bundled engine library, hashes cached in the user's cache directory, the
     * device's default token budget, at most {@value #DEFAULT_MAX_BATCH_SIZE} conversations per
     * call, self-tests on.
     *
     * @return the default options
     */
    public static LoadOptions defaults() {
        return new LoadOptions(
                DeviceChoice.AUTO,
                EngineSettings.bundled(),
                FileHashCache.inUserCacheDirectory(),
                AUTO_TOKEN_BUDGET,
                DEFAULT_MAX_BATCH_SIZE,
                true);
    }

    /**
     * Returns these options with another device choice.
     *
     * @param newDevice the device choice
     * @return the changed options
     */
    public LoadOptions withDevice(DeviceChoice newDevice) {
        return new LoadOptions(
                newDevice, engineSettings, hashCache, tokenBudget, maxBatchSize, runSelfTests);
    }

    /**
     * Returns these options with other engine settings.
     *
     * @param newSettings the engine settings
     * @return the changed options
     */
    public LoadOptions withEngineSettings(EngineSettings newSettings) {
        return new LoadOptions(
                device, newSettings, hashCache, tokenBudget, maxBatchSize, runSelfTests);
    }

    /**
     * Returns these options with another hash cache.
     *
     * @param newCache the hash cache
     * @return the changed options
     */
    public LoadOptions withHashCache(FileHashCache newCache) {
        return new LoadOptions(
                device, engineSettings, newCache, tokenBudget, maxBatchSize, runSelfTests);
    }

    /**
     * Returns these options with other batching limits.
     *
     * @param newTokenBudget the most tokens per model call, or {@link #AUTO_TOKEN_BUDGET}
     * @param newMaxBatchSize the most conversations per model call
     * @return the changed options
     */
    public LoadOptions withBatching(int newTokenBudget, int newMaxBatchSize) {
        return new LoadOptions(
                device, engineSettings, hashCache, newTokenBudget, newMaxBatchSize, runSelfTests);
    }

    /**
     * Returns these options with self-tests switched on or off.
     *
     * @param run whether to run the self-tests at load
     * @return the changed options
     */
    public LoadOptions withSelfTests(boolean run) {
        return new LoadOptions(device, engineSettings, hashCache, tokenBudget, maxBatchSize, run);
    }
}
