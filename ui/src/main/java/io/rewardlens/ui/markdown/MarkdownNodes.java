package io.rewardlens.ui.markdown;

import io.rewardlens.ui.markdown.MarkdownDocument.Block;
import io.rewardlens.ui.markdown.MarkdownDocument.CodeToken;
import io.rewardlens.ui.markdown.MarkdownDocument.Run;
import io.rewardlens.ui.markdown.MarkdownDocument.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Turns a {@link MarkdownDocument} into JavaFX nodes: a {@link VBox} of {@link TextFlow}s holding
 * one {@link Text} per run, styled by the {@code md-*} classes of the workbench style sheet. Only
 * light nodes (no controls), so a pair's text is cheap to build and lay out; like any node tree it
 * may be built on any thread before it is attached to a showing window.
 */
public final class MarkdownNodes {
    /**
     * A text node and the range of the message text it shows.
     *
     * @param text the node
     * @param sourceStart where its text starts in the message, or -1 when generated
     * @param sourceEnd where it ends (exclusive), or -1
     */
    public record Segment(Text text, int sourceStart, int sourceEnd) {}

    /**
     * A rendered message: its root node and every text node tied to the message text.
     *
     * @param root the node to show
     * @param segments the text nodes, in reading order
     */
    public record Rendered(VBox root, List<Segment> segments) {}

    private final List<Segment> segments = new ArrayList<>();

    private MarkdownNodes() {}

    /**
     * Builds the nodes of a document.
     *
     * @param document the parsed message
     * @return the root node and its text segments
     */
    public static Rendered render(MarkdownDocument document) {
        MarkdownNodes builder = new MarkdownNodes();
        VBox root = builder.blocks(document.blocks());
        root.getStyleClass().add("md-document");
        return new Rendered(root, List.copyOf(builder.segments));
    }

    private VBox blocks(List<Block> blocks) {
        VBox box = new VBox();
        box.getStyleClass().add("md-blocks");
        box.setMinHeight(0);
        for (Block block : blocks) {
            box.getChildren().add(block(block));
        }
        return box;
    }

    private Node block(Block block) {
        if (block instanceof MarkdownDocument.Paragraph paragraph) {
            return flow(paragraph.runs(), "md-paragraph");
        }
        if (block instanceof MarkdownDocument.Heading heading) {
            TextFlow flow = flow(heading.runs(), "md-heading");
            flow.getStyleClass().add("md-h" + Math.min(heading.level(), 4));
            return flow;
        }
        if (block instanceof MarkdownDocument.Preformatted preformatted) {
            TextFlow flow = newFlow();
            flow.getStyleClass().add("md-pre");
            for (Run run : preformatted.runs()) {
                flow.getChildren()
                        .add(text(run.text(), run.sourceStart(), run.sourceEnd(), "md-mono"));
            }
            return flow;
        }
        if (block instanceof MarkdownDocument.CodeBlock code) {
            return codeBlock(code);
        }
        if (block instanceof MarkdownDocument.ListBlock list) {
            return list(list);
        }
        if (block instanceof MarkdownDocument.Quote quote) {
            VBox box = blocks(quote.blocks());
            box.getStyleClass().add("md-quote");
            return box;
        }
        Region rule = new Region();
        rule.getStyleClass().add("md-rule");
        return rule;
    }

    private static TextFlow newFlow() {
        return new WrappingTextFlow();
    }

    private TextFlow flow(List<Run> runs, String styleClass) {
        TextFlow flow = newFlow();
        flow.getStyleClass().add(styleClass);
        for (Run run : runs) {
            Text text = text(run.text(), run.sourceStart(), run.sourceEnd(), "md-text");
            for (Style style : run.styles()) {
                text.getStyleClass().add("md-" + style.name().toLowerCase(Locale.ROOT));
            }
            flow.getChildren().add(text);
        }
        return flow;
    }

    private Node codeBlock(MarkdownDocument.CodeBlock code) {
        TextFlow flow = newFlow();
        flow.getStyleClass().add("md-code-block");
        for (CodeToken token : code.tokens()) {
            int start = token.sourceStart();
            Text text =
                    text(
                            token.text(),
                            start,
                            start < 0 ? -1 : start + token.text().length(),
                            "md-mono");
            if (token.kind() != MarkdownDocument.CodeKind.PLAIN) {
                text.getStyleClass().add("md-code-" + token.kind().name().toLowerCase(Locale.ROOT));
            }
            flow.getChildren().add(text);
        }
        return flow;
    }

    private Node list(MarkdownDocument.ListBlock list) {
        VBox box = new VBox();
        box.getStyleClass().add("md-list");
        box.setMinHeight(0);
        int number = list.start();
        for (List<Block> item : list.items()) {
            Text marker = new Text(list.ordered() ? (number++) + "." : "\u2022");
            marker.getStyleClass().setAll("md-text", "md-list-marker");
            ListItemPane row = new ListItemPane(marker, blocks(item));
            row.getStyleClass().add("md-list-item");
            box.getChildren().add(row);
        }
        return box;
    }

    private Text text(String value, int sourceStart, int sourceEnd, String styleClass) {
        Text text = new Text(value);
        // Replacing the default "text" class leaves the theme far fewer selectors to try on each
        // of the many text nodes of a response (style matching is most of the cost of showing it).
        text.getStyleClass().setAll(styleClass);
        segments.add(new Segment(text, sourceStart, sourceEnd));
        return text;
    }
}
