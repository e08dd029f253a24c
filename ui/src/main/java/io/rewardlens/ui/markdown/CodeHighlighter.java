package io.rewardlens.ui.markdown;

import io.rewardlens.ui.markdown.MarkdownDocument.CodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits code into coloured tokens with a few regular expressions: comments, strings, numbers and
 * the keywords of common languages. Deliberately simple: it colours what responses usually hold
 * (Python, JavaScript, Java, C, shell, SQL, ...) and never fails on anything else.
 */
public final class CodeHighlighter {
    /**
     * A coloured range of the code.
     *
     * @param start first index, inclusive
     * @param end last index, exclusive
     * @param kind what it is
     */
    public record Token(int start, int end, CodeKind kind) {}

    private static final Set<String> HASH_COMMENT_LANGUAGES =
            Set.of(
                    "python",
                    "py",
                    "sh",
                    "bash",
                    "shell",
                    "zsh",
                    "console",
                    "ruby",
                    "rb",
                    "r",
                    "yaml",
                    "yml",
                    "perl",
                    "toml",
                    "dockerfile",
                    "makefile",
                    "make",
                    "powershell",
                    "ps1",
                    "julia",
                    "ini",
                    "conf",
                    "nim",
                    "elixir",
                    "tcl");

    private static final Set<String> DASH_COMMENT_LANGUAGES =
            Set.of("sql", "lua", "haskell", "hs", "ada", "postgresql", "mysql", "sqlite");

    private static final String KEYWORDS =
            "abstract|and|as|async|await|break|case|catch|class|const|continue|def|default|del"
                    + "|do|elif|else|enum|except|export|extends|false|False|final|finally|fn|for"
                    + "|from|func|function|go|if|impl|implements|import|in|interface|is|lambda"
                    + "|let|match|mod|module|mut|new|nil|None|not|null|or|package|pass|private"
                    + "|protected|pub|public|raise|return|self|static|struct|super|switch|this"
                    + "|throw|throws|trait|true|True|try|type|typeof|use|var|void|while|with"
                    + "|yield|int|long|float|double|char|bool|boolean|string|String|unsigned"
                    + "|select|SELECT|from|FROM|where|WHERE|join|JOIN|on|ON|group|GROUP|by|BY"
                    + "|order|ORDER|insert|INSERT|into|INTO|values|VALUES|update|UPDATE|set|SET"
                    + "|delete|DELETE|create|CREATE|table|TABLE|then|fi|done|echo|local|end";

    private static final String STRINGS =
            "\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:\\\\.|[^\"\\\\\\n])*\""
                    + "|'(?:\\\\.|[^'\\\\\\n])*'|`(?:\\\\.|[^`\\\\])*`";
    private static final String NUMBERS =
            "\\b0[xX][0-9a-fA-F]+\\b|\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b";

    private static final Pattern SLASH = pattern("//[^\\n]*|/\\*[\\s\\S]*?\\*/");
    private static final Pattern HASH = pattern("#[^\\n]*");
    private static final Pattern DASH = pattern("--[^\\n]*|/\\*[\\s\\S]*?\\*/");
    private static final Pattern ANY = pattern("//[^\\n]*|/\\*[\\s\\S]*?\\*/|#[^\\n]*");

    private CodeHighlighter() {}

    private static Pattern pattern(String comments) {
        return Pattern.compile(
                "(?<comment>"
                        + comments
                        + ")|(?<string>"
                        + STRINGS
                        + ")|(?<number>"
                        + NUMBERS
                        + ")|(?<keyword>\\b(?:"
                        + KEYWORDS
                        + ")\\b)");
    }

    /**
     * Splits code into tokens that cover it without gaps.
     *
     * @param language the fence's language word (any case), or empty when unknown
     * @param code the code
     * @return the tokens in order; their ranges cover the whole code
     */
    public static List<Token> highlight(String language, String code) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = patternFor(language).matcher(code);
        int plainFrom = 0;
        while (matcher.find()) {
            if (matcher.start() > plainFrom) {
                tokens.add(new Token(plainFrom, matcher.start(), CodeKind.PLAIN));
            }
            tokens.add(new Token(matcher.start(), matcher.end(), kindOf(matcher)));
            plainFrom = matcher.end();
        }
        if (plainFrom < code.length()) {
            tokens.add(new Token(plainFrom, code.length(), CodeKind.PLAIN));
        }
        return tokens;
    }

    private static Pattern patternFor(String language) {
        String lower = language.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return ANY;
        }
        if (HASH_COMMENT_LANGUAGES.contains(lower)) {
            return HASH;
        }
        if (DASH_COMMENT_LANGUAGES.contains(lower)) {
            return DASH;
        }
        return SLASH;
    }

    private static CodeKind kindOf(Matcher matcher) {
        if (matcher.group("comment") != null) {
            return CodeKind.COMMENT;
        }
        if (matcher.group("string") != null) {
            return CodeKind.STRING;
        }
        if (matcher.group("number") != null) {
            return CodeKind.NUMBER;
        }
        return CodeKind.KEYWORD;
    }
}
