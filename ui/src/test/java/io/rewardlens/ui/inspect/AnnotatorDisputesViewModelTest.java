package io.rewardlens.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.analysis.TeamAgreement.Category;
import io.rewardlens.ui.inspect.AnnotatorDisputesViewModel.DisputeRow;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adjudication flow on a real store, without the toolkit. */
class AnnotatorDisputesViewModelTest {
    @TempDir Path dir;
    private PreferenceStore store;
    private final List<String> errors = new ArrayList<>();
    private final List<Long> opened = new ArrayList<>();
    private AnnotatorDisputesViewModel viewModel;
    private final List<StoredPair> pairs = new ArrayList<>();

    @BeforeEach
    void team() {
        store = PreferenceStore.open(dir.resolve("team.db"));
        store.createDataset("d", null);
        for (int i = 0; i < 3; i++) {
            pairs.add(
                    store.addPair(
                            "d",
                            PreferencePair.fromConversations(
                                    "src",
                                    i,
                                    List.of(
                                            new ChatMessage("user", "question " + i),
                                            new ChatMessage("assistant", "yes")),
                                    List.of(
                                            new ChatMessage("user", "question " + i),
                                            new ChatMessage("assistant", "no")),
                                    null)));
        }
        // Pair 0: ann and bob differ. Pair 1: they agree. Pair 2: bob skipped.
        verdict(pairs.get(0), "ann", Verdict.A_BETTER, 3, List.of("factual"), "it is right");
        verdict(pairs.get(0), "bob", Verdict.B_BETTER, 1, List.of(), "");
        verdict(pairs.get(1), "ann", Verdict.A_BETTER, 2, List.of(), "");
        verdict(pairs.get(1), "bob", Verdict.A_BETTER, 2, List.of(), "");
        verdict(pairs.get(2), "ann", Verdict.TIE, null, List.of(), "");
        verdict(pairs.get(2), "bob", Verdict.SKIP, null, List.of(), "");
        viewModel = new AnnotatorDisputesViewModel(new DirectExecutor(), errors::add, opened::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void verdict(
            StoredPair pair,
            String who,
            Verdict verdict,
            Integer strength,
            List<String> tags,
            String rationale) {
        store.saveAnnotation(
                new Annotation(
                        pair.id(),
                        who,
                        verdict,
                        strength,
                        tags,
                        rationale,
                        Side.CHOSEN,
                        900,
                        Instant.now()));
    }

    @Test
    void listsOnlyThePairsPeopleDifferOnWithEveryVerdict() {
        viewModel.setStore(store);
        List<DisputeRow> rows = viewModel.rowsProperty().get();
        assertEquals(1, rows.size());
        DisputeRow row = rows.get(0);
        assertEquals(pairs.get(0).id(), row.pairId());
        assertEquals("question 0", row.prompt());
        assertEquals(
                List.of(
                        "ann: chosen, strength 3, tags [factual], \u201cit is right\u201d",
                        "bob: rejected, strength 1"),
                row.verdicts());
        assertNull(row.adjudicated());
        assertEquals(
                "1 pair where annotators disagree, 0 adjudicated",
                viewModel.summaryProperty().get());
        viewModel.open(row);
        assertEquals(List.of(pairs.get(0).id()), opened);
    }

    @Test
    void theAdjudicatorsVerdictIsStoredAsItsOwnRoleAndShown() {
        viewModel.setStore(store);
        DisputeRow row = viewModel.rowsProperty().get().get(0);
        viewModel.adjudicate(row, Category.REJECTED, "bob is right: the answer is no");
        assertEquals(List.of(), errors);
        DisputeRow after = viewModel.rowsProperty().get().get(0);
        assertEquals("rejected", after.adjudicated());
        assertEquals(
                "1 pair where annotators disagree, 1 adjudicated",
                viewModel.summaryProperty().get());
        StoredAnnotation stored =
                store.annotations(row.pairId()).stream()
                        .filter(a -> a.annotation().annotator().equals(Annotation.ADJUDICATOR))
                        .findFirst()
                        .orElseThrow();
        assertEquals(Side.REJECTED, stored.annotation().preferredSide().orElseThrow());
        assertEquals("bob is right: the answer is no", stored.annotation().rationale());
        // A second decision replaces the first.
        viewModel.adjudicate(after, Category.TIE, "");
        assertEquals("tie", viewModel.rowsProperty().get().get(0).adjudicated());
        assertEquals(
                1,
                store.annotations(row.pairId()).stream()
                        .filter(a -> a.annotation().annotator().equals(Annotation.ADJUDICATOR))
                        .count());
        assertTrue(viewModel.rowsProperty().get().get(0).verdicts().size() == 2);
    }
}
