package io.rewardlens.ui.annotate;

import java.util.Objects;

/**
 * The RM scores of the pair on screen, as the annotator sees them (by display side).
 *
 * @param state where scoring stands; the scores are set only when {@link ScoreState#READY}
 * @param scoreA the score of response A, or NaN
 * @param scoreB the score of response B, or NaN
 * @param truncated whether either conversation was cut to fit the model
 * @param message why scoring failed, or what is going on; empty if nothing to say
 */
public record ScoreView(
        ScoreState state, double scoreA, double scoreB, boolean truncated, String message) {
    /** Rejects null fields. */
    public ScoreView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Scores without numbers in a given state.
     *
     * @param state the state
     * @param message what to say, or empty
     * @return the view
     */
    public static ScoreView of(ScoreState state, String message) {
        return new ScoreView(state, Double.NaN, Double.NaN, false, message);
    }

    /**
     * A minus B.
     *
     * @return the margin, NaN unless ready
     */
    public double margin() {
        return scoreA - scoreB;
    }

    /**
     * The side the model prefers.
     *
     * @return A or B, or null for a tie or when not ready
     */
    public DisplaySide preferred() {
        if (state != ScoreState.READY || scoreA == scoreB) {
            return null;
        }
        return scoreA > scoreB ? DisplaySide.A : DisplaySide.B;
    }
}
