package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.task.DirectExecutor;
import io.rewardlens.ui.tokens.TokenScores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-token view state on a pair of a real SQLite store, with the real demo model's results
 * (through a real score prefetcher, on the test thread).
 */
class TokenViewStateTest {
    @TempDir Path dir;

    private PreferenceStore store;
    private ScoringContext scoring;
    private final List<String> errors = new ArrayList<>();
    private ScorePrefetcher scores;
    private TokenViewState state;
    private PreparedPair pair;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        scoring = TestBench.scoring(store);
        scores = new ScorePrefetcher(new DirectExecutor(), errors::add, ids -> {});
        state = new TokenViewState(scores);
        StoredPair stored = store.pairs(PairQuery.all()).get(0);
        pair = PreparedPair.prepare(store, stored, "alice");
    }

    @AfterEach
    void close() {
        scoring.service().close();
        store.close();
        assertEquals(List.of(), errors);
    }

    private TokenState stateOf(PreparedPair onScreen, boolean hidden) {
        state.update(onScreen, hidden);
        return state.viewProperty().get().state();
    }

    @Test
    void offUntilTheHeatOrTheChartIsShownThenSaysWhyNotYet() {
        assertEquals(TokenState.OFF, stateOf(pair, false));
        state.toggleChart();
        assertEquals(TokenState.NO_MODEL, stateOf(pair, false));
        scores.use(store, scoring);
        assertEquals(TokenState.SCORING, stateOf(pair, false));
        scores.scoreLive(pair.stored());
        assertEquals(TokenState.HIDDEN, stateOf(pair, true));
        assertEquals(TokenState.READY, stateOf(pair, false));
        state.update(null, false);
        assertEquals(TokenState.OFF, state.viewProperty().get().state());
        assertEquals("No pair on screen", state.viewProperty().get().message());
        state.toggleChart();
        state.toggleHeat();
        assertEquals(TokenState.READY, stateOf(pair, false));
        state.toggleHeat();
        assertEquals(TokenState.OFF, stateOf(pair, false));
    }

    @Test
    void eachSideGetsTheResultOfTheStoredSideItShowsPlacedOncePerPair() {
        scores.use(store, scoring);
        scores.scoreLive(pair.stored());
        state.toggleHeat();
        state.update(pair, false);
        TokenView view = state.viewProperty().get();
        for (DisplaySide side : DisplaySide.values()) {
            ScoreResult result = scores.results(pair.id()).of(pair.storedSide(side));
            TokenScores placed = view.side(side).scores();
            assertEquals(TokenScores.of(result).count(), placed.count(), side.name());
            assertEquals(result.score(), placed.finalScore(), 1e-6, side.name());
            assertEquals(pair.turns(side).size(), view.side(side).turns().size(), side.name());
        }
        state.update(pair, false);
        assertSame(view, state.viewProperty().get(), "placed once");
        state.forget(Set.of(pair.id()));
        state.update(pair, false);
        assertNotSame(view, state.viewProperty().get(), "placed again after new scores");
    }

    @Test
    void aTokenPickedTwiceIsNoLongerMarkedAndLeavingThePairClearsAll() {
        scores.use(store, scoring);
        scores.scoreLive(pair.stored());
        state.toggleChart();
        state.update(pair, false);
        state.focus(4);
        assertEquals(4, state.focusedTokenProperty().get());
        state.focus(4);
        assertEquals(-1, state.focusedTokenProperty().get());
        state.focus(7);
        state.leavePair();
        assertEquals(-1, state.focusedTokenProperty().get());
        assertEquals(TokenState.OFF, state.viewProperty().get().state());
    }
}
