package io.rewardlens.ui.tokens;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user-perceived characters (extended grapheme clusters) of a text: an emoji with its skin
 * tone, a ZWJ family, a flag, a letter with its combining marks. A range that starts and ends on
 * these boundaries never splits a surrogate pair, nor a character that is drawn as one glyph.
 */
final class Graphemes {
    /** Java's {@code \X} follows Unicode's extended grapheme clusters, emoji sequences included. */
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    /** For each index, the nearest boundary at or before it. */
    private final int[] floor;

    /** For each index, the nearest boundary at or after it. */
    private final int[] ceiling;

    private Graphemes(String text) {
        int length = text.length();
        boolean[] boundary = new boolean[length + 1];
        boundary[0] = true;
        boundary[length] = true;
        Matcher matcher = CLUSTER.matcher(text);
        while (matcher.find()) {
            boundary[matcher.start()] = true;
            boundary[matcher.end()] = true;
        }
        floor = new int[length + 1];
        ceiling = new int[length + 1];
        int last = 0;
        for (int i = 0; i <= length; i++) {
            if (boundary[i]) {
                last = i;
            }
            floor[i] = last;
        }
        int next = length;
        for (int i = length; i >= 0; i--) {
            if (boundary[i]) {
                next = i;
            }
            ceiling[i] = next;
        }
    }

    /**
     * The cluster boundaries of a text.
     *
     * @param text the text
     * @return its boundaries
     */
    static Graphemes of(String text) {
        return new Graphemes(text);
    }

    /** The nearest boundary at or before an index. */
    int floor(int index) {
        return floor[index];
    }

    /** The nearest boundary at or after an index. */
    int ceiling(int index) {
        return ceiling[index];
    }

    /** Whether an index lies between two clusters. */
    boolean isBoundary(int index) {
        return floor[index] == index;
    }
}
