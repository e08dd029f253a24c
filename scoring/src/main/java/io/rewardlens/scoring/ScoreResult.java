package io.rewardlens.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The score of one conversation: the reward, the score at every token when the trace gives it, the
 * encoded input it was computed on (text, tokens and their spans, truncation) and its provenance.
 */
public final class ScoreResult {
    private final double score;
    private final float[] perTokenScores;
    private final EncodedConversation input;
    private final Provenance provenance;
    private final boolean fromCache;

    ScoreResult(
            double score,
            float[] perTokenScores,
            EncodedConversation input,
            Provenance provenance,
            boolean fromCache) {
        this.score = score;
        this.perTokenScores = perTokenScores;
        this.input = Objects.requireNonNull(input, "input");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.fromCache = fromCache;
        if (perTokenScores != null && perTokenScores.length != input.tokenCount()) {
            throw new IllegalArgumentException(
                    perTokenScores.length
                            + " per-token scores for "
                            + input.tokenCount()
                            + " tokens");
        }
    }

    /**
     * Returns the reward score (the model's float32 output, widened).
     *
     * @return the score
     */
    public double score() {
        return score;
    }

    /**
     * Tells whether per-token scores exist ({@link TraceForm#REWARD} traces only).
     *
     * @return true when {@link #perTokenScores()} is not null
     */
    public boolean hasPerTokenScores() {
        return perTokenScores != null;
    }

    /**
     * Returns the score head's output at every token; the last equals {@link #score()}.
     *
     * @return a copy, one per token of {@link #input()}, or null for a logits-only trace
     */
    public float[] perTokenScores() {
        return perTokenScores == null ? null : perTokenScores.clone();
    }

    /**
     * Returns the encoded input: rendered text, token ids, token and message spans, truncation.
     *
     * @return the input the score was computed on
     */
    public EncodedConversation input() {
        return input;
    }

    /**
     * Returns the number of tokens scored.
     *
     * @return the token count after truncation
     */
    public int tokenCount() {
        return input.tokenCount();
    }

    /**
     * Returns where each scored token lies in the rendered text.
     *
     * @return one span per token
     */
    public List<TokenSpan> tokenSpans() {
        return input.tokenSpans();
    }

    /**
     * Returns where each message's content lies in the rendered text.
     *
     * @return the message spans found
     */
    public List<MessageSpan> messageSpans() {
        return input.messageSpans();
    }

    /**
     * Returns where the score comes from.
     *
     * @return the provenance (for a cached score, that of the original computation)
     */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Tells whether the score came from the {@link ScoreCache} rather than the model.
     *
     * @return true for a cache hit
     */
    public boolean fromCache() {
        return fromCache;
    }

    /** The entry a cache keeps of this result. */
    CachedScore toCached() {
        return new CachedScore(score, perTokenScores, provenance);
    }

    @Override
    public String toString() {
        return "ScoreResult["
                + score
                + ", "
                + input.tokenCount()
                + " tokens"
                + (fromCache ? ", cached" : "")
                + "]";
    }
}
