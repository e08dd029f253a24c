package io.rewardlens.ui.inspect;

import static io.rewardlens.testsupport.ConstructedStore.addPair;
import static io.rewardlens.testsupport.ConstructedStore.prefers;
import static io.rewardlens.testsupport.ConstructedStore.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairImport;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.testsupport.ConstructedStore;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.DisplayOrder;
import io.rewardlens.ui.annotate.QueueFilter;
import io.rewardlens.ui.annotate.QueueState;
import io.rewardlens.ui.task.DirectExecutor;
import io.rewardlens.ui.task.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disagreement queue without the toolkit, on a real SQLite store built by hand so that every
 * expected row and its order follow from the scores and verdicts put in (see {@link #build()}).
 */
class DisagreementQueueViewModelTest {
    private static final String ME = "tester";

    @TempDir Path dir;

    private PreferenceStore store;
    private final List<String> errors = new ArrayList<>();
    private final DirectExecutor executor = new DirectExecutor();
    private AnnotationViewModel annotation;
    private DisagreementQueueViewModel queue;
    private final List<StoredPair> p = new ArrayList<>();
    private StoredModel alpha;
    private StoredModel beta;

    /*
     * Dataset d1 (chosen / rejected completion, lengths in characters), then d2:
     *   P0 d1 math "aaaa" (4) / "bbbbbbbbbb" (10)  alpha 1 vs 3    margin -2    beta +1
     *   P1 d1 math "cc" (2) / "dd" (2)             alpha 0 vs 5    margin -5    beta -1
     *   P2 d1 chat "eeeeee" (6) / "f" (1)          alpha 2 vs 1    margin +1;   bob prefers rejected
     *                                                                           [verbosity]
     *   P3 d1 chat "gg" (2) / "hhh" (3)            alpha 1 vs 1.5  margin -0.5; bob prefers rejected
     *                                                     [incorrect], carol chosen [verbosity]
     *   P4 d1 none "ii" / "jj"                     not scored
     *   P5 d2 math "kkk" (3) / "lll" (3)           alpha -1 vs 2   margin -3
     * So alpha contradicts the label on P1 (5), P5 (3), P0 (2), P3 (0.5), and humans on P2
     * (bob, 1) and P3 (carol, 0.5); beta contradicts the label on P1 only.
     */
    @BeforeEach
    void build() {
        store = PreferenceStore.open(dir.resolve("queue.db"));
        p.add(addPair(store, "d1", 0, "math", "aaaa", "bbbbbbbbbb"));
        p.add(addPair(store, "d1", 1, "math", "cc", "dd"));
        p.add(addPair(store, "d1", 2, "chat", "eeeeee", "f"));
        p.add(addPair(store, "d1", 3, "chat", "gg", "hhh"));
        p.add(addPair(store, "d1", 4, null, "ii", "jj"));
        p.add(addPair(store, "d2", 0, "math", "kkk", "lll"));
        alpha = ConstructedStore.model(store, "alpha");
        beta = ConstructedStore.model(store, "beta");
        store.saveScores(
                List.of(
                        score(p.get(0), alpha, 1, 3),
                        score(p.get(1), alpha, 0, 5),
                        score(p.get(2), alpha, 2, 1),
                        score(p.get(3), alpha, 1, 1.5),
                        score(p.get(5), alpha, -1, 2),
                        score(p.get(0), beta, 2, 1),
                        score(p.get(1), beta, 1, 2)));
        prefers(store, p.get(2), "bob", Side.REJECTED, "verbosity");
        prefers(store, p.get(3), "bob", Side.REJECTED, "incorrect");
        prefers(store, p.get(3), "carol", Side.CHOSEN, "verbosity");

        annotation =
                new AnnotationViewModel(
                        executor, new MutableClock(ConstructedStore.T0), errors::add);
        annotation.setAnnotator(ME);
        annotation.open(store);
        queue = new DisagreementQueueViewModel(executor, errors::add, annotation::showPair);
        queue.setStore(store);
    }

    @AfterEach
    void close() {
        store.close();
        assertEquals(List.of(), errors);
    }

    private List<Long> shownPairs() {
        return queue.rowsProperty().get().stream().map(DisagreementRow::pairId).toList();
    }

    private List<Long> ids(int... indices) {
        List<Long> ids = new ArrayList<>();
        for (int index : indices) {
            ids.add(p.get(index).id());
        }
        return ids;
    }

    @Test
    void listsTheFirstScoredModelsLabelContradictionsMostConfidentlyWrongFirst() {
        assertEquals(
                List.of(
                        new ModelOption(alpha.id(), "alpha (cpu)"),
                        new ModelOption(beta.id(), "beta (cpu)")),
                queue.modelsProperty().get());
        assertEquals(alpha.id(), queue.filterProperty().get().modelId());
        assertEquals(ids(1, 5, 0, 3), shownPairs());
        assertFalse(queue.hasMoreProperty().get());
        assertEquals(
                "4 disagreements: alpha (cpu) contradicts the dataset label, most confidently"
                        + " wrong first",
                queue.summaryProperty().get());

        DisagreementRow first = queue.rowsProperty().get().get(0);
        assertEquals("d1", first.dataset());
        assertEquals("math", first.source());
        assertEquals("label", first.contradicts());
        assertEquals(0, first.chosenScore());
        assertEquals(5, first.rejectedScore());
        assertEquals(-5, first.margin());
        assertEquals(5, first.wrongness());
        assertEquals(2, first.chosenLength());
        assertEquals(2, first.rejectedLength());
        assertEquals("", first.verdicts());

        DisagreementRow last = queue.rowsProperty().get().get(3);
        assertEquals("bob: rejected better, carol: chosen better", last.verdicts());
        assertEquals(-0.5, last.margin());
        DisagreementRow third = queue.rowsProperty().get().get(2);
        assertEquals(4, third.chosenLength());
        assertEquals(10, third.rejectedLength());
    }

    @Test
    void filtersByDatasetSourceTagLengthAndModel() {
        DisagreementFilter all = queue.filterProperty().get();
        queue.setFilter(all.withDataset("d1"));
        assertEquals(ids(1, 0, 3), shownPairs());
        queue.setFilter(all.withDataset("d2"));
        assertEquals(ids(5), shownPairs());
        queue.setFilter(all.withSource("math"));
        assertEquals(ids(1, 5, 0), shownPairs());
        queue.setFilter(all.withSource("chat"));
        assertEquals(ids(3), shownPairs());
        queue.setFilter(all.withTag("verbosity"));
        assertEquals(ids(3), shownPairs());
        queue.setFilter(all.withTag("incorrect").withDataset("d2"));
        assertEquals(List.of(), shownPairs());
        assertEquals(
                "alpha (cpu) contradicts the dataset label on no matching pair",
                queue.summaryProperty().get());
        // Both completions within 2..4 characters: P1 (2, 2), P5 (3, 3), P3 (2, 3), not P0 (4, 10).
        queue.setFilter(all.withLengthRange(2, 4));
        assertEquals(ids(1, 5, 3), shownPairs());
        queue.setFilter(all.withLengthBetween(4, 2));
        assertEquals(2, queue.filterProperty().get().minLength());
        assertEquals(ids(1, 5, 3), shownPairs());
        queue.setFilter(all.withModel(beta.id()));
        assertEquals(ids(1), shownPairs());
        assertEquals(-1, queue.rowsProperty().get().get(0).margin());
    }

    @Test
    void listsContradictionsOfHumansOrOfEither() {
        DisagreementFilter all = queue.filterProperty().get();
        queue.setFilter(all.withContradiction(Contradiction.HUMAN));
        assertEquals(ids(2, 3), shownPairs());
        assertEquals(
                List.of("human (bob)", "human (carol)"),
                queue.rowsProperty().get().stream().map(DisagreementRow::contradicts).toList());
        assertEquals(1, queue.rowsProperty().get().get(0).wrongness());

        // Equal wrongness: by pair, the label's row before the human's.
        queue.setFilter(all.withContradiction(Contradiction.EITHER));
        assertEquals(ids(1, 5, 0, 2, 3, 3), shownPairs());
        assertEquals(
                List.of("label", "label", "label", "human (bob)", "label", "human (carol)"),
                queue.rowsProperty().get().stream().map(DisagreementRow::contradicts).toList());
    }

    @Test
    void prefersThePairViewsModelUntilTheUserPicksOne() {
        DisagreementQueueViewModel fresh =
                new DisagreementQueueViewModel(executor, errors::add, annotation::showPair);
        fresh.setPreferredModel(beta.id());
        fresh.setStore(store);
        assertEquals(beta.id(), fresh.filterProperty().get().modelId());
        assertEquals(
                ids(1), fresh.rowsProperty().get().stream().map(DisagreementRow::pairId).toList());
        fresh.setFilter(fresh.filterProperty().get().withModel(alpha.id()));
        fresh.refresh();
        assertEquals(alpha.id(), fresh.filterProperty().get().modelId());

        PreferenceStore empty = PreferenceStore.open(dir.resolve("empty.db"));
        try {
            fresh.setStore(empty);
            assertNull(fresh.filterProperty().get().modelId());
            assertEquals(List.of(), fresh.rowsProperty().get());
            assertTrue(fresh.summaryProperty().get().startsWith("No model has scored pairs"));
        } finally {
            empty.close();
        }
    }

    @Test
    void readsALongQueueAPageAtATime() throws Exception {
        int count = DisagreementQueueViewModel.PAGE + 20;
        List<PairScore> scores = new ArrayList<>();
        try (PairImport many = store.beginImport("many", "constructed")) {
            for (int i = 0; i < count; i++) {
                ChatMessage question = new ChatMessage("user", "q" + i);
                many.add(
                        PreferencePair.fromConversations(
                                "bulk",
                                i,
                                List.of(question, new ChatMessage("assistant", "c" + i)),
                                List.of(question, new ChatMessage("assistant", "r" + i)),
                                null));
            }
            many.commit();
        }
        List<StoredPair> bulk = store.pairs(PairQuery.all().withDataset("many"));
        for (int i = 0; i < count; i++) {
            // Pair i is wrong by i + 1: the last pair comes first.
            scores.add(score(bulk.get(i), alpha, 0, i + 1));
        }
        store.saveScores(scores);

        queue.setFilter(queue.filterProperty().get().withDataset("many"));
        List<DisagreementRow> first = queue.rowsProperty().get();
        assertEquals(DisagreementQueueViewModel.PAGE, first.size());
        assertTrue(queue.hasMoreProperty().get());
        assertEquals(bulk.get(count - 1).id(), first.get(0).pairId());
        assertEquals(count, first.get(0).wrongness());
        assertTrue(queue.summaryProperty().get().startsWith("The first 500 disagreements"));

        queue.loadMore();
        List<DisagreementRow> all = queue.rowsProperty().get();
        assertEquals(count, all.size());
        assertFalse(queue.hasMoreProperty().get());
        assertEquals(bulk.get(0).id(), all.get(count - 1).pairId());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).wrongness() > all.get(i).wrongness());
        }
    }

    @Test
    void openingARowShowsItsPairForAVerdictThatIsSaved() {
        // The annotator works through d1; P5 (in d2) is not in the annotation queue.
        annotation.setFilter(QueueFilter.all().withDataset("d1"));
        assertEquals(p.get(0).id(), annotation.currentProperty().get().id());
        DisagreementRow row = queue.rowsProperty().get().get(1);
        assertEquals(p.get(5).id(), row.pairId());
        queue.open(row);
        assertEquals(QueueState.SHOWING, annotation.queueStateProperty().get());
        assertEquals(row.pairId(), annotation.currentProperty().get().id());

        annotation.giveVerdict(Verdict.A_BETTER);
        List<StoredAnnotation> saved = store.annotations(row.pairId());
        assertEquals(1, saved.size());
        assertEquals(ME, saved.get(0).annotation().annotator());
        assertEquals(Verdict.A_BETTER, saved.get(0).annotation().verdict());
        Side shownAsA = DisplayOrder.shownAsA(row.pairId(), ME);
        assertEquals(shownAsA, saved.get(0).annotation().displayedAsA());
        // The queue carries on after the pair that was on screen before.
        assertEquals(QueueState.SHOWING, annotation.queueStateProperty().get());
        assertEquals(p.get(1).id(), annotation.currentProperty().get().id());

        queue.refresh();
        DisagreementRow again = queue.rowsProperty().get().get(1);
        assertEquals(
                ME + (shownAsA == Side.CHOSEN ? ": chosen better" : ": rejected better"),
                again.verdicts());

        // A pair the annotation queue holds already is shown where it is.
        queue.open(queue.rowsProperty().get().get(0));
        assertEquals(p.get(1).id(), annotation.currentProperty().get().id());
        annotation.previous();
        assertEquals(p.get(5).id(), annotation.currentProperty().get().id());
    }
}
