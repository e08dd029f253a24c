package io.rewardlens.ui.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts (java-diff-utils' Myers diff over words, runs of whitespace and
 * single punctuation marks): each text split into pieces that are either shared with the other text
 * or only in this one.
 *
 * @param left the first text's pieces; changed ones are not in the second text
 * @param right the second text's pieces; changed ones are not in the first text
 */
public record WordDiff(List<Piece> left, List<Piece> right) {
    private static final Pattern TOKEN =
            Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

    /** Copies the lists. */
    public WordDiff {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /**
     * A piece of one text.
     *
     * @param text the text
     * @param changed whether it is only in this text
     */
    public record Piece(String text, boolean changed) {
        /** Rejects a null text. */
        public Piece {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Compares two texts word by word.
     *
     * @param left the first text (response A)
     * @param right the second text (response B)
     * @return both texts as pieces; joining a side's pieces gives its text back
     */
    public static WordDiff compare(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        boolean[] changedA = new boolean[a.size()];
        boolean[] changedB = new boolean[b.size()];
        Patch<String> patch = DiffUtils.diff(a, b);
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            mark(changedA, delta.getSource().getPosition(), delta.getSource().size());
            mark(changedB, delta.getTarget().getPosition(), delta.getTarget().size());
        }
        return new WordDiff(pieces(a, changedA), pieces(b, changedB));
    }

    private static void mark(boolean[] changed, int from, int count) {
        for (int i = from; i < from + count; i++) {
            changed[i] = true;
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Joins neighbouring tokens of the same state; whitespace never counts as changed. */
    private static List<Piece> pieces(List<String> tokens, boolean[] changed) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentChanged = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean isChanged = changed[i] && !token.isBlank();
            if (current.length() > 0 && isChanged != currentChanged) {
                pieces.add(new Piece(current.toString(), currentChanged));
                current.setLength(0);
            }
            current.append(token);
            currentChanged = isChanged;
        }
        if (current.length() > 0) {
            pieces.add(new Piece(current.toString(), currentChanged));
        }
        return pieces;
    }
}
