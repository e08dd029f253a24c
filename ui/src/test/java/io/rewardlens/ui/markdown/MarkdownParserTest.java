package io.rewardlens.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.ui.markdown.MarkdownDocument.Block;
import io.rewardlens.ui.markdown.MarkdownDocument.CodeBlock;
import io.rewardlens.ui.markdown.MarkdownDocument.CodeKind;
import io.rewardlens.ui.markdown.MarkdownDocument.CodeToken;
import io.rewardlens.ui.markdown.MarkdownDocument.Heading;
import io.rewardlens.ui.markdown.MarkdownDocument.ListBlock;
import io.rewardlens.ui.markdown.MarkdownDocument.Paragraph;
import io.rewardlens.ui.markdown.MarkdownDocument.Preformatted;
import io.rewardlens.ui.markdown.MarkdownDocument.Quote;
import io.rewardlens.ui.markdown.MarkdownDocument.Rule;
import io.rewardlens.ui.markdown.MarkdownDocument.Run;
import io.rewardlens.ui.markdown.MarkdownDocument.Style;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown to blocks and runs, each run tied to the message text it shows. */
class MarkdownParserTest {
    @Test
    void parsesTheBlocksResponsesUse() {
        String text =
                "# Title\n\n"
                    + "Some **bold** and *italic* text with `code` and a [link](https://x.y).\n\n"
                    + "- one\n"
                    + "- two\n\n"
                    + "3. three\n"
                    + "4. four\n\n"
                    + "> quoted\n\n"
                    + "---\n\n"
                    + "```python\n"
                    + "def f(x):\n"
                    + "    return x  # done\n"
                    + "```\n\n"
                    + "| a | b |\n"
                    + "|---|---|\n"
                    + "| 1 | 2 |\n";
        MarkdownDocument document = MarkdownParser.parse(text);
        List<Block> blocks = document.blocks();
        assertEquals(8, blocks.size(), blocks.toString());
        Heading heading = assertInstanceOf(Heading.class, blocks.get(0));
        assertEquals(1, heading.level());
        assertEquals("Title", heading.runs().get(0).text());

        Paragraph paragraph = assertInstanceOf(Paragraph.class, blocks.get(1));
        assertEquals(List.of(Style.BOLD), styleOf(paragraph, "bold"));
        assertEquals(List.of(Style.ITALIC), styleOf(paragraph, "italic"));
        assertEquals(List.of(Style.CODE), styleOf(paragraph, "code"));
        assertEquals(List.of(Style.LINK), styleOf(paragraph, "link"));

        ListBlock bullets = assertInstanceOf(ListBlock.class, blocks.get(2));
        assertEquals(false, bullets.ordered());
        assertEquals(2, bullets.items().size());
        ListBlock numbers = assertInstanceOf(ListBlock.class, blocks.get(3));
        assertEquals(true, numbers.ordered());
        assertEquals(3, numbers.start());
        assertInstanceOf(Quote.class, blocks.get(4));
        assertInstanceOf(Rule.class, blocks.get(5));

        CodeBlock code = assertInstanceOf(CodeBlock.class, blocks.get(6));
        assertEquals("python", code.language());
        assertEquals("def f(x):\n    return x  # done", code.code());
        assertEquals(List.of("def", "return"), tokensOf(code, CodeKind.KEYWORD));
        assertEquals(List.of("# done"), tokensOf(code, CodeKind.COMMENT));

        Preformatted table = assertInstanceOf(Preformatted.class, blocks.get(7));
        assertEquals(
                "| a | b |\n|---|---|\n| 1 | 2 |",
                table.runs().stream().map(Run::text).reduce("", String::concat));
    }

    @Test
    void runsPointBackAtTheTextTheyShow() throws IOException {
        String text;
        try (InputStream in =
                SampleData.class.getResourceAsStream(SampleData.SAMPLE_PAIRS_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        com.fasterxml.jackson.databind.ObjectMapper json =
                new com.fasterxml.jackson.databind.ObjectMapper();
        int checked = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode message :
                    json.readTree(line).get("chosen")) {
                String content = message.get("content").asText();
                MarkdownDocument document = MarkdownParser.parse(content);
                for (Run run : runs(document.blocks())) {
                    if (run.sourceStart() >= 0
                            && run.sourceEnd() - run.sourceStart() == run.text().length()) {
                        assertEquals(
                                content.substring(run.sourceStart(), run.sourceEnd()),
                                run.text(),
                                "a verbatim run shows its source");
                        checked++;
                    }
                }
                for (Block block : document.blocks()) {
                    if (block instanceof CodeBlock code) {
                        for (CodeToken token : code.tokens()) {
                            if (token.sourceStart() >= 0) {
                                assertEquals(
                                        token.text(),
                                        content.substring(
                                                token.sourceStart(),
                                                token.sourceStart() + token.text().length()));
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 500, "checked " + checked + " runs");
    }

    @Test
    void rawHtmlIsShownAsTextNeverInterpreted() {
        MarkdownDocument document =
                MarkdownParser.parse("<script>alert(1)</script>\n\nHi <b>x</b>");
        assertInstanceOf(Preformatted.class, document.blocks().get(0));
        assertEquals(
                "<script>alert(1)</script>",
                ((Preformatted) document.blocks().get(0)).runs().get(0).text());
        Paragraph paragraph = assertInstanceOf(Paragraph.class, document.blocks().get(1));
        assertEquals(
                "Hi <b>x</b>", paragraph.runs().stream().map(Run::text).reduce("", String::concat));
    }

    private static List<Style> styleOf(Paragraph paragraph, String text) {
        return paragraph.runs().stream()
                .filter(run -> run.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run " + text + " in " + paragraph))
                .styles();
    }

    private static List<String> tokensOf(CodeBlock code, CodeKind kind) {
        return code.tokens().stream()
                .filter(token -> token.kind() == kind)
                .map(CodeToken::text)
                .toList();
    }

    private static List<Run> runs(List<Block> blocks) {
        List<Run> runs = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Paragraph paragraph) {
                runs.addAll(paragraph.runs());
            } else if (block instanceof Heading heading) {
                runs.addAll(heading.runs());
            } else if (block instanceof Preformatted preformatted) {
                runs.addAll(preformatted.runs());
            } else if (block instanceof ListBlock list) {
                list.items().forEach(item -> runs.addAll(runs(item)));
            } else if (block instanceof Quote quote) {
                runs.addAll(runs(quote.blocks()));
            }
        }
        return runs;
    }
}
