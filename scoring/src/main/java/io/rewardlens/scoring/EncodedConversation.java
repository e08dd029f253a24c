package io.rewardlens.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A conversation ready for the model: the text its chat template rendered, the token ids the model
 * will see (after any left truncation), where each token and each message lies in that text, and
 * how many tokens were dropped. Immutable.
 */
public final class EncodedConversation {
    private final String text;
    private final long[] tokenIds;
    private final List<TokenSpan> tokenSpans;
    private final List<MessageSpan> messageSpans;
    private final int originalTokenCount;
    private final String templateSha256;
    private String tokenIdsSha256;

    EncodedConversation(
            String text,
            long[] tokenIds,
            List<TokenSpan> tokenSpans,
            List<MessageSpan> messageSpans,
            int originalTokenCount,
            String templateSha256) {
        this.text = Objects.requireNonNull(text, "text");
        this.tokenIds = tokenIds;
        this.tokenSpans = List.copyOf(tokenSpans);
        this.messageSpans = List.copyOf(messageSpans);
        this.originalTokenCount = originalTokenCount;
        this.templateSha256 = templateSha256;
        if (tokenSpans.size() != tokenIds.length) {
            throw new IllegalArgumentException(
                    tokenIds.length + " token ids but " + tokenSpans.size() + " spans");
        }
    }

    /**
     * Returns the text the chat template rendered; all spans index into it.
     *
     * @return the full rendered text, including any part whose tokens were truncated away
     */
    public String text() {
        return text;
    }

    /**
     * Returns the token ids the model sees.
     *
     * @return a copy of the ids
     */
    public long[] tokenIds() {
        return tokenIds.clone();
    }

    /** The ids without copying, for the engine. */
    long[] ids() {
        return tokenIds;
    }

    /**
     * Returns the number of tokens the model sees.
     *
     * @return the token count after truncation
     */
    public int tokenCount() {
        return tokenIds.length;
    }

    /**
     * Returns where each token lies in {@link #text()}, in token order.
     *
     * @return one span per token id
     */
    public List<TokenSpan> tokenSpans() {
        return tokenSpans;
    }

    /**
     * Returns where the content of each turn lies in {@link #text()}. A turn whose content is empty
     * or was changed by the template beyond trimming has no span.
     *
     * @return the spans found, in turn order; empty when the text was given already rendered
     */
    public List<MessageSpan> messageSpans() {
        return messageSpans;
    }

    /**
     * Returns the token count before truncation.
     *
     * @return the number of tokens the rendered text has
     */
    public int originalTokenCount() {
        return originalTokenCount;
    }

    /**
     * Returns how many tokens were dropped from the left to fit the model.
     *
     * @return zero unless truncated
     */
    public int tokensDropped() {
        return originalTokenCount - tokenIds.length;
    }

    /**
     * Tells whether tokens were dropped.
     *
     * @return true when truncated
     */
    public boolean truncated() {
        return tokensDropped() > 0;
    }

    /**
     * Returns the SHA-256 of the chat template that rendered the text.
     *
     * @return the template hash, or null when the text was given already rendered
     */
    public String templateSha256() {
        return templateSha256;
    }

    /**
     * Returns the SHA-256 of the token ids (little-endian int64), half of a {@link ScoreKey}.
     *
     * @return lower-case hex
     */
    public synchronized String tokenIdsSha256() {
        if (tokenIdsSha256 == null) {
            tokenIdsSha256 = Sha256.ofTokenIds(tokenIds);
        }
        return tokenIdsSha256;
    }

    @Override
    public String toString() {
        return "EncodedConversation["
                + tokenIds.length
                + " tokens"
                + (truncated() ? ", " + tokensDropped() + " dropped" : "")
                + "]";
    }
}
