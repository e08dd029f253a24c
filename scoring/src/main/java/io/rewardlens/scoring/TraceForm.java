package io.rewardlens.scoring;

/** What a TorchScript trace returns, which decides whether per-token scores exist. */
public enum TraceForm {
    /**
     * {@code reward.torchscript.pt}: a tuple {@code (score float32 [B], per_token float32 [B,T])}.
     */
    REWARD,
    /**
     * {@code model.torchscript.pt}: the plain sequence-classification logits {@code [B,1]}; there
     * are no per-token scores.
     */
    LOGITS
}
