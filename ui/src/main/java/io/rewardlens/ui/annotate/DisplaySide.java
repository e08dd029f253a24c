package io.rewardlens.ui.annotate;

/** A side of the pair as the annotator sees it: response A (left) or B (right). */
public enum DisplaySide {
    /** The left response. */
    A,
    /** The right response. */
    B;

    /**
     * The other side.
     *
     * @return B for A, A for B
     */
    public DisplaySide other() {
        return this == A ? B : A;
    }
}
