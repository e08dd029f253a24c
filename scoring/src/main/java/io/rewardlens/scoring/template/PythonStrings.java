package io.rewardlens.scoring.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python {@code str} methods with Python's semantics, for the string methods that chat templates
 * call ({@code content.strip()}, {@code content.split('</think>')}, ...). Java's look-alikes differ
 * in ways that change the rendered text: {@link String#trim()} strips control characters but not
 * no-break spaces, {@link String#split(String)} takes a regex and drops trailing empty parts.
 */
final class PythonStrings {
    private PythonStrings() {}

    /**
     * Python's {@code str.isspace()} for one code point (Unicode White_Space as CPython sees it).
     */
    static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D)
                || (cp >= 0x1C && cp <= 0x20)
                || cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /** {@code s.strip(chars)}; {@code chars == null} strips whitespace. */
    static String strip(String s, String chars) {
        return rstrip(lstrip(s, chars), chars);
    }

    /** {@code s.lstrip(chars)}; {@code chars == null} strips whitespace. */
    static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!stripped(cp, chars)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    /** {@code s.rstrip(chars)}; {@code chars == null} strips whitespace. */
    static String rstrip(String s, String chars) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!stripped(cp, chars)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(Character.toString(cp)) >= 0;
    }

    /**
     * {@code s.split(sep, maxsplit)}: with a separator, every occurrence splits (empty parts kept);
     * without one, runs of whitespace split and leading/trailing whitespace yields no empty parts.
     */
    static List<String> split(String s, String sep, int maxsplit) {
        List<String> parts = new ArrayList<>();
        if (sep != null) {
            if (sep.isEmpty()) {
                throw new IllegalArgumentException("empty separator");
            }
            int start = 0;
            int at;
            while ((maxsplit < 0 || parts.size() < maxsplit) && (at = s.indexOf(sep, start)) >= 0) {
                parts.add(s.substring(start, at));
                start = at + sep.length();
            }
            parts.add(s.substring(start));
            return parts;
        }
        int i = skipSpace(s, 0);
        while (i < s.length()) {
            if (maxsplit >= 0 && parts.size() == maxsplit) {
                parts.add(rstrip(s.substring(i), null));
                return parts;
            }
            int end = i;
            while (end < s.length() && !isSpace(s.codePointAt(end))) {
                end += Character.charCount(s.codePointAt(end));
            }
            parts.add(s.substring(i, end));
            i = skipSpace(s, end);
        }
        return parts;
    }

    /** {@code s.rsplit(sep, maxsplit)}: like {@link #split} but counting splits from the right. */
    static List<String> rsplit(String s, String sep, int maxsplit) {
        if (maxsplit < 0) {
            return split(s, sep, maxsplit);
        }
        List<String> parts = new ArrayList<>();
        if (sep != null) {
            if (sep.isEmpty()) {
                throw new IllegalArgumentException("empty separator");
            }
            int end = s.length();
            int at;
            while (parts.size() < maxsplit && (at = s.lastIndexOf(sep, end - sep.length())) >= 0) {
                parts.add(0, s.substring(at + sep.length(), end));
                end = at;
            }
            parts.add(0, s.substring(0, end));
            return parts;
        }
        int end = skipSpaceBackwards(s, s.length());
        while (end > 0) {
            if (parts.size() == maxsplit) {
                parts.add(0, lstrip(s.substring(0, end), null));
                return parts;
            }
            int start = end;
            while (start > 0 && !isSpace(s.codePointBefore(start))) {
                start -= Character.charCount(s.codePointBefore(start));
            }
            parts.add(0, s.substring(start, end));
            end = skipSpaceBackwards(s, start);
        }
        return parts;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    private static int skipSpaceBackwards(String s, int end) {
        while (end > 0 && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return end;
    }

    /** {@code s.splitlines(keepends)} with Python's set of line boundaries. */
    static List<String> splitlines(String s, boolean keepends) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int breakLength = 0;
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                breakLength = 2;
            } else if (c == '\n'
                    || c == '\r'
                    || c == 0x0B
                    || c == 0x0C
                    || c == 0x1C
                    || c == 0x1D
                    || c == 0x1E
                    || c == 0x85
                    || c == 0x2028
                    || c == 0x2029) {
                breakLength = 1;
            }
            if (breakLength > 0) {
                lines.add(s.substring(start, keepends ? i + breakLength : i));
                i += breakLength;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** {@code s.replace(old, new, count)}; {@code count < 0} replaces all. */
    static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            if (old.isEmpty()) {
                StringBuilder out = new StringBuilder(replacement);
                s.codePoints().forEach(cp -> out.appendCodePoint(cp).append(replacement));
                return out.toString();
            }
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        int done = 0;
        while (done < count) {
            if (old.isEmpty()) {
                out.append(replacement);
                if (start >= s.length()) {
                    done++;
                    break;
                }
                int next = start + Character.charCount(s.codePointAt(start));
                out.append(s, start, next);
                start = next;
            } else {
                int at = s.indexOf(old, start);
                if (at < 0) {
                    break;
                }
                out.append(s, start, at).append(replacement);
                start = at + old.length();
            }
            done++;
        }
        return out.append(s.substring(Math.min(start, s.length()))).toString();
    }

    /** {@code s.title()}: upper case after every non-letter, lower case elsewhere. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                out.appendCodePoint(
                        previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
                previousCased = true;
            } else {
                out.appendCodePoint(cp);
                previousCased = false;
            }
        }
        return out.toString();
    }

    /** {@code s.capitalize()}: first character title-cased, the rest lower case. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT))
                .toString();
    }

    /** Python's {@code str.upper()}. */
    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Python's {@code str.lower()}. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Code point count, as Python's {@code len(str)}. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The code point at a Python index (negative counts from the end), as a one-char string. */
    static String charAt(String s, long index) {
        int length = length(s);
        long i = index < 0 ? index + length : index;
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("string index out of range");
        }
        int offset = s.offsetByCodePoints(0, (int) i);
        return new String(Character.toChars(s.codePointAt(offset)));
    }

    /** {@code s.find(sub)} in code points, -1 when absent. */
    static int find(String s, String sub, boolean fromRight) {
        int at = fromRight ? s.lastIndexOf(sub) : s.indexOf(sub);
        return at < 0 ? -1 : s.codePointCount(0, at);
    }

    /** {@code s.count(sub)}: non-overlapping occurrences. */
    static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return length(s) + 1;
        }
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    /** The code points of a string, each as a string: what iterating a Python str yields. */
    static List<String> characters(String s) {
        List<String> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }
}
