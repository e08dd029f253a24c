package io.rewardlens.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.ui.markdown.MarkdownDocument.CodeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax colours: tokens cover the code without gaps and pick the language's comments. */
class CodeHighlighterTest {
    private static String kinds(String language, String code) {
        StringBuilder out = new StringBuilder();
        int covered = 0;
        for (CodeHighlighter.Token token : CodeHighlighter.highlight(language, code)) {
            assertEquals(covered, token.start(), "tokens leave no gap");
            covered = token.end();
            if (token.kind() != CodeKind.PLAIN) {
                out.append(token.kind().name().charAt(0))
                        .append(':')
                        .append(code, token.start(), token.end())
                        .append(' ');
            }
        }
        assertEquals(code.length(), covered, "tokens cover the code");
        return out.toString().strip();
    }

    @Test
    void coloursCommentsStringsNumbersAndKeywords() {
        assertEquals(
                "K:def K:return S:\"a # b\" N:42 C:# note",
                kinds("python", "def f():\n    return \"a # b\" + 42  # note"));
        assertEquals(
                "K:const S:'x' C:// why K:return N:0x1F",
                kinds("js", "const s = 'x'; // why\nreturn 0x1F;"));
        assertEquals("K:SELECT K:FROM C:-- all", kinds("sql", "SELECT * FROM t -- all"));
        assertEquals("", kinds("python", ""));
        assertEquals(
                List.of(new CodeHighlighter.Token(0, 5, CodeKind.PLAIN)),
                CodeHighlighter.highlight("brainfuck", "+-<>."));
    }
}
