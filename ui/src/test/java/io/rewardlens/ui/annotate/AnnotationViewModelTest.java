package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.AnnotationState;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.SourceSummary;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.task.DirectExecutor;
import io.rewardlens.ui.task.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation view model without the toolkit, on a real SQLite store of the sample pairs and the
 * real demo model; background work runs on the test thread.
 */
class AnnotationViewModelTest {
    private static final String ME = "alice";
    private static final List<String> TAGS = List.of("incorrect", "verbosity", "unsafe");

    @TempDir Path dir;

    private PreferenceStore store;
    private ScoringContext scoring;
    private DirectExecutor executor;
    private MutableClock clock;
    private final List<String> errors = new ArrayList<>();
    private AnnotationViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        scoring = TestBench.scoring(store);
        executor = new DirectExecutor();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        vm = new AnnotationViewModel(executor, clock, errors::add);
        vm.setAnnotator(ME);
        vm.setTags(TAGS);
        vm.setScoring(scoring);
        vm.open(store);
    }

    @AfterEach
    void close() {
        scoring.service().close();
        store.close();
        assertEquals(List.of(), errors);
    }

    private List<StoredPair> all() {
        return store.pairs(PairQuery.all());
    }

    private PreparedPair current() {
        return vm.currentProperty().get();
    }

    private Annotation onlyAnnotation(long pairId) {
        List<StoredAnnotation> saved = store.annotations(pairId);
        assertEquals(1, saved.size(), "annotations of pair " + pairId);
        return saved.get(0).annotation();
    }

    @Test
    void aReadOnlyStoreIsBrowsedAndScoredInMemoryButTakesNoVerdict() throws Exception {
        PreferenceStore writable = store;
        ScoringContext writableScoring = scoring;
        long pairs = all().size();
        long registered = scoring.model().id();
        store = PreferenceStore.openReadOnly(writable.file());
        scoring = TestBench.scoring(store);
        vm.setScoring(scoring);
        vm.open(store);
        writableScoring.service().close();
        writable.close();

        assertEquals("opened read-only", vm.readOnlyReasonProperty().get());
        assertEquals(registered, scoring.model().id(), "the registration found, not a new one");
        PreparedPair first = current();
        StoredPair stored = all().get(0);
        assertEquals(stored.id(), first.id());
        ScoreView scores = vm.scoreViewProperty().get();
        assertEquals(ScoreState.READY, scores.state());
        double chosen = TestBench.directScore(PairConversations.of(stored.pair(), Side.CHOSEN));
        double rejected = TestBench.directScore(PairConversations.of(stored.pair(), Side.REJECTED));
        assertEquals(first.shownAsA() == Side.CHOSEN ? chosen : rejected, scores.scoreA(), 1e-6);

        vm.giveVerdict(Verdict.A_BETTER);
        assertEquals(
                List.of("This database is read-only (opened read-only): verdicts are not saved"),
                errors);
        errors.clear();
        assertEquals(first.id(), current().id(), "the pair stays on screen");
        assertEquals(0, store.stats().annotations());
        assertEquals(0, vm.pendingWritesProperty().get());
        assertEquals(pairs, store.stats().pairs());
        assertEquals(1, store.models().size(), "nothing registered");
    }

    @Test
    void opensOnTheFirstPairWithItsScoresAndScoresTheNextFiveAhead() throws Exception {
        List<StoredPair> pairs = all();
        PreparedPair first = current();
        assertEquals(QueueState.SHOWING, vm.queueStateProperty().get());
        assertEquals(pairs.get(0).id(), first.id());

        ScoreView scores = vm.scoreViewProperty().get();
        assertEquals(ScoreState.READY, scores.state());
        double chosen =
                TestBench.directScore(PairConversations.of(pairs.get(0).pair(), Side.CHOSEN));
        double rejected =
                TestBench.directScore(PairConversations.of(pairs.get(0).pair(), Side.REJECTED));
        boolean chosenIsA = first.shownAsA() == Side.CHOSEN;
        assertEquals(chosenIsA ? chosen : rejected, scores.scoreA(), 1e-6);
        assertEquals(chosenIsA ? rejected : chosen, scores.scoreB(), 1e-6);
        assertEquals(
                scores.scoreA() > scores.scoreB() ? DisplaySide.A : DisplaySide.B,
                scores.preferred());

        long modelId = scoring.model().id();
        for (int i = 0; i <= AnnotationViewModel.LOOKAHEAD; i++) {
            Optional<PairScore> saved = store.score(pairs.get(i).id(), modelId);
            assertTrue(saved.isPresent(), "pair " + i + " scored ahead");
        }
        assertEquals(
                Optional.empty(),
                store.score(pairs.get(AnnotationViewModel.LOOKAHEAD + 1).id(), modelId));
        PairScore firstSaved = store.score(pairs.get(0).id(), modelId).orElseThrow();
        assertEquals(chosen, firstSaved.chosenScore(), 1e-6);
        assertEquals(rejected, firstSaved.rejectedScore(), 1e-6);

        // Moving on shows the next pair with its scores already known: no live request needed.
        long liveBefore = executor.ran("Scoring pair " + pairs.get(1).id());
        vm.next();
        assertEquals(pairs.get(1).id(), current().id());
        assertEquals(ScoreState.READY, vm.scoreViewProperty().get().state());
        assertEquals(liveBefore, executor.ran("Scoring pair " + pairs.get(1).id()));
        assertTrue(
                store.score(pairs.get(AnnotationViewModel.LOOKAHEAD + 1).id(), modelId)
                        .isPresent());
    }

    @Test
    void verdictsAreSavedWithTheirDetailsAndMappedBackToTheStoredSides() {
        List<StoredPair> pairs = all();
        PreparedPair first = current();
        vm.setStrength(2);
        vm.toggleTag(2);
        vm.toggleTag(0);
        vm.setRationale("A cites the right source");
        clock.advance(Duration.ofMillis(4200));
        vm.giveVerdict(Verdict.A_BETTER);

        Annotation saved = onlyAnnotation(first.id());
        assertEquals(ME, saved.annotator());
        assertEquals(Verdict.A_BETTER, saved.verdict());
        assertEquals(2, saved.strength());
        assertEquals(List.of("incorrect", "unsafe"), saved.tags());
        assertEquals("A cites the right source", saved.rationale());
        assertEquals(DisplayOrder.shownAsA(first.id(), ME), saved.displayedAsA());
        assertEquals(4200, saved.timeTakenMs());
        assertEquals(clock.instant(), saved.createdAt());
        assertEquals(Optional.of(first.shownAsA()), saved.preferredSide());

        // Moved on, with an empty draft.
        PreparedPair second = current();
        assertEquals(pairs.get(1).id(), second.id());
        assertNull(vm.verdictProperty().get());
        assertEquals(0, vm.strengthProperty().get());
        assertEquals(Set.of(), vm.selectedTagsProperty().get());
        assertEquals("", vm.rationaleProperty().get());

        clock.advance(Duration.ofMillis(1800));
        vm.giveVerdict(Verdict.B_BETTER);
        Annotation b = onlyAnnotation(second.id());
        assertNull(b.strength());
        assertEquals(Optional.of(second.shownAsA().other()), b.preferredSide());
        vm.giveVerdict(Verdict.TIE);
        vm.giveVerdict(Verdict.BOTH_BAD);
        assertEquals(Verdict.TIE, onlyAnnotation(pairs.get(2).id()).verdict());
        assertEquals(Optional.empty(), onlyAnnotation(pairs.get(2).id()).preferredSide());
        assertEquals(Verdict.BOTH_BAD, onlyAnnotation(pairs.get(3).id()).verdict());

        assertEquals(4, vm.sessionCountProperty().get());
        assertEquals("1.5 s per pair", vm.paceTextProperty().get());
        assertEquals("4 / " + pairs.size(), vm.progressTextProperty().get());
        assertEquals(0, vm.pendingWritesProperty().get());
    }

    @Test
    void theDisplayOrderIsMixedStablePerAnnotatorAndKeptWithTheVerdict() {
        Set<Side> seen = new HashSet<>();
        boolean otherAnnotatorDiffers = false;
        for (StoredPair pair : all()) {
            Side side = DisplayOrder.shownAsA(pair.id(), ME);
            assertEquals(side, DisplayOrder.shownAsA(pair.id(), ME));
            seen.add(side);
            otherAnnotatorDiffers |= side != DisplayOrder.shownAsA(pair.id(), "bob");
        }
        assertEquals(Set.of(Side.CHOSEN, Side.REJECTED), seen);
        assertTrue(otherAnnotatorDiffers);

        List<Side> shown = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            shown.add(current().shownAsA());
            assertEquals(DisplayOrder.shownAsA(current().id(), ME), current().shownAsA());
            String textA = current().turns(DisplaySide.A).get(0).text();
            assertEquals(
                    current().stored().pair().completion(current().shownAsA()).get(0).content(),
                    textA);
            vm.next();
        }
        for (int i = 7; i >= 0; i--) {
            vm.previous();
            assertEquals(shown.get(i), current().shownAsA());
        }
    }

    @Test
    void undoTakesBackTheVerdictAndShowsThePairAgain() {
        List<StoredPair> pairs = all();
        long first = current().id();
        vm.toggleTag(1);
        vm.giveVerdict(Verdict.B_BETTER);
        assertTrue(vm.canUndoProperty().get());
        assertEquals(pairs.get(1).id(), current().id());

        vm.undo();
        assertEquals(List.of(), store.annotations(first));
        assertEquals(first, current().id());
        assertNull(vm.verdictProperty().get());
        assertEquals(Set.of(), vm.selectedTagsProperty().get());
        assertFalse(vm.canUndoProperty().get());
        assertEquals(0, vm.sessionCountProperty().get());
        assertEquals("0 / " + pairs.size(), vm.progressTextProperty().get());

        // Judging again, then changing the verdict: undo restores the first verdict.
        vm.giveVerdict(Verdict.A_BETTER);
        vm.previous();
        assertEquals(Verdict.A_BETTER, vm.verdictProperty().get());
        vm.giveVerdict(Verdict.TIE);
        assertEquals(Verdict.TIE, onlyAnnotation(first).verdict());
        vm.undo();
        assertEquals(Verdict.A_BETTER, onlyAnnotation(first).verdict());
        assertEquals(first, current().id());
        assertEquals(Verdict.A_BETTER, vm.verdictProperty().get());
        vm.undo();
        assertEquals(List.of(), store.annotations(first));
    }

    @Test
    void changingDetailsOfAJudgedPairUpdatesTheSavedVerdict() {
        long first = current().id();
        vm.giveVerdict(Verdict.A_BETTER);
        vm.previous();
        vm.setStrength(3);
        vm.toggleTag(1);
        vm.setRationale("too long");
        vm.commitRationale();
        Annotation saved = onlyAnnotation(first);
        assertEquals(Verdict.A_BETTER, saved.verdict());
        assertEquals(3, saved.strength());
        assertEquals(List.of("verbosity"), saved.tags());
        assertEquals("too long", saved.rationale());
        assertEquals(1, vm.sessionCountProperty().get());
        vm.undo();
        assertEquals("", onlyAnnotation(first).rationale());
    }

    @Test
    void skipSavesASkipAndMovesOn() {
        List<StoredPair> pairs = all();
        vm.skip();
        assertEquals(Verdict.SKIP, onlyAnnotation(pairs.get(0).id()).verdict());
        assertEquals(pairs.get(1).id(), current().id());
    }

    @Test
    void blindModeHidesScoresAndLabelUntilTheVerdict() {
        vm.setBlindMode(true, false);
        assertTrue(vm.blindProperty().get());
        assertEquals(ScoreState.HIDDEN, vm.scoreViewProperty().get().state());
        assertTrue(Double.isNaN(vm.scoreViewProperty().get().scoreA()));
        assertFalse(vm.labelVisibleProperty().get());

        vm.skip();
        vm.previous();
        assertEquals(
                ScoreState.HIDDEN, vm.scoreViewProperty().get().state(), "a skip is no verdict");

        vm.giveVerdict(Verdict.A_BETTER);
        vm.previous();
        assertEquals(ScoreState.READY, vm.scoreViewProperty().get().state());
        assertTrue(vm.labelVisibleProperty().get());

        vm.next();
        vm.setBlindMode(false, true);
        assertTrue(vm.blindProperty().get());
        assertTrue(vm.blindRequiredProperty().get());
        assertEquals(ScoreState.HIDDEN, vm.scoreViewProperty().get().state());
        vm.setBlindMode(false, false);
        assertEquals(ScoreState.READY, vm.scoreViewProperty().get().state());
        assertTrue(vm.labelVisibleProperty().get());
    }

    @Test
    void theQueueWalksEveryPairInImportOrderWithVariantsAfterTheirOriginal() {
        StoredPair third = all().get(2);
        PreferencePair variant =
                third.pair()
                        .withCompletions(
                                List.of(new ChatMessage("assistant", "edited")),
                                third.pair().rejected())
                        .withParent(third.id());
        StoredPair added = store.addPair(TestBench.SAMPLE, variant);
        List<Long> expected = new ArrayList<>();
        for (StoredPair pair : all()) {
            expected.add(pair.id());
            if (pair.id() == third.id()) {
                expected.add(added.id());
            }
        }
        expected.remove(expected.lastIndexOf(added.id()));
        vm.open(store);
        List<Long> walked = new ArrayList<>();
        while (vm.queueStateProperty().get() == QueueState.SHOWING) {
            walked.add(current().id());
            vm.next();
        }
        assertEquals(QueueState.END, vm.queueStateProperty().get());
        assertEquals(expected, walked);
        assertTrue(expected.size() > PairQueue.PAGE, "more than one page");
        vm.previous();
        assertEquals(expected.get(expected.size() - 1), current().id());
    }

    @Test
    void filtersSelectUnannotatedPairsASourceOrADataset() {
        List<StoredPair> pairs = all();
        vm.giveVerdict(Verdict.A_BETTER);
        vm.skip();
        vm.setFilter(QueueFilter.all().withUnannotatedOnly(true));
        assertEquals(pairs.get(2).id(), current().id());
        assertEquals("2 / " + pairs.size(), vm.progressTextProperty().get());
        List<Long> walked = walk();
        assertEquals(
                store.pairs(PairQuery.all().withAnnotation(AnnotationState.UNANNOTATED)).stream()
                        .map(StoredPair::id)
                        .toList(),
                walked);

        SourceSummary source =
                store.stats().perSource().stream()
                        .filter(s -> s.source() != null && s.pairs() > 1)
                        .findFirst()
                        .orElseThrow();
        vm.setFilter(QueueFilter.all().withSource(source.source()));
        assertEquals(
                store.pairs(PairQuery.all().withSources(Set.of(source.source()))).stream()
                        .map(StoredPair::id)
                        .toList(),
                walk());
        assertEquals(
                vm.annotatedCountProperty().get() + " / " + source.pairs(),
                vm.progressTextProperty().get());

        store.createDataset("empty", null);
        vm.setFilter(QueueFilter.all().withDataset("empty"));
        assertEquals(QueueState.EMPTY, vm.queueStateProperty().get());
        assertEquals("0 / 0", vm.progressTextProperty().get());
    }

    /** Scores every pair with the model; its disagreements with the label, most wrong first. */
    private List<StoredPair> scoreAllAndFindDisagreements() {
        new DatasetScoring(store, scoring.service(), ScoringContext.LENGTH_POLICY)
                .scoreDataset(null, ProgressListener.NONE, () -> false);
        long modelId = scoring.model().id();
        return all().stream()
                .filter(p -> store.score(p.id(), modelId).orElseThrow().margin() < 0)
                .sorted(
                        Comparator.comparingDouble(
                                p -> store.score(p.id(), modelId).orElseThrow().margin()))
                .toList();
    }

    @Test
    void theDisagreementFilterKeepsPairsWhereTheModelContradictsTheLabel() {
        List<StoredPair> disagreeing = scoreAllAndFindDisagreements();
        assertFalse(disagreeing.isEmpty(), "random weights disagree with some labels");
        vm.setFilter(QueueFilter.all().withDisagreesWithLabel(true));
        assertEquals(disagreeing.stream().map(StoredPair::id).toList(), walk());
        assertEquals("0 / " + disagreeing.size(), vm.progressTextProperty().get());
    }

    @Test
    void theDisagreementFilterOfOneSourceKeepsThatSourcesDisagreementsOnly() {
        List<StoredPair> disagreeing = scoreAllAndFindDisagreements();
        String source = disagreeing.get(0).pair().source();
        List<Long> expected =
                disagreeing.stream()
                        .filter(p -> source.equals(p.pair().source()))
                        .map(StoredPair::id)
                        .toList();
        assertTrue(expected.size() < disagreeing.size(), "other sources disagree too");
        vm.setFilter(QueueFilter.all().withSource(source).withDisagreesWithLabel(true));
        assertEquals(expected, walk());
    }

    @Test
    void theWordDiffComparesWhatAAndBShow() {
        vm.toggleDiff();
        PreparedPair pair = current();
        assertNotNull(vm.diffProperty().get());
        assertEquals(pair.text(DisplaySide.A), join(vm.diffProperty().get().left()));
        assertEquals(pair.text(DisplaySide.B), join(vm.diffProperty().get().right()));
        vm.next();
        assertEquals(current().text(DisplaySide.A), join(vm.diffProperty().get().left()));
        vm.toggleDiff();
        assertNull(vm.diffProperty().get());
    }

    @Test
    void withoutAModelThePairShowsAndVerdictsStillWork() {
        vm.setScoring(null);
        assertEquals(ScoreState.NO_MODEL, vm.scoreViewProperty().get().state());
        long first = current().id();
        vm.giveVerdict(Verdict.B_BETTER);
        assertEquals(Verdict.B_BETTER, onlyAnnotation(first).verdict());
        assertNotEquals(first, current().id());
    }

    @Test
    void divergingConversationsAreShownWholeOnBothSides() throws Exception {
        store.createDataset("diverging", null);
        PreferencePair pair =
                PreferencePair.fromConversations(
                        "test",
                        1,
                        List.of(
                                new ChatMessage("user", "Hi"),
                                new ChatMessage("assistant", "Hello!"),
                                new ChatMessage("user", "Tell me a joke"),
                                new ChatMessage("assistant", "Why did the chicken...")),
                        List.of(
                                new ChatMessage("user", "Hey"),
                                new ChatMessage("assistant", "No.")),
                        null);
        assertTrue(pair.diverging());
        store.addPair("diverging", pair);
        vm.setFilter(QueueFilter.all().withDataset("diverging"));
        PreparedPair shown = current();
        assertTrue(shown.diverging());
        assertEquals(List.of(), shown.prompt());
        assertEquals(shown.shownAsA() == Side.CHOSEN ? 4 : 2, shown.turns(DisplaySide.A).size());
        assertEquals(shown.shownAsA() == Side.CHOSEN ? 2 : 4, shown.turns(DisplaySide.B).size());
        assertEquals(ScoreState.READY, vm.scoreViewProperty().get().state());
        double chosen = TestBench.directScore(PairConversations.of(pair, Side.CHOSEN));
        double a = vm.scoreViewProperty().get().scoreA();
        double b = vm.scoreViewProperty().get().scoreB();
        assertEquals(chosen, shown.shownAsA() == Side.CHOSEN ? a : b, 1e-6);
    }

    @Test
    void anotherDatabaseShowsItsOwnPairsAndDiffsNotThoseCachedFromTheLastOne() throws Exception {
        vm.toggleDiff();
        PreparedPair first = current();
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        try (PreferenceStore other = PreferenceStore.open(otherDir.resolve("other.db"))) {
            other.createDataset("other", null);
            StoredPair only =
                    other.addPair(
                            "other",
                            PreferencePair.fromConversations(
                                    "other",
                                    1,
                                    List.of(
                                            new ChatMessage("user", "Name a colour"),
                                            new ChatMessage("assistant", "Teal")),
                                    List.of(
                                            new ChatMessage("user", "Name a colour"),
                                            new ChatMessage("assistant", "Seven")),
                                    null));
            assertEquals(first.id(), only.id(), "both databases number their pairs alike");
            vm.setScoring(null);
            vm.open(other);
            PreparedPair shown = current();
            assertEquals(only.pair(), shown.stored().pair());
            assertEquals(
                    Set.of("Teal", "Seven"),
                    Set.of(shown.text(DisplaySide.A), shown.text(DisplaySide.B)));
            assertEquals(shown.text(DisplaySide.A), join(vm.diffProperty().get().left()));
            assertEquals(shown.text(DisplaySide.B), join(vm.diffProperty().get().right()));
        }
    }

    private List<Long> walk() {
        List<Long> walked = new ArrayList<>();
        while (vm.queueStateProperty().get() == QueueState.SHOWING) {
            walked.add(current().id());
            vm.next();
        }
        return walked;
    }

    private static String join(List<io.rewardlens.ui.diff.WordDiff.Piece> pieces) {
        StringBuilder text = new StringBuilder();
        pieces.forEach(piece -> text.append(piece.text()));
        return text.toString();
    }

    /**
     * A view model on the sample store whose verdict writes run at once, while their callbacks wait
     * as they do for a busy UI thread, until {@code executor.releaseHeld()}.
     */
    private AnnotationViewModel withLateWriteCallbacks(DirectExecutor executor) {
        executor.holdCallbacks(title -> title.contains("the verdict on pair"));
        AnnotationViewModel quick = new AnnotationViewModel(executor, clock, errors::add);
        quick.setAnnotator(ME);
        quick.open(store);
        return quick;
    }

    @Test
    void changesWaitingBehindAWriteAreSavedBeforeTheStoreCloses() {
        DirectExecutor late = new DirectExecutor();
        AnnotationViewModel quick = withLateWriteCallbacks(late);
        long first = quick.currentProperty().get().id();
        quick.giveVerdict(Verdict.A_BETTER);
        long second = quick.currentProperty().get().id();
        quick.giveVerdict(Verdict.B_BETTER);
        long third = quick.currentProperty().get().id();
        quick.giveVerdict(Verdict.TIE);
        quick.undo();
        // The first verdict is written, but its callback has not reached the UI thread; the other
        // three changes wait behind it.
        assertEquals(4, quick.pendingWritesProperty().get());
        assertEquals(Verdict.A_BETTER, onlyAnnotation(first).verdict());
        assertEquals(List.of(), store.annotations(second));

        assertTrue(quick.saveWaitingWrites(Duration.ofSeconds(5)));
        assertEquals(0, quick.pendingWritesProperty().get());
        assertEquals(Verdict.A_BETTER, onlyAnnotation(first).verdict());
        assertEquals(Verdict.B_BETTER, onlyAnnotation(second).verdict());
        assertEquals(List.of(), store.annotations(third), "the undone tie is gone");

        late.releaseHeld();
        assertEquals(0, quick.pendingWritesProperty().get(), "a late callback books nothing twice");
        assertEquals(1, store.annotations(first).size());
    }

    @Test
    void aVerdictWaitingWhenAnotherDatabaseOpensGoesIntoItsOwnDatabase() throws Exception {
        DirectExecutor late = new DirectExecutor();
        AnnotationViewModel quick = withLateWriteCallbacks(late);
        long first = quick.currentProperty().get().id();
        quick.giveVerdict(Verdict.A_BETTER);
        long second = quick.currentProperty().get().id();
        quick.giveVerdict(Verdict.BOTH_BAD);
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        try (PreferenceStore other = TestBench.sampleStore(otherDir)) {
            quick.open(other);
            assertEquals(0, quick.pendingWritesProperty().get());
            assertEquals(Verdict.BOTH_BAD, onlyAnnotation(second).verdict());
            assertEquals(List.of(), other.annotations(first));
            assertEquals(List.of(), other.annotations(second));
            late.releaseHeld();
            assertEquals(List.of(), other.annotations(second));
        }
    }

    @Test
    void aVerdictRefusedByABusyDatabaseIsSavedOnceTheLockIsGone() throws Exception {
        long first = current().id();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file())) {
            // Another process in the middle of a long write (an import, say) holds the lock.
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("CREATE TABLE held_by_another_process (x)");
            }
            vm.giveVerdict(Verdict.A_BETTER);
            assertEquals(List.of(), store.annotations(first));
            assertEquals(1, vm.pendingWritesProperty().get(), "the verdict still waits");
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(
                    errors.get(0).contains("waits") && errors.get(0).contains("busy"),
                    errors.get(0));
            assertEquals(1, executor.scheduledCount(), "a retry is scheduled");
            other.rollback();
        }
        long second = current().id();
        vm.giveVerdict(Verdict.B_BETTER);
        assertEquals(2, vm.pendingWritesProperty().get(), "the next verdict waits behind it");
        executor.runScheduled();
        assertEquals(0, vm.pendingWritesProperty().get());
        assertEquals(Verdict.A_BETTER, onlyAnnotation(first).verdict());
        assertEquals(Verdict.B_BETTER, onlyAnnotation(second).verdict());
        errors.clear();
    }
}
