package io.rewardlens.scoring;

/**
 * A conversation has more tokens than the model accepts and the caller chose {@link
 * LengthPolicy#REFUSE}: nothing is truncated without the caller asking for it.
 */
public final class SequenceTooLongException extends ScoringException {
    /** The token count of the refused conversation. */
    private final int tokenCount;

    /** The most tokens the model accepts. */
    private final int maxLength;

    /**
     * Creates the exception.
     *
     * @param tokenCount how many tokens the rendered conversation has
     * @param maxLength the most tokens the model accepts
     * @param modelName the model, for the message
     */
    public SequenceTooLongException(int tokenCount, int maxLength, String modelName) {
        super(
                "conversation has "
                        + tokenCount
                        + " tokens; model "
                        + modelName
                        + " accepts at most "
                        + maxLength
                        + " (choose TRUNCATE_LEFT to score its last "
                        + maxLength
                        + " tokens)");
        this.tokenCount = tokenCount;
        this.maxLength = maxLength;
    }

    /**
     * Returns the token count of the refused conversation.
     *
     * @return the number of tokens after rendering
     */
    public int tokenCount() {
        return tokenCount;
    }

    /**
     * Returns the model's maximum length.
     *
     * @return the most tokens the model accepts
     */
    public int maxLength() {
        return maxLength;
    }
}
