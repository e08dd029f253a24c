package io.rewardlens.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered reward model: the id scores refer to, its description and when it was first
 * registered.
 *
 * @param id the model's id in the store
 * @param info what the model is
 * @param registeredAt when it was registered
 */
public record StoredModel(long id, RewardModelInfo info, Instant registeredAt) {
    /** Rejects null fields. */
    public StoredModel {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
