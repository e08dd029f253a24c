package io.rewardlens.ui.tokens;

/**
 * One coloured range of a message's text: the characters of one token, or of several consecutive
 * tokens that share a character (byte-level pieces of one emoji or CJK character) or a
 * user-perceived character (an emoji ZWJ sequence, a letter and its combining mark). Its change is
 * the sum of those tokens' changes.
 *
 * @param start where it starts in the message text (UTF-16 index, on a character boundary)
 * @param end where it ends, exclusive (on a character boundary)
 * @param firstToken the first token's position in the conversation's sequence
 * @param lastToken the last token's position, inclusive
 * @param delta the change of score these tokens bring
 * @param score the score after the last of them
 */
public record HeatRun(
        int start, int end, int firstToken, int lastToken, double delta, double score) {
    /** Rejects empty or reversed ranges. */
    public HeatRun {
        if (start < 0 || end <= start || firstToken < 0 || lastToken < firstToken) {
            throw new IllegalArgumentException(
                    "bad heat run "
                            + start
                            + ".."
                            + end
                            + " tokens "
                            + firstToken
                            + ".."
                            + lastToken);
        }
    }

    /**
     * How many tokens the run holds.
     *
     * @return one or more
     */
    public int tokenCount() {
        return lastToken - firstToken + 1;
    }
}
