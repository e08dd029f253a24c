package io.rewardlens.scoring;

/** What to do with a conversation that has more tokens than the model accepts. */
public enum LengthPolicy {
    /** Refuse it with a {@link SequenceTooLongException} naming its length and the maximum. */
    REFUSE,
    /**
     * Drop tokens from the left (the oldest turns) until it fits, keeping a leading BOS token when
     * the template put one; the result records how many tokens were dropped.
     */
    TRUNCATE_LEFT
}
