package io.rewardlens.scoring;

/**
 * Where a token comes from in the rendered text, as Java string indices (UTF-16 code units), so
 * that {@code text.substring(start, end)} is the token's text. A token that holds only part of a
 * character (a byte of an emoji in a byte-level BPE) spans that whole character, so neighbouring
 * spans may overlap.
 *
 * @param start the first index, inclusive
 * @param end the last index, exclusive
 */
public record TokenSpan(int start, int end) {
    /** Rejects a negative or reversed span. */
    public TokenSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token span " + start + ".." + end);
        }
    }
}
