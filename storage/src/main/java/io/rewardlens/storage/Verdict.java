package io.rewardlens.storage;

/**
 * A human's judgement of a pair as it was shown: response A (left) or B (right) better, a tie, both
 * bad, or skipped. Which stored side A was is kept with the annotation ({@link
 * Annotation#displayedAsA()}).
 */
public enum Verdict {
    /** The response shown as A is better. */
    A_BETTER,
    /** The response shown as B is better. */
    B_BETTER,
    /** Both responses are about equally good. */
    TIE,
    /** Neither response is acceptable. */
    BOTH_BAD,
    /** The annotator passed on the pair without judging it. */
    SKIP
}
