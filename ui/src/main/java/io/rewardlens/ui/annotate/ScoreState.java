package io.rewardlens.ui.annotate;

/** Where the RM scores of the pair on screen stand. */
public enum ScoreState {
    /** No reward model is loaded. */
    NO_MODEL,
    /** The model is scoring the pair (a spinner shows). */
    SCORING,
    /** Both scores are known and shown. */
    READY,
    /** Both scores are known but hidden until the annotator gives a verdict (blind mode). */
    HIDDEN,
    /** The model could not score the pair (the message says why). */
    FAILED
}
