package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.task.DirectExecutor;
import io.rewardlens.ui.task.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edit and re-score on the real store and demo model, without the toolkit. */
class EditViewModelTest {
    private static final String SCORING_EDIT = "Scoring the edited response";

    @TempDir Path dir;

    private PreferenceStore store;
    private ScoringContext scoring;
    private DirectExecutor executor;
    private final List<String> errors = new ArrayList<>();
    private AnnotationViewModel annotation;
    private EditViewModel edit;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        scoring = TestBench.scoring(store);
        executor = new DirectExecutor();
        annotation =
                new AnnotationViewModel(executor, new MutableClock(Instant.EPOCH), errors::add);
        annotation.setAnnotator("alice");
        annotation.setScoring(scoring);
        annotation.open(store);
        edit = new EditViewModel(annotation, EditViewModel.DEFAULT_DEBOUNCE);
    }

    @AfterEach
    void close() {
        scoring.service().close();
        store.close();
        assertEquals(List.of(), errors);
    }

    @Test
    void editingRescoresOnceTypingPausesAndShowsTheChange() throws Exception {
        PreparedPair pair = annotation.currentProperty().get();
        Side side = pair.storedSide(DisplaySide.B);
        PreferencePair original = pair.stored().pair();
        edit.start(DisplaySide.B);
        assertEquals(DisplaySide.B, edit.editingProperty().get());
        String text = original.completion(side).get(0).content();
        assertEquals(text, edit.textProperty().get());
        assertEquals(ScoreState.READY, edit.stateProperty().get());
        double originalScore = TestBench.directScore(PairConversations.of(original, side));
        assertEquals(originalScore, edit.originalScoreProperty().get(), 1e-6);
        assertEquals(0, edit.scoreChangeProperty().get(), 1e-6);

        long before = executor.ran(SCORING_EDIT);
        edit.setText(text + " I");
        edit.setText(text + " I am");
        edit.setText(text + " I am not sure.");
        assertEquals(ScoreState.SCORING, edit.stateProperty().get());
        assertEquals(before, executor.ran(SCORING_EDIT), "nothing scored while typing");
        executor.runScheduled();
        assertEquals(before + 1, executor.ran(SCORING_EDIT), "scored once when typing paused");

        List<ChatMessage> edited = List.of(new ChatMessage("assistant", text + " I am not sure."));
        PreferencePair expectedPair =
                side == Side.CHOSEN
                        ? original.withCompletions(edited, original.rejected())
                        : original.withCompletions(original.chosen(), edited);
        double editedScore = TestBench.directScore(PairConversations.of(expectedPair, side));
        assertEquals(ScoreState.READY, edit.stateProperty().get());
        assertEquals(editedScore, edit.editedScoreProperty().get(), 1e-6);
        assertEquals(editedScore - originalScore, edit.scoreChangeProperty().get(), 1e-6);
    }

    @Test
    void savingAVariantStoresANewLinkedPairAndLeavesTheOriginalAlone() {
        PreparedPair pair = annotation.currentProperty().get();
        StoredPair originalBefore = store.pair(pair.id()).orElseThrow();
        Side side = pair.storedSide(DisplaySide.A);
        edit.start(DisplaySide.A);
        edit.setText("A much shorter answer.");
        executor.runScheduled();
        edit.saveAsVariant();

        StoredPair variant = edit.savedVariantProperty().get();
        assertNotNull(variant);
        StoredPair stored = store.pair(variant.id()).orElseThrow();
        assertEquals(pair.id(), stored.pair().parentPairId());
        assertEquals(pair.stored().dataset(), stored.dataset());
        assertEquals("A much shorter answer.", stored.pair().completion(side).get(0).content());
        assertEquals(
                originalBefore.pair().completion(side.other()),
                stored.pair().completion(side.other()));
        assertEquals(originalBefore.pair().prompt(), stored.pair().prompt());
        assertEquals(originalBefore, store.pair(pair.id()).orElseThrow(), "original unchanged");
        assertTrue(edit.messageProperty().get().contains("#" + variant.id()));

        annotation.next();
        assertEquals(variant.id(), annotation.currentProperty().get().id());
        assertNull(edit.editingProperty().get(), "moving on closes the editor");
    }

    @Test
    void inBlindModeTheEditorHidesScoresUntilTheVerdict() {
        annotation.setBlindMode(true, false);
        edit.start(DisplaySide.A);
        assertEquals(ScoreState.HIDDEN, edit.stateProperty().get());
        assertTrue(Double.isNaN(edit.originalScoreProperty().get()));
        assertTrue(Double.isNaN(edit.editedScoreProperty().get()));

        annotation.giveVerdict(Verdict.A_BETTER);
        annotation.previous();
        edit.start(DisplaySide.A);
        assertEquals(ScoreState.READY, edit.stateProperty().get());
        assertTrue(Double.isFinite(edit.editedScoreProperty().get()));
    }
}
