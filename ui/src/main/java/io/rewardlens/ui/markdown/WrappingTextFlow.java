package io.rewardlens.ui.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.TextFlow;

/**
 * A text flow that is only ever as wide as its container makes it, and that remembers its height,
 * so that showing an already laid-out response costs almost nothing.
 *
 * <p>A plain {@link TextFlow} answers "how wide would you like to be" by laying its text out on one
 * line, and every "how tall at this width" by setting the wrapping width, measuring and setting the
 * old width back. When a line cannot be broken to fit (a long word, a wide table row, a long code
 * line), JavaFX lays all of the text out again on each of those width settings, even an unchanged
 * one: several full layouts per question, asked on every layout pass of a scroll pane above. Here
 * the preferred width is a modest constant (containers stretch it anyway), a height asked at no
 * particular width is the height at the current width, and the height at a width is kept until the
 * content changes (any {@link #requestLayout()}). Its minimum height is not computed either: the
 * markdown is shown in scroll panes that give every block its preferred height.
 *
 * <p>It can also paint backgrounds behind ranges of its text ({@link #setHighlights}), which a
 * plain text node cannot have: one {@link Path} per style class, drawn behind the text, outside the
 * text layout (unmanaged), and redrawn after each layout from the flow's own {@link
 * #rangeShape(int, int)}, so the backgrounds follow the lines as the text wraps.
 */
public class WrappingTextFlow extends TextFlow {
    /** The width a flow asks for before its container sizes it. */
    static final double PREFERRED_WIDTH = 240;

    private double heightFor = Double.NaN;
    private double height;
    private List<Highlight> highlights = List.of();
    private final Map<String, Path> layers = new LinkedHashMap<>();

    /**
     * A background behind a range of the flow's text.
     *
     * @param start the first character, counted over the flow's text nodes in order
     * @param end the end, exclusive
     * @param styleClass the style class of the background (its {@code -fx-fill})
     */
    public record Highlight(int start, int end, String styleClass) {
        /** Rejects empty ranges. */
        public Highlight {
            Objects.requireNonNull(styleClass, "styleClass");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad highlight " + start + ".." + end);
            }
        }
    }

    /** An empty flow. */
    public WrappingTextFlow() {
        setMinHeight(0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREFERRED_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        double at = width < 0 && getWidth() > 0 ? getWidth() : width;
        if (at >= 0 && at == heightFor) {
            return height;
        }
        double computed = super.computePrefHeight(at);
        if (at >= 0) {
            heightFor = at;
            height = computed;
        }
        return computed;
    }

    /**
     * Paints backgrounds behind ranges of the text, replacing any painted before. Ranges of one
     * style class share one shape.
     *
     * @param wanted the ranges (none to clear)
     */
    public void setHighlights(List<Highlight> wanted) {
        highlights = List.copyOf(wanted);
        getChildren().removeAll(layers.values());
        layers.clear();
        for (Highlight highlight : highlights) {
            layers.computeIfAbsent(highlight.styleClass(), WrappingTextFlow::layer);
        }
        // Behind the text; the flow lays out only managed children, so its text is unchanged.
        getChildren().addAll(0, layers.values());
        paintHighlights();
    }

    /**
     * The ranges painted now.
     *
     * @return the highlights, empty when none
     */
    public List<Highlight> highlights() {
        return highlights;
    }

    private static Path layer(String styleClass) {
        Path path = new Path();
        path.setManaged(false);
        path.setMouseTransparent(true);
        path.getStyleClass().setAll("text-highlight", styleClass);
        return path;
    }

    private void paintHighlights() {
        if (layers.isEmpty()) {
            return;
        }
        // The flow's range shapes leave out its insets (JavaFX 21): the layers are moved by them.
        Insets insets = getInsets();
        Map<String, List<PathElement>> shapes = new LinkedHashMap<>();
        for (Highlight highlight : highlights) {
            List<PathElement> elements =
                    shapes.computeIfAbsent(highlight.styleClass(), key -> new ArrayList<>());
            elements.addAll(List.of(rangeShape(highlight.start(), highlight.end())));
        }
        layers.forEach(
                (styleClass, path) -> {
                    path.getElements().setAll(shapes.getOrDefault(styleClass, List.of()));
                    path.setLayoutX(insets.getLeft());
                    path.setLayoutY(insets.getTop());
                });
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        paintHighlights();
    }

    @Override
    public void requestLayout() {
        heightFor = Double.NaN;
        super.requestLayout();
    }
}
