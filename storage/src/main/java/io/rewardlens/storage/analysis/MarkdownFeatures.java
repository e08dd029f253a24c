package io.rewardlens.storage.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts of Markdown formatting in a text, for the markdown-density bias plot. Four kinds count:
 *
 * <ul>
 *   <li><b>headers</b>: lines starting (after at most three spaces) with one to six {@code #}, a
 *       space and some text;
 *   <li><b>list items</b>: lines starting (after any indentation) with {@code -}, {@code *} or
 *       {@code +}, or a number followed by {@code .} or {@code )}, then a space and some text;
 *   <li><b>bold spans</b>: {@code **text**} or {@code __text__} within one line, the text not
 *       starting or ending with a space;
 *   <li><b>emoji</b>: code points in the pictograph blocks U+1F300–U+1FAFF (skin-tone modifiers
 *       U+1F3FB–U+1F3FF excluded) or the Miscellaneous Symbols and Dingbats blocks U+2600–U+27BF;
 *       each counts once, so a joined sequence counts its pictographs.
 * </ul>
 *
 * <p>Density is features per 1000 characters: {@code 1000 × total() / length}, the length being
 * counted in code points like {@link io.rewardlens.storage.PreferencePair#completionLength}.
 *
 * @param headers header lines
 * @param listItems list item lines
 * @param boldSpans bold spans
 * @param emoji emoji code points
 */
public record MarkdownFeatures(int headers, int listItems, int boldSpans, int emoji) {
    /** No formatting at all. */
    public static final MarkdownFeatures NONE = new MarkdownFeatures(0, 0, 0, 0);

    private static final Pattern HEADER = Pattern.compile("(?m)^ {0,3}#{1,6}[ \\t]+\\S");
    private static final Pattern LIST_ITEM =
            Pattern.compile("(?m)^[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\S");
    private static final Pattern BOLD =
            Pattern.compile(
                    "\\*\\*(?=[^\\s*])[^\\n"
                            + "]*?(?<=[^\\s*])\\*\\*|__(?=[^\\s_])[^\\n"
                            + "]*?(?<=[^\\s_])__");

    /** Counts the formatting of one text. */
    public static MarkdownFeatures of(String text) {
        return new MarkdownFeatures(
                count(HEADER, text), count(LIST_ITEM, text), count(BOLD, text), emoji(text));
    }

    /** Both counts added up. */
    public MarkdownFeatures plus(MarkdownFeatures other) {
        return new MarkdownFeatures(
                headers + other.headers,
                listItems + other.listItems,
                boldSpans + other.boldSpans,
                emoji + other.emoji);
    }

    /** All features together. */
    public int total() {
        return headers + listItems + boldSpans + emoji;
    }

    /**
     * Features per 1000 characters of a text of this length; 0 for an empty text.
     *
     * @param length the text's length in code points
     */
    public double density(int length) {
        return length == 0 ? 0 : 1000.0 * total() / length;
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static int emoji(String text) {
        return (int) text.codePoints().filter(MarkdownFeatures::isEmoji).count();
    }

    private static boolean isEmoji(int codePoint) {
        boolean skinTone = codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
        return (codePoint >= 0x1F300 && codePoint <= 0x1FAFF && !skinTone)
                || (codePoint >= 0x2600 && codePoint <= 0x27BF);
    }
}
