package io.rewardlens.ui.annotate;

/** Where the per-token reward views (token heat, score chart) of the pair on screen stand. */
public enum TokenState {
    /** Neither the heat nor the chart is shown, so nothing is computed. */
    OFF,
    /** No reward model is loaded. */
    NO_MODEL,
    /** The model is scoring the pair. */
    SCORING,
    /** The model could not score the pair. */
    FAILED,
    /** The model's trace gives only the final score (a logits trace): no per-token scores. */
    NO_PER_TOKEN,
    /** Blind mode: the per-token scores show after the annotator's verdict. */
    HIDDEN,
    /** Both responses' per-token scores are placed on their text. */
    READY
}
