package io.rewardlens.scoring;

import java.util.Objects;

/**
 * The identity of a score in a {@link ScoreCache}: which model computed it and on which tokens. The
 * same token ids on the same trace of the same bundle always give the same score, whatever text or
 * template produced the ids.
 *
 * @param modelKey the bundle content hash and the trace file, {@link ModelInfo#modelKey()}
 * @param tokenIdsSha256 {@link EncodedConversation#tokenIdsSha256()}
 */
public record ScoreKey(String modelKey, String tokenIdsSha256) {
    /** Rejects missing parts. */
    public ScoreKey {
        Objects.requireNonNull(modelKey, "modelKey");
        Objects.requireNonNull(tokenIdsSha256, "tokenIdsSha256");
    }
}
