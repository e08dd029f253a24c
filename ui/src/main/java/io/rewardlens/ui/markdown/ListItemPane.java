package io.rewardlens.ui.markdown;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A list item: its marker, then its content indented beside it. Lays the content out at exactly the
 * width left of the marker and never asks it for an unwrapped width: an {@code HBox} would, and
 * every such question makes each paragraph of the content lay its text out twice.
 */
final class ListItemPane extends Region {
    private static final double GAP = 6;
    private static final double MARKER_WIDTH = 18;

    private final Text marker;
    private final Region content;

    ListItemPane(Text marker, Region content) {
        this.marker = marker;
        this.content = content;
        getChildren().addAll(marker, content);
        setMinHeight(0);
    }

    private double contentWidth(double width) {
        Insets insets = getInsets();
        return Math.max(1, width - insets.getLeft() - insets.getRight() - MARKER_WIDTH - GAP);
    }

    /** Its height depends on its width, so containers must ask for the height at a width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets insets = getInsets();
        return insets.getLeft() + MARKER_WIDTH + GAP + 200 + insets.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets insets = getInsets();
        double contentHeight =
                width < 0 ? content.prefHeight(-1) : content.prefHeight(contentWidth(width));
        double markerHeight = marker.getLayoutBounds().getHeight();
        return insets.getTop() + Math.max(contentHeight, markerHeight) + insets.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double width = contentWidth(getWidth());
        marker.relocate(insets.getLeft(), insets.getTop());
        content.resizeRelocate(
                insets.getLeft() + MARKER_WIDTH + GAP,
                insets.getTop(),
                width,
                content.prefHeight(width));
    }
}
