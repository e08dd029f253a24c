package io.rewardlens.scoring.template;

/**
 * Scanning helpers for the text of a jinja2 expression: skipping string literals and nested
 * brackets, finding a keyword at the top level. Used by the source translator and the {@code for}
 * tag, which must not mistake {@code 'in'} inside a string or {@code x[a:b]} inside a call for
 * syntax.
 */
final class ExpressionText {
    private ExpressionText() {}

    /** The index just after the string literal that opens at {@code start}. */
    static int skipString(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string literal");
    }

    /** The index of the bracket that closes the one at {@code open}, skipping strings. */
    static int matchingBracket(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced '" + s.charAt(open) + "'");
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * The index of {@code keyword} as a whole word outside strings and brackets, at or after {@code
     * from}, or -1.
     */
    static int findKeyword(String s, String keyword, int from) {
        int depth = 0;
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (isIdentifierStart(c)) {
                int end = i;
                while (end < s.length() && isIdentifierPart(s.charAt(end))) {
                    end++;
                }
                boolean attribute = i > 0 && s.charAt(i - 1) == '.';
                if (depth == 0 && !attribute && s.substring(i, end).equals(keyword)) {
                    return i;
                }
                i = end;
                continue;
            }
            i++;
        }
        return -1;
    }
}
