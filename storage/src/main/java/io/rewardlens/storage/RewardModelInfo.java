package io.rewardlens.storage;

import java.util.Objects;

/**
 * A reward model as the store records it: enough to tell which weights, precision, device, engine
 * and chat template produced a score.
 *
 * @param bundleHash content hash of the model bundle
 * @param name a display name, such as {@code Skywork-Reward-V2-Llama-3.1-8B}
 * @param dtype the precision it ran in ({@code float32}, {@code bfloat16}, ...)
 * @param device where it ran ({@code cpu}, {@code cuda:0}, ...)
 * @param engineVersion the inference engine and its version
 * @param templateHash hash of the chat template used to render conversations
 */
public record RewardModelInfo(
        String bundleHash,
        String name,
        String dtype,
        String device,
        String engineVersion,
        String templateHash) {
    /** Rejects null fields. */
    public RewardModelInfo {
        Objects.requireNonNull(bundleHash, "bundleHash");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(templateHash, "templateHash");
    }
}
