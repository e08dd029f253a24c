package io.rewardlens.ui.annotate;

import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.ui.tokens.MessageHeat;
import io.rewardlens.ui.tokens.TokenScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The per-token views of the pair on screen: whether the token heat and the score chart are shown,
 * the per-token scores placed on each response's text while either is (or a state that says why
 * they are not available), and the token picked on the chart. Placing is done once per pair and
 * kept for the {@value #CACHE} pairs seen last.
 */
final class TokenViewState {
    /** How many pairs' placed per-token scores are kept. */
    static final int CACHE = 16;

    private static final TokenView OFF = TokenView.unavailable(TokenState.OFF, "");

    private final ScorePrefetcher scores;
    private final Map<Long, TokenView> placed = Lru.of(CACHE);

    private final ReadOnlyBooleanWrapper heatShown = new ReadOnlyBooleanWrapper(this, "heatShown");
    private final ReadOnlyBooleanWrapper chartShown =
            new ReadOnlyBooleanWrapper(this, "chartShown");
    private final ReadOnlyObjectWrapper<TokenView> view =
            new ReadOnlyObjectWrapper<>(this, "tokenView", OFF);
    private final ReadOnlyIntegerWrapper focusedToken =
            new ReadOnlyIntegerWrapper(this, "focusedToken", -1);

    /**
     * Heat and chart hidden.
     *
     * @param scores where the results of the pair on screen come from
     */
    TokenViewState(ScorePrefetcher scores) {
        this.scores = Objects.requireNonNull(scores, "scores");
    }

    /**
     * Whether the token heat colours the responses' text.
     *
     * @return true while toggled on
     */
    ReadOnlyBooleanProperty heatShownProperty() {
        return heatShown.getReadOnlyProperty();
    }

    /**
     * Whether the chart of the score along the tokens is shown.
     *
     * @return true while toggled on
     */
    ReadOnlyBooleanProperty chartShownProperty() {
        return chartShown.getReadOnlyProperty();
    }

    /**
     * The per-token view of the pair on screen, as of the last {@link #update}.
     *
     * @return the view
     */
    ReadOnlyObjectProperty<TokenView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /**
     * The token picked on the chart.
     *
     * @return its position in the sequence, -1 when none
     */
    ReadOnlyIntegerProperty focusedTokenProperty() {
        return focusedToken.getReadOnlyProperty();
    }

    /** Shows or hides the heat; {@link #update} then says what to show. */
    void toggleHeat() {
        heatShown.set(!heatShown.get());
    }

    /** Shows or hides the chart; {@link #update} then says what to show. */
    void toggleChart() {
        chartShown.set(!chartShown.get());
    }

    /**
     * Marks a token; picking it again clears the mark.
     *
     * @param token its position in the sequence, or -1 for none
     */
    void focus(int token) {
        focusedToken.set(token == focusedToken.get() ? -1 : Math.max(-1, token));
    }

    /** Clears the view and the mark before another pair shows, so none sees the last one's. */
    void leavePair() {
        focusedToken.set(-1);
        view.set(OFF);
    }

    /**
     * Says where the per-token views of the pair on screen stand.
     *
     * @param pair the pair on screen, or null
     * @param hidden whether blind mode hides its scores
     */
    void update(PreparedPair pair, boolean hidden) {
        view.set(viewOf(pair, hidden));
    }

    /**
     * Forgets what was placed for pairs (newly scored ones).
     *
     * @param pairIds the pairs
     */
    void forget(Set<Long> pairIds) {
        pairIds.forEach(placed::remove);
    }

    /** Forgets everything placed (another database, model or annotator). */
    void forgetAll() {
        placed.clear();
    }

    private TokenView viewOf(PreparedPair pair, boolean hidden) {
        if (!heatShown.get() && !chartShown.get()) {
            return OFF;
        }
        if (pair == null) {
            return TokenView.unavailable(TokenState.OFF, "No pair on screen");
        }
        if (scores.context() == null) {
            return TokenView.unavailable(
                    TokenState.NO_MODEL, "no reward model (Model \u2192 Open\u2026)");
        }
        PairResults results = scores.results(pair.id());
        if (results == null) {
            String failure = scores.failure(pair.id());
            return failure != null
                    ? TokenView.unavailable(TokenState.FAILED, "not scored: " + failure)
                    : TokenView.unavailable(TokenState.SCORING, "waiting for the scores\u2026");
        }
        if (hidden) {
            return TokenView.unavailable(TokenState.HIDDEN, "blind mode: shown after your verdict");
        }
        ScoreResult a = results.of(pair.storedSide(DisplaySide.A));
        ScoreResult b = results.of(pair.storedSide(DisplaySide.B));
        if (!a.hasPerTokenScores() || !b.hasPerTokenScores()) {
            return TokenView.unavailable(
                    TokenState.NO_PER_TOKEN,
                    "this model gives no per-token scores (its trace returns only the final"
                            + " score; a reward.torchscript.pt trace gives them)");
        }
        return placed.computeIfAbsent(
                pair.id(),
                id ->
                        TokenView.ready(
                                sideTokens(pair, DisplaySide.A, a),
                                sideTokens(pair, DisplaySide.B, b)));
    }

    /**
     * Places one side's per-token scores on the turns it shows. The turns of a side are the last
     * turns of its scored conversation (the prompt's turns come first), so turn {@code k} of the
     * side is message {@code prompt size + k} of the conversation.
     */
    private static SideTokens sideTokens(PreparedPair pair, DisplaySide side, ScoreResult result) {
        TokenScores tokens = TokenScores.of(result);
        List<Turn> turns = pair.turns(side);
        int first = pair.prompt().size();
        List<MessageHeat> heats = new ArrayList<>(turns.size());
        int responseStart = -1;
        for (int k = 0; k < turns.size(); k++) {
            heats.add(tokens.heat(first + k, turns.get(k).text(), turns.get(k).toolCalls()));
            if (responseStart < 0) {
                responseStart = tokens.firstTokenOf(first + k);
            }
        }
        return new SideTokens(tokens, heats, responseStart);
    }
}
