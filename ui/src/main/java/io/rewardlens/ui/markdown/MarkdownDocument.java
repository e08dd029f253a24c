package io.rewardlens.ui.markdown;

import java.util.List;
import java.util.Objects;

/**
 * A message's Markdown as plain data, ready to become nodes: blocks of styled text runs. Every run
 * knows the range of the message text it came from ({@link Run#sourceStart()}, {@link
 * Run#sourceEnd()}), so per-token overlays can find the runs that show a token.
 *
 * @param source the message text it was parsed from
 * @param blocks the top-level blocks, in order
 */
public record MarkdownDocument(String source, List<Block> blocks) {
    /** Copies the block list. */
    public MarkdownDocument {
        Objects.requireNonNull(source, "source");
        blocks = List.copyOf(blocks);
    }

    /** How a text run is set. */
    public enum Style {
        /** Strong emphasis. */
        BOLD,
        /** Emphasis. */
        ITALIC,
        /** Inline code (monospace). */
        CODE,
        /** Link text. */
        LINK
    }

    /** What a piece of a code block is, for syntax colours. */
    public enum CodeKind {
        /** Anything else. */
        PLAIN,
        /** A keyword of a common programming language. */
        KEYWORD,
        /** A string or character literal. */
        STRING,
        /** A comment. */
        COMMENT,
        /** A number literal. */
        NUMBER
    }

    /**
     * A piece of text set one way.
     *
     * @param text the text as shown
     * @param styles how it is set (any combination)
     * @param sourceStart where it starts in the message text (UTF-16 index), or -1 if generated
     * @param sourceEnd where it ends in the message text (exclusive), or -1 if generated
     */
    public record Run(String text, List<Style> styles, int sourceStart, int sourceEnd) {
        /** Copies the styles. */
        public Run {
            Objects.requireNonNull(text, "text");
            styles = List.copyOf(styles);
        }
    }

    /**
     * A piece of a code block.
     *
     * @param text the text
     * @param kind what it is
     * @param sourceStart where it starts in the message text, or -1 if unknown
     */
    public record CodeToken(String text, CodeKind kind, int sourceStart) {
        /** Rejects null fields. */
        public CodeToken {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A block of the document. */
    public sealed interface Block
            permits Paragraph, Heading, CodeBlock, ListBlock, Quote, Rule, Preformatted {}

    /**
     * A paragraph of runs; line breaks are runs holding {@code "\n"}.
     *
     * @param runs the runs
     */
    public record Paragraph(List<Run> runs) implements Block {
        /** Copies the runs. */
        public Paragraph {
            runs = List.copyOf(runs);
        }
    }

    /**
     * A heading.
     *
     * @param level 1 to 6
     * @param runs the runs
     */
    public record Heading(int level, List<Run> runs) implements Block {
        /** Copies the runs. */
        public Heading {
            runs = List.copyOf(runs);
        }
    }

    /**
     * A fenced or indented code block, split into coloured tokens.
     *
     * @param language the fence's info word (e.g. {@code python}), or empty
     * @param tokens the code, in order; their texts joined give the code
     */
    public record CodeBlock(String language, List<CodeToken> tokens) implements Block {
        /** Copies the tokens. */
        public CodeBlock {
            Objects.requireNonNull(language, "language");
            tokens = List.copyOf(tokens);
        }

        /** The whole code text. */
        public String code() {
            StringBuilder code = new StringBuilder();
            tokens.forEach(token -> code.append(token.text()));
            return code.toString();
        }
    }

    /**
     * Text shown as is in a monospace font, such as a pipe table (tables are not parsed, but their
     * columns line up this way).
     *
     * @param runs the runs
     */
    public record Preformatted(List<Run> runs) implements Block {
        /** Copies the runs. */
        public Preformatted {
            runs = List.copyOf(runs);
        }
    }

    /**
     * A bulleted or numbered list.
     *
     * @param ordered whether the items are numbered
     * @param start the first number of a numbered list
     * @param items each item's blocks
     */
    public record ListBlock(boolean ordered, int start, List<List<Block>> items) implements Block {
        /** Copies the items. */
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A block quote.
     *
     * @param blocks the quoted blocks
     */
    public record Quote(List<Block> blocks) implements Block {
        /** Copies the blocks. */
        public Quote {
            blocks = List.copyOf(blocks);
        }
    }

    /** A thematic break (horizontal rule). */
    public record Rule() implements Block {}
}
