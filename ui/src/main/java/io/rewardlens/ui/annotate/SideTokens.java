package io.rewardlens.ui.annotate;

import io.rewardlens.ui.tokens.MessageHeat;
import io.rewardlens.ui.tokens.TokenScores;
import java.util.List;
import java.util.Objects;

/**
 * The per-token scores of one display side: the scores along its whole conversation (for the chart)
 * and the heat of each turn the side shows (for the text), in the order of {@link
 * PreparedPair#turns(DisplaySide)}.
 *
 * @param scores the scores along the side's conversation, prompt included
 * @param turns the heat of each turn the side shows
 * @param responseStart the position of the response's first token in the sequence (the first token
 *     of the first shown turn that has any), or -1 when none of its tokens was placed
 */
public record SideTokens(TokenScores scores, List<MessageHeat> turns, int responseStart) {
    /** Copies the turns. */
    public SideTokens {
        Objects.requireNonNull(scores, "scores");
        turns = List.copyOf(turns);
    }
}
