package io.rewardlens.ui.annotate;

import io.rewardlens.ui.tokens.HeatScale;
import io.rewardlens.ui.tokens.MessageHeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-token reward views of the pair on screen, by display side: what the token heat colours
 * and what the score chart draws, or why they cannot be shown.
 *
 * @param state where they stand; the sides and scale are set only when {@link TokenState#READY}
 * @param message why they are not shown, or empty
 * @param a response A's per-token scores, or null
 * @param b response B's per-token scores, or null
 * @param scale the colour scale shared by both responses, or null
 */
public record TokenView(
        TokenState state, String message, SideTokens a, SideTokens b, HeatScale scale) {
    /** Rejects a ready view without its data. */
    public TokenView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        if (state == TokenState.READY && (a == null || b == null || scale == null)) {
            throw new IllegalArgumentException("a ready token view needs both sides and a scale");
        }
    }

    /**
     * A view without per-token data.
     *
     * @param state why
     * @param message what to tell the user
     * @return the view
     */
    public static TokenView unavailable(TokenState state, String message) {
        return new TokenView(state, message, null, null, null);
    }

    /**
     * The per-token scores of both responses on one colour scale: the largest change of any run of
     * either response gets the strongest colour.
     *
     * @param a response A's
     * @param b response B's
     * @return the ready view
     */
    public static TokenView ready(SideTokens a, SideTokens b) {
        List<MessageHeat> all = new ArrayList<>(a.turns());
        all.addAll(b.turns());
        return new TokenView(TokenState.READY, "", a, b, HeatScale.over(all));
    }

    /**
     * The per-token scores of one display side.
     *
     * @param side A or B
     * @return its scores, null unless ready
     */
    public SideTokens side(DisplaySide side) {
        return side == DisplaySide.A ? a : b;
    }

    /**
     * Whether the views have data to show.
     *
     * @return true when ready
     */
    public boolean ready() {
        return state == TokenState.READY;
    }
}
