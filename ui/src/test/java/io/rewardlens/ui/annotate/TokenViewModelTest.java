package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.storescoring.StoreScoreCache;
import io.rewardlens.testsupport.FixtureBundles;
import io.rewardlens.ui.task.BackgroundExecutor;
import io.rewardlens.ui.task.DirectExecutor;
import io.rewardlens.ui.task.MutableClock;
import io.rewardlens.ui.tokens.HeatRun;
import io.rewardlens.ui.tokens.MessageHeat;
import io.rewardlens.ui.tokens.TokenScores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-token views of the annotation view model without the toolkit: a real SQLite store of the
 * sample pairs, the real demo model (and the tiny Llama 3 logits trace for a model without
 * per-token scores); background work runs on the test thread unless held back.
 */
class TokenViewModelTest {
    @TempDir Path dir;

    private PreferenceStore store;
    private ScoringContext scoring;
    private DirectExecutor executor;
    private final List<String> errors = new ArrayList<>();
    private AnnotationViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        scoring = TestBench.scoring(store);
        executor = new DirectExecutor();
        vm = newViewModel(executor);
        vm.setScoring(scoring);
        vm.open(store);
    }

    private AnnotationViewModel newViewModel(BackgroundExecutor background) {
        AnnotationViewModel model =
                new AnnotationViewModel(
                        background,
                        new MutableClock(Instant.parse("2026-03-01T10:00:00Z")),
                        errors::add);
        model.setAnnotator("alice");
        return model;
    }

    @AfterEach
    void close() {
        scoring.service().close();
        store.close();
        assertEquals(List.of(), errors);
    }

    private PreparedPair current() {
        return vm.currentProperty().get();
    }

    private TokenView view() {
        return vm.tokenViewProperty().get();
    }

    /** Shows the pair whose chosen answer holds some text. */
    private void showPairWith(String text) {
        while (!current().stored().pair().chosen().get(0).content().contains(text)) {
            vm.next();
        }
    }

    @Test
    void nothingIsComputedUntilTheHeatOrTheChartIsShown() {
        assertEquals(TokenState.OFF, view().state());
        assertFalse(vm.heatShownProperty().get());
        vm.toggleHeat();
        assertTrue(vm.heatShownProperty().get());
        assertEquals(TokenState.READY, view().state());
        vm.toggleHeat();
        assertEquals(TokenState.OFF, view().state());
        vm.toggleChart();
        assertTrue(vm.chartShownProperty().get());
        assertEquals(TokenState.READY, view().state());
        vm.toggleChart();
        assertEquals(TokenState.OFF, view().state());
    }

    @Test
    void eachSideCarriesItsOwnPerTokenScoresPlacedOnItsTurns() throws Exception {
        vm.toggleHeat();
        for (String text :
                List.of(
                        "```python",
                        "\uD83D\uDE42",
                        "\u901A\u8D27\u81A8\u80C0",
                        "\u0639\u0627\u0635\u0645\u0629")) {
            showPairWith(text);
            PreparedPair pair = current();
            TokenView view = view();
            assertTrue(view.ready(), text);
            for (DisplaySide side : DisplaySide.values()) {
                ScoreResult direct =
                        TestBench.demoModel()
                                .score(
                                        PairConversations.of(
                                                pair.stored().pair(), pair.storedSide(side)),
                                        ScoringContext.LENGTH_POLICY);
                SideTokens tokens = view.side(side);
                float[] expected = direct.perTokenScores();
                assertEquals(expected.length, tokens.scores().count(), side + " token count");
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], tokens.scores().score(i), 1e-5, side + " " + i);
                }
                List<Turn> turns = pair.turns(side);
                assertEquals(turns.size(), tokens.turns().size());
                int answerTurn = pair.prompt().size();
                assertEquals(
                        TokenScores.of(direct).firstTokenOf(answerTurn), tokens.responseStart());
                MessageHeat heat = tokens.turns().get(0);
                assertTrue(heat.located(), side + ": the answer is found in the rendering");
                // The runs give back the answer (this template keeps it whole).
                StringBuilder joined = new StringBuilder();
                for (HeatRun run : heat.runs()) {
                    joined.append(turns.get(0).text(), run.start(), run.end());
                }
                assertEquals(turns.get(0).text().strip(), joined.toString().strip(), text);
            }
            double largest =
                    Math.max(largest(view.side(DisplaySide.A)), largest(view.side(DisplaySide.B)));
            assertEquals(largest, view.scale().bound(), 0, "one symmetric scale for the pair");
        }
    }

    private static double largest(SideTokens side) {
        double largest = 0;
        for (MessageHeat heat : side.turns()) {
            for (HeatRun run : heat.runs()) {
                largest = Math.max(largest, Math.abs(run.delta()));
            }
        }
        return largest;
    }

    @Test
    void blindModeHidesThemUntilTheVerdict() {
        vm.setBlindMode(true, false);
        vm.toggleHeat();
        assertEquals(TokenState.HIDDEN, view().state());
        assertTrue(view().message().contains("blind"), view().message());
        assertEquals(null, view().a());
        long first = current().id();
        vm.giveVerdict(Verdict.A_BETTER);
        assertEquals(TokenState.HIDDEN, view().state(), "the next pair is hidden too");
        vm.previous();
        assertEquals(first, current().id());
        assertEquals(TokenState.READY, view().state());
    }

    @Test
    void theStateSaysWhyWhileScoresAreNotIn() {
        vm.toggleChart();
        executor.holdWork(title -> title.startsWith("Scoring"));
        vm.next();
        // The next pair was scored ahead; one further on is not yet.
        for (int i = 0; i < AnnotationViewModel.LOOKAHEAD; i++) {
            vm.next();
        }
        assertEquals(TokenState.SCORING, view().state(), view().message());
        executor.releaseHeld();
        assertEquals(TokenState.READY, view().state());

        vm.setScoring(null);
        assertEquals(TokenState.NO_MODEL, view().state());
    }

    @Test
    void aPickedTokenIsForgottenOnTheNextPair() {
        vm.toggleChart();
        vm.focusToken(12);
        assertEquals(12, vm.focusedTokenProperty().get());
        vm.focusToken(12);
        assertEquals(-1, vm.focusedTokenProperty().get(), "picking it again clears it");
        vm.focusToken(7);
        vm.next();
        assertEquals(-1, vm.focusedTokenProperty().get());
    }

    @Test
    void scoresFromTheStoreCacheCarryTheirPerTokenDetail() {
        vm.toggleHeat();
        TokenView live = view();
        assertTrue(live.ready());
        // A second session on the same store: every score now comes from the SQLite cache.
        AnnotationViewModel again = newViewModel(new DirectExecutor());
        ScoringService cached =
                new ScoringService(TestBench.demoModel(), new StoreScoreCache(store.scoreCache()));
        try {
            again.setScoring(new ScoringContext(cached, scoring.model()));
            again.open(store);
            again.toggleHeat();
            TokenView fromCache = again.tokenViewProperty().get();
            assertTrue(fromCache.ready());
            for (DisplaySide side : DisplaySide.values()) {
                TokenScores a = live.side(side).scores();
                TokenScores b = fromCache.side(side).scores();
                assertEquals(a.count(), b.count());
                for (int i = 0; i < a.count(); i++) {
                    assertEquals(a.score(i), b.score(i), 0, side + " token " + i);
                    assertEquals(a.start(i), b.start(i));
                    assertEquals(a.end(i), b.end(i));
                }
                assertEquals(live.side(side).turns(), fromCache.side(side).turns());
            }
        } finally {
            cached.close();
        }
    }

    @Test
    void theSameViewIsKeptWhileThePairStaysOnScreen() {
        vm.toggleHeat();
        TokenView first = view();
        vm.toggleChart();
        assertSame(first, view());
        vm.next();
        vm.previous();
        assertSame(first, view(), "kept for the pair, not placed again");
    }

    @Test
    void aModelWithoutPerTokenScoresSaysSo() throws Exception {
        Path logits = FixtureBundles.logitsTraceOnly(dir.resolve("logits"));
        try (RewardModel model = FixtureBundles.load(logits, DeviceChoice.CPU)) {
            ScoringService service =
                    new ScoringService(model, new StoreScoreCache(store.scoreCache()));
            try {
                DatasetScoring registration =
                        new DatasetScoring(store, service, ScoringContext.LENGTH_POLICY);
                vm.setScoring(new ScoringContext(service, registration.registerModel()));
                vm.toggleHeat();
                assertEquals(ScoreState.READY, vm.scoreViewProperty().get().state());
                assertEquals(TokenState.NO_PER_TOKEN, view().state());
                assertTrue(view().message().contains("per-token"), view().message());
                vm.setScoring(scoring);
                assertEquals(TokenState.READY, view().state());
            } finally {
                service.close();
            }
        }
    }

    @Test
    void aDivergingPairPlacesEveryTurnOfEachSide() throws Exception {
        store.createDataset("diverging", null);
        PreferencePair pair =
                PreferencePair.fromConversations(
                        "test",
                        1,
                        List.of(
                                new ChatMessage("user", "Hi \uD83D\uDC4B"),
                                new ChatMessage("assistant", "Hello!"),
                                new ChatMessage("user", "A joke?"),
                                new ChatMessage("assistant", "Why did the \uD83D\uDC14 cross?")),
                        List.of(
                                new ChatMessage("user", "Hey"),
                                new ChatMessage("assistant", "No.")),
                        null);
        store.addPair("diverging", pair);
        vm.setFilter(QueueFilter.all().withDataset("diverging"));
        vm.toggleHeat();
        TokenView view = view();
        assertTrue(view.ready());
        for (DisplaySide side : DisplaySide.values()) {
            SideTokens tokens = view.side(side);
            List<Turn> turns = current().turns(side);
            assertEquals(turns.size(), tokens.turns().size());
            for (int k = 0; k < turns.size(); k++) {
                MessageHeat heat = tokens.turns().get(k);
                assertEquals(k, heat.turn(), "a diverging side's turn k is message k");
                assertTrue(heat.located());
                assertNotNull(heat.runAt(turns.get(k).text().length() - 1));
            }
            assertEquals(tokens.scores().firstTokenOf(0), tokens.responseStart());
        }
    }
}
