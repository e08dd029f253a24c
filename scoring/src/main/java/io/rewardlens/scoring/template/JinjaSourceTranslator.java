package io.rewardlens.scoring.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns jinja2 template source into source that Jinjava renders the same way. It lexes the template
 * as jinja2 does and applies jinja2's whitespace rules itself ({@code trim_blocks}, {@code
 * lstrip_blocks}, the {@code -} and {@code +} modifiers, dropping one trailing newline), so Jinjava
 * never sees a whitespace modifier and runs with its own trimming off: its {@code lstrip_blocks}
 * strips spaces before a tag even when text precedes it on the line. Inside tags it rewrites what
 * Jinjava cannot parse: Python string escapes ({@code '\u00e9'}) and slices with a step ({@code
 * messages[::-1]}), which become a call of {@value PythonObjectResolver#SLICE_METHOD}.
 */
final class JinjaSourceTranslator {
    private static final Pattern END_RAW = Pattern.compile("\\{%([-+]?)\\s*endraw\\s*([-+]?)%}");

    /** Text ending in {@code is} or {@code is not}: a following {@code none} names the test. */
    private static final Pattern TEST_POSITION = Pattern.compile("\\bis(\\s+not)?\\s*$");

    private static final Pattern KEYWORD_ARGUMENT =
            Pattern.compile("(\\s*)([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");
    private static final Set<String> KEYWORDS =
            Set.of(
                    "and",
                    "or",
                    "not",
                    "in",
                    "is",
                    "if",
                    "else",
                    "elif",
                    "for",
                    "recursive",
                    "import",
                    "as",
                    "from",
                    "with",
                    "without",
                    "context");

    /**
     * The block tags of transformers' environment: jinja2's own, the loop controls extension and
     * Hugging Face's {@code generation}; jinja2 refuses any other (even {@code do}) when compiling.
     */
    private static final Set<String> TAGS =
            Set.of(
                    "for",
                    "endfor",
                    "if",
                    "elif",
                    "else",
                    "endif",
                    "set",
                    "endset",
                    "macro",
                    "endmacro",
                    "call",
                    "endcall",
                    "filter",
                    "endfilter",
                    "with",
                    "endwith",
                    "block",
                    "endblock",
                    "extends",
                    "include",
                    "import",
                    "from",
                    "autoescape",
                    "endautoescape",
                    "break",
                    "continue",
                    "generation",
                    "endgeneration",
                    "endraw");

    /** Words that Jinjava's expression parser reserves but jinja2 allows as attribute names. */
    private static final Set<String> JUEL_KEYWORDS =
            Set.of("empty", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof", "null");

    /** Jinjava resolves this name to its interpreter object; a template must never name it. */
    private static final String JINJAVA_INTERPRETER_NAME = "____int3rpr3t3r____";

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private boolean lineStarting = true;

    private JinjaSourceTranslator(String src) {
        this.src = src;
    }

    /**
     * Translates a template.
     *
     * @param source jinja2 template source
     * @return equivalent Jinjava template source
     * @throws IllegalArgumentException for a tag that is never closed or a malformed expression,
     *     naming the line
     */
    static String translate(String source) {
        String src = source.replace("\r\n", "\n").replace('\r', '\n');
        if (src.endsWith("\n")) {
            // jinja2's keep_trailing_newline=False drops one newline from the source, not the
            // output.
            src = src.substring(0, src.length() - 1);
        }
        JinjaSourceTranslator t = new JinjaSourceTranslator(src);
        t.run();
        return t.out.toString();
    }

    private void run() {
        int pos = 0;
        while (true) {
            int open = nextOpen(pos);
            if (open < 0) {
                appendText(src.substring(pos));
                return;
            }
            String text = src.substring(pos, open);
            char kind = src.charAt(open + 1);
            int p = open + 2;
            char sign =
                    p < src.length() && (src.charAt(p) == '-' || src.charAt(p) == '+')
                            ? src.charAt(p)
                            : 0;
            if (sign == '-') {
                text = PythonStrings.rstrip(text, null);
            } else if (sign != '+' && kind != '{') {
                text = lstripBlock(text);
            }
            appendText(text);
            int contentStart = p + (sign != 0 ? 1 : 0);
            if (kind == '#') {
                int close = src.indexOf("#}", contentStart);
                if (close < 0) {
                    throw error(open, "comment is never closed with '#}'");
                }
                char rsign = close - 1 >= contentStart ? src.charAt(close - 1) : 0;
                pos = afterTag(close + 2, rsign, true);
                continue;
            }
            int close = findClose(contentStart, kind == '{' ? "}}" : "%}", open);
            char rsign = 0;
            int contentEnd = close;
            if (close > contentStart
                    && (src.charAt(close - 1) == '-'
                            || (kind == '%' && src.charAt(close - 1) == '+'))) {
                rsign = src.charAt(close - 1);
                contentEnd = close - 1;
            }
            String content = src.substring(contentStart, contentEnd).trim();
            if (kind == '{') {
                if (content.isEmpty()) {
                    throw error(open, "expected an expression inside '{{ }}'");
                }
                out.append("{{ ").append(expression(content, false, open)).append(" }}");
                pos = afterTag(close + 2, rsign, false);
            } else if (content.equals("raw")) {
                pos = raw(close + 2, rsign, open);
            } else {
                String tag = content.split("[^A-Za-z0-9_]", 2)[0];
                if (!TAGS.contains(tag)) {
                    throw error(open, "Encountered unknown tag '" + tag + "'.");
                }
                out.append("{% ").append(expression(content, true, open)).append(" %}");
                pos = afterTag(close + 2, rsign, true);
            }
        }
    }

    private int nextOpen(int from) {
        int i = src.indexOf('{', from);
        while (i >= 0 && i + 1 < src.length()) {
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
            i = src.indexOf('{', i + 1);
        }
        return -1;
    }

    /** jinja2's lstrip_blocks: drop spaces between the line start and a block or comment tag. */
    private String lstripBlock(String text) {
        int lineStart = text.lastIndexOf('\n') + 1;
        if (lineStart == 0 && !lineStarting) {
            return text;
        }
        String tail = text.substring(lineStart);
        if (!tail.isEmpty() && tail.codePoints().allMatch(PythonStrings::isSpace)) {
            return text.substring(0, lineStart);
        }
        return text;
    }

    /** Skips what a tag's end consumes; sets whether the next text starts a line. */
    private int afterTag(int after, char rsign, boolean block) {
        int next = after;
        if (rsign == '-') {
            while (next < src.length() && PythonStrings.isSpace(src.codePointAt(next))) {
                next += Character.charCount(src.codePointAt(next));
            }
        } else if (block && rsign != '+' && next < src.length() && src.charAt(next) == '\n') {
            next++;
        }
        lineStarting = next > after && src.charAt(next - 1) == '\n';
        return next;
    }

    /** A {@code {% raw %}} block: its text goes out verbatim, as a string expression. */
    private int raw(int afterBegin, char beginSign, int open) {
        int start = afterBegin;
        if (beginSign == '-') {
            while (start < src.length() && PythonStrings.isSpace(src.codePointAt(start))) {
                start += Character.charCount(src.codePointAt(start));
            }
        }
        lineStarting = start > afterBegin && src.charAt(start - 1) == '\n';
        Matcher end = END_RAW.matcher(src);
        if (!end.find(start)) {
            throw error(open, "raw block is never closed with '{% endraw %}'");
        }
        String data = src.substring(start, end.start());
        String sign = end.group(1);
        if (sign.equals("-")) {
            data = PythonStrings.rstrip(data, null);
        } else if (!sign.equals("+")) {
            data = lstripBlock(data);
        }
        if (!data.isEmpty()) {
            out.append("{{ ").append(stringLiteral(data)).append(" }}");
        }
        String endSign = end.group(2);
        return afterTag(end.end(), endSign.isEmpty() ? 0 : endSign.charAt(0), true);
    }

    private void appendText(String text) {
        if (text.endsWith("{")) {
            // A '{' right before a tag we emit would read as the start of a tag.
            out.append(text, 0, text.length() - 1).append("{{ '{' }}");
        } else {
            out.append(text);
        }
    }

    /** The index of the closing delimiter, skipping strings and nested brackets as jinja2 does. */
    private int findClose(int from, String delimiter, int open) {
        int depth = 0;
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (depth == 0 && src.startsWith(delimiter, i)) {
                return i;
            }
            if (c == '\'' || c == '"') {
                try {
                    i = ExpressionText.skipString(src, i);
                } catch (IllegalArgumentException e) {
                    throw error(i, "string literal is never closed");
                }
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            i++;
        }
        throw error(open, "tag is never closed with '" + delimiter + "'");
    }

    /** Rewrites one expression (or a block tag's content, whose first word is the tag name). */
    private String expression(String expr, boolean blockTag, int at) {
        try {
            return rewrite(expr, blockTag);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage() + " in '" + expr + "'");
        }
    }

    private String rewrite(String expr, boolean firstWordIsTag) {
        StringBuilder result = new StringBuilder();
        boolean afterValue = false;
        boolean tagNamePending = firstWordIsTag;
        // A macro's parameter list keeps its defaults as written; Jinjava's macro tag parses them.
        boolean macroSignature =
                firstWordIsTag && (expr.startsWith("macro ") || expr.startsWith("call"));
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                int end = i;
                int next = i;
                // Adjacent literals concatenate, as in Python: 'a' 'b' is 'ab'.
                while (next < expr.length()
                        && (expr.charAt(next) == '\'' || expr.charAt(next) == '"')) {
                    end = ExpressionText.skipString(expr, next);
                    value.append(decodeString(expr.substring(next + 1, end - 1)));
                    next = end;
                    while (next < expr.length() && Character.isWhitespace(expr.charAt(next))) {
                        next++;
                    }
                }
                result.append(stringLiteral(value.toString()));
                afterValue = true;
                i = end;
            } else if (ExpressionText.isIdentifierStart(c)) {
                int end = i;
                while (end < expr.length() && ExpressionText.isIdentifierPart(expr.charAt(end))) {
                    end++;
                }
                String word = expr.substring(i, end);
                if (word.equals(JINJAVA_INTERPRETER_NAME)) {
                    throw new IllegalArgumentException("the name '" + word + "' is not allowed");
                }
                boolean attribute = i > 0 && expr.charAt(i - 1) == '.';
                if (!attribute
                        && (word.equals("none") || word.equals("None"))
                        && !TEST_POSITION.matcher(result).find()) {
                    // Python's None, not Jinjava's null (which is also what undefined is).
                    result.append(PyNone.VARIABLE);
                } else if (attribute && JUEL_KEYWORDS.contains(word)) {
                    // x.empty is an attribute in jinja2 but a keyword to Jinjava's parser.
                    result.setLength(result.length() - 1);
                    result.append("['").append(word).append("']");
                } else {
                    result.append(word);
                }
                afterValue = attribute || !(tagNamePending || KEYWORDS.contains(word));
                tagNamePending = false;
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < expr.length()
                        && (ExpressionText.isIdentifierPart(expr.charAt(end))
                                || expr.charAt(end) == '.'
                                || ((expr.charAt(end) == '+' || expr.charAt(end) == '-')
                                        && (expr.charAt(end - 1) == 'e'
                                                || expr.charAt(end - 1) == 'E')))) {
                    end++;
                }
                result.append(expr.substring(i, end).replace("_", ""));
                afterValue = true;
                i = end;
            } else if (c == '(' && afterValue && !macroSignature) {
                int close = ExpressionText.matchingBracket(expr, i);
                result.append('(');
                List<String> args = splitTopLevel(expr.substring(i + 1, close), ',');
                for (int k = 0; k < args.size(); k++) {
                    result.append(k == 0 ? "" : ",").append(argument(args.get(k)));
                }
                result.append(')');
                afterValue = true;
                i = close + 1;
            } else if (c == '[' && afterValue) {
                int close = ExpressionText.matchingBracket(expr, i);
                String inner = expr.substring(i + 1, close);
                List<String> parts = splitTopLevel(inner, ':');
                if (parts.size() == 1) {
                    result.append('[').append(rewrite(inner, false)).append(']');
                } else if (parts.size() <= 3) {
                    trimEnd(result);
                    result.append('.').append(PythonObjectResolver.SLICE_METHOD).append('(');
                    for (int k = 0; k < 3; k++) {
                        String part = k < parts.size() ? parts.get(k).trim() : "";
                        result.append(k == 0 ? "" : ", ")
                                .append(part.isEmpty() ? "null" : rewrite(part, false));
                    }
                    result.append(')');
                } else {
                    throw new IllegalArgumentException("invalid slice '[" + inner + "]'");
                }
                afterValue = true;
                i = close + 1;
            } else {
                if (c == '}' && result.length() > 0 && result.charAt(result.length() - 1) == '}') {
                    // Jinjava's scanner would end the tag at "}}" even inside a dict literal.
                    result.append(' ');
                }
                result.append(c);
                if ((c == '+' || c == '-')
                        && i + 1 < expr.length()
                        && Character.isDigit(expr.charAt(i + 1))) {
                    // Jinjava's scanner cannot read "x+1": an operator directly before a digit.
                    result.append(' ');
                }
                if (!Character.isWhitespace(c)) {
                    afterValue = c == ')' || c == ']' || c == '}';
                    tagNamePending = false;
                }
                i++;
            }
        }
        return result.toString();
    }

    /**
     * One call argument. A keyword argument's value is parenthesised: Jinjava parses {@code k=v} as
     * an operator that binds tighter than {@code -}, so {@code k=n|length - 1} would subtract from
     * the parameter instead of computing its value.
     */
    private String argument(String arg) {
        Matcher keyword = KEYWORD_ARGUMENT.matcher(arg);
        if (keyword.lookingAt()) {
            String value = arg.substring(keyword.end());
            if (value.isBlank()) {
                throw new IllegalArgumentException("keyword argument without a value");
            }
            return keyword.group(1) + keyword.group(2) + "=(" + rewrite(value, false) + ")";
        }
        return arg.isBlank() ? arg : rewrite(arg, false);
    }

    private static void trimEnd(StringBuilder sb) {
        while (sb.length() > 0 && Character.isWhitespace(sb.charAt(sb.length() - 1))) {
            sb.setLength(sb.length() - 1);
        }
    }

    /** Splits at a separator outside strings and brackets. */
    static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = ExpressionText.skipString(s, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Decodes a Python string literal body as jinja2 does ({@code unicode-escape}). */
    static String decodeString(String body) {
        StringBuilder s = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                s.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n':
                    break;
                case '\\':
                case '\'':
                case '"':
                    s.append(e);
                    break;
                case 'a':
                    s.append('\u0007');
                    break;
                case 'b':
                    s.append('\b');
                    break;
                case 'f':
                    s.append('\f');
                    break;
                case 'n':
                    s.append('\n');
                    break;
                case 'r':
                    s.append('\r');
                    break;
                case 't':
                    s.append('\t');
                    break;
                case 'v':
                    s.append('\u000B');
                    break;
                case 'x':
                    i = appendCodePoint(s, body, i, 2);
                    break;
                case 'u':
                    i = appendCodePoint(s, body, i, 4);
                    break;
                case 'U':
                    i = appendCodePoint(s, body, i, 8);
                    break;
                default:
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < body.length()
                                && end < i + 2
                                && body.charAt(end) >= '0'
                                && body.charAt(end) <= '7') {
                            end++;
                        }
                        s.appendCodePoint(Integer.parseInt(body.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        // Python keeps unknown escapes as they are, backslash included.
                        s.append('\\').append(e);
                    }
            }
        }
        return s.toString();
    }

    private static int appendCodePoint(StringBuilder s, String body, int at, int digits) {
        if (at + digits > body.length()) {
            throw new IllegalArgumentException("truncated \\x, \\u or \\U escape");
        }
        try {
            s.appendCodePoint(Integer.parseInt(body.substring(at, at + digits), 16));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid \\x, \\u or \\U escape");
        }
        return at + digits;
    }

    /** A single-quoted literal that Jinjava's scanner reads back as exactly {@code value}. */
    static String stringLiteral(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    s.append("\\\\");
                    break;
                case '\'':
                    s.append("\\'");
                    break;
                case '\n':
                    s.append("\\n");
                    break;
                case '\r':
                    s.append("\\r");
                    break;
                case '\t':
                    s.append("\\t");
                    break;
                default:
                    s.append(c);
            }
        }
        return s.append('\'').toString();
    }

    private IllegalArgumentException error(int at, String message) {
        int line = 1;
        for (int i = 0; i < at && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("chat template line " + line + ": " + message);
    }
}
