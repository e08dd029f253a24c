package io.rewardlens.ui.markdown;

import io.rewardlens.ui.markdown.MarkdownDocument.Block;
import io.rewardlens.ui.markdown.MarkdownDocument.CodeToken;
import io.rewardlens.ui.markdown.MarkdownDocument.Run;
import io.rewardlens.ui.markdown.MarkdownDocument.Style;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses a message's Markdown (CommonMark) into a {@link MarkdownDocument}. Thread-safe and cheap
 * enough to run for every message of the next pairs ahead of time. Raw HTML is shown as text, never
 * interpreted; paragraphs made only of {@code |} lines (pipe tables) are kept monospace.
 */
public final class MarkdownParser {
    private static final Parser PARSER =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private MarkdownParser() {}

    /**
     * Parses one message.
     *
     * @param markdown the message text
     * @return its blocks
     */
    public static MarkdownDocument parse(String markdown) {
        Node document = PARSER.parse(markdown);
        return new MarkdownDocument(markdown, blocks(document, markdown));
    }

    private static List<Block> blocks(Node parent, String source) {
        List<Block> blocks = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            Block block = block(node, source);
            if (block != null) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    private static Block block(Node node, String source) {
        if (node instanceof Paragraph) {
            if (isPipeTable(node, source)) {
                return new MarkdownDocument.Preformatted(rawLines(node, source));
            }
            return new MarkdownDocument.Paragraph(inlines(node));
        }
        if (node instanceof Heading heading) {
            return new MarkdownDocument.Heading(heading.getLevel(), inlines(node));
        }
        if (node instanceof FencedCodeBlock fenced) {
            String info = fenced.getInfo() == null ? "" : fenced.getInfo().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
            String code = stripFinalNewline(fenced.getLiteral());
            return codeBlock(language, code, locate(code, node, source));
        }
        if (node instanceof IndentedCodeBlock indented) {
            return codeBlock("", stripFinalNewline(indented.getLiteral()), -1);
        }
        if (node instanceof HtmlBlock html) {
            String text = stripFinalNewline(html.getLiteral());
            int start = locate(text, node, source);
            return new MarkdownDocument.Preformatted(
                    List.of(
                            new Run(
                                    text,
                                    List.of(),
                                    start,
                                    start < 0 ? -1 : start + text.length())));
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            List<List<Block>> items = new ArrayList<>();
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    items.add(blocks(item, source));
                }
            }
            if (node instanceof OrderedList ordered) {
                Integer start = ordered.getMarkerStartNumber();
                return new MarkdownDocument.ListBlock(true, start == null ? 1 : start, items);
            }
            return new MarkdownDocument.ListBlock(false, 1, items);
        }
        if (node instanceof BlockQuote) {
            return new MarkdownDocument.Quote(blocks(node, source));
        }
        if (node instanceof ThematicBreak) {
            return new MarkdownDocument.Rule();
        }
        // Link reference definitions and other invisible blocks show nothing.
        return null;
    }

    private static MarkdownDocument.CodeBlock codeBlock(String language, String code, int start) {
        List<CodeToken> tokens = new ArrayList<>();
        for (CodeHighlighter.Token token : CodeHighlighter.highlight(language, code)) {
            tokens.add(
                    new CodeToken(
                            code.substring(token.start(), token.end()),
                            token.kind(),
                            start < 0 ? -1 : start + token.start()));
        }
        return new MarkdownDocument.CodeBlock(language, tokens);
    }

    private static String stripFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Where {@code text} starts within the node's source, or -1 when it is not a verbatim copy. */
    private static int locate(String text, Node node, String source) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return -1;
        }
        int from = spans.get(0).getInputIndex();
        int at = source.indexOf(text, from);
        SourceSpan last = spans.get(spans.size() - 1);
        int blockEnd = last.getInputIndex() + last.getLength();
        return at >= 0 && at + text.length() <= blockEnd ? at : -1;
    }

    private static boolean isPipeTable(Node paragraph, String source) {
        List<SourceSpan> spans = paragraph.getSourceSpans();
        if (spans.size() < 2) {
            return false;
        }
        for (SourceSpan span : spans) {
            String line =
                    source.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
            if (!line.stripLeading().startsWith("|")) {
                return false;
            }
        }
        return true;
    }

    private static List<Run> rawLines(Node paragraph, String source) {
        List<Run> runs = new ArrayList<>();
        for (SourceSpan span : paragraph.getSourceSpans()) {
            if (!runs.isEmpty()) {
                runs.add(new Run("\n", List.of(), -1, -1));
            }
            int start = span.getInputIndex();
            int end = start + span.getLength();
            runs.add(new Run(source.substring(start, end), List.of(), start, end));
        }
        return runs;
    }

    private static List<Run> inlines(Node block) {
        List<Run> runs = new ArrayList<>();
        collect(block, EnumSet.noneOf(Style.class), runs);
        return merge(runs);
    }

    private static void collect(Node parent, Set<Style> styles, List<Run> runs) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                runs.add(run(text.getLiteral(), styles, node));
            } else if (node instanceof Code code) {
                Set<Style> inner = with(styles, Style.CODE);
                runs.add(run(code.getLiteral(), inner, node));
            } else if (node instanceof Emphasis) {
                collect(node, with(styles, Style.ITALIC), runs);
            } else if (node instanceof StrongEmphasis) {
                collect(node, with(styles, Style.BOLD), runs);
            } else if (node instanceof Link) {
                collect(node, with(styles, Style.LINK), runs);
            } else if (node instanceof Image) {
                runs.add(new Run("[image: ", List.copyOf(styles), -1, -1));
                collect(node, styles, runs);
                runs.add(new Run("]", List.copyOf(styles), -1, -1));
            } else if (node instanceof SoftLineBreak) {
                runs.add(run(" ", styles, node));
            } else if (node instanceof HardLineBreak) {
                runs.add(new Run("\n", List.copyOf(styles), -1, -1));
            } else if (node instanceof HtmlInline html) {
                runs.add(run(html.getLiteral(), styles, node));
            } else {
                collect(node, styles, runs);
            }
        }
    }

    private static Set<Style> with(Set<Style> styles, Style added) {
        EnumSet<Style> copy =
                styles.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(styles);
        copy.add(added);
        return copy;
    }

    private static Run run(String text, Set<Style> styles, Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return new Run(text, List.copyOf(styles), -1, -1);
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        return new Run(
                text,
                List.copyOf(styles),
                first.getInputIndex(),
                last.getInputIndex() + last.getLength());
    }

    /**
     * Joins neighbouring runs set alike whose texts are verbatim copies of adjacent source, so a
     * paragraph becomes few text nodes while every run still maps offset by offset to the source.
     */
    private static List<Run> merge(List<Run> runs) {
        List<Run> merged = new ArrayList<>(runs.size());
        for (Run run : runs) {
            if (!merged.isEmpty()) {
                Run previous = merged.get(merged.size() - 1);
                if (previous.styles().equals(run.styles())
                        && verbatim(previous)
                        && verbatim(run)
                        && previous.sourceEnd() == run.sourceStart()) {
                    merged.set(
                            merged.size() - 1,
                            new Run(
                                    previous.text() + run.text(),
                                    previous.styles(),
                                    previous.sourceStart(),
                                    run.sourceEnd()));
                    continue;
                }
            }
            merged.add(run);
        }
        return merged;
    }

    private static boolean verbatim(Run run) {
        return run.sourceStart() >= 0 && run.sourceEnd() - run.sourceStart() == run.text().length();
    }
}
