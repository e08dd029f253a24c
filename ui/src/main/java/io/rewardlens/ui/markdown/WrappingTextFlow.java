package io.rewardlens.ui.markdown;

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
 */
public class WrappingTextFlow extends TextFlow {
    /** The width a flow asks for before its container sizes it. */
    static final double PREFERRED_WIDTH = 240;

    private double heightFor = Double.NaN;
    private double height;

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

    @Override
    public void requestLayout() {
        heightFor = Double.NaN;
        super.requestLayout();
    }
}
