package io.rewardlens.ui.annotate;

import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.diff.WordDiff;
import io.rewardlens.ui.task.BackgroundExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of the annotation workbench: the queue of pairs, the pair on screen with its RM scores
 * and their per-token detail, the annotator's verdict and its details, undo, blind mode, the word
 * diff and progress. The views bind to its read-only properties and call its methods; it is the
 * only class of the pair view that reads and writes the store and runs the model, always through
 * the injected {@link BackgroundExecutor}.
 *
 * <p>Call its methods on the UI thread. Pairs ahead of the one on screen ({@value #LOOKAHEAD} of
 * them) are read, parsed and scored in the background, so moving on shows them at once. Verdicts
 * are written in the order given, one write at a time; the screen moves on without waiting for the
 * write, and a failed write is reported and taken back.
 */
public final class AnnotationViewModel {
    /** How many pairs after the one on screen are prepared and scored ahead. */
    public static final int LOOKAHEAD = 5;

    /**
     * How many of the pairs ahead are offered to views to build ahead ({@link
     * #neighboursProperty}).
     */
    public static final int NEIGHBOURS_AHEAD = 2;

    private final BackgroundExecutor executor;
    private final Clock clock;
    private final Consumer<String> errors;

    private PreferenceStore store;
    private String annotator = "annotator";
    private QueueFilter filter = QueueFilter.all();

    private final QueueCursor cursor = new QueueCursor();
    private final QueuePages pages;

    /** Whether the next page read moves the screen on (the annotator is waiting for it). */
    private boolean advanceWhenLoaded;

    private long shownAtMillis;

    private final PreparedPairs prepared;
    private final SessionVerdicts mine = new SessionVerdicts();
    private final VerdictDraft draft = new VerdictDraft();

    private final UndoHistory undo = new UndoHistory();
    private final SessionProgress session = new SessionProgress();
    private final VerdictWriter writer;
    private final ScorePrefetcher scores;
    private final WordDiffState wordDiff;
    private final TokenViewState tokens;
    private final BlindMode blindMode = new BlindMode();

    private final ReadOnlyStringWrapper readOnlyReason =
            new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    private final ReadOnlyObjectWrapper<QueueState> queueState =
            new ReadOnlyObjectWrapper<>(this, "queueState", QueueState.NO_DATABASE);
    private final ReadOnlyObjectWrapper<PreparedPair> current =
            new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<ScoreView> scoreView =
            new ReadOnlyObjectWrapper<>(
                    this, "scoreView", ScoreView.of(ScoreState.NO_MODEL, "No reward model"));
    private final ReadOnlyBooleanWrapper labelVisible =
            new ReadOnlyBooleanWrapper(this, "labelVisible", true);
    private final ReadOnlyObjectWrapper<QueueFilter> filterProperty =
            new ReadOnlyObjectWrapper<>(this, "filter", QueueFilter.all());
    private final ReadOnlyObjectWrapper<List<PreparedPair>> neighbours =
            new ReadOnlyObjectWrapper<>(this, "neighbours", List.of());

    /**
     * Creates the view model with nothing open.
     *
     * @param executor runs store and model work in the background
     * @param clock tells the time verdicts take and are given
     * @param errors shown to the user when something fails (on the UI thread)
     */
    public AnnotationViewModel(BackgroundExecutor executor, Clock clock, Consumer<String> errors) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.pages = new QueuePages(executor, errors);
        this.prepared = new PreparedPairs(executor, errors);
        this.writer = new VerdictWriter(executor, errors);
        this.scores = new ScorePrefetcher(executor, errors, this::scored);
        this.wordDiff = new WordDiffState(executor, errors);
        this.tokens = new TokenViewState(scores);
        // A pair leaving the screen takes its per-token views along (a new pair sets its own).
        current.addListener(
                (o, before, after) -> {
                    if (after == null) {
                        updateTokenView();
                    }
                });
    }

    // ---------------------------------------------------------------- properties

    /**
     * What the queue shows: nothing open, loading, a pair, no match, or the end.
     *
     * @return the state
     */
    public ReadOnlyObjectProperty<QueueState> queueStateProperty() {
        return queueState.getReadOnlyProperty();
    }

    /**
     * The pair on screen.
     *
     * @return the pair, null when none is shown
     */
    public ReadOnlyObjectProperty<PreparedPair> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * The RM scores of the pair on screen, by display side (hidden in blind mode until a verdict).
     *
     * @return the scores
     */
    public ReadOnlyObjectProperty<ScoreView> scoreViewProperty() {
        return scoreView.getReadOnlyProperty();
    }

    /**
     * Whether the dataset's own label (which side it calls chosen) may be shown: always, except in
     * blind mode before the annotator's verdict.
     *
     * @return true when the label is shown
     */
    public ReadOnlyBooleanProperty labelVisibleProperty() {
        return labelVisible.getReadOnlyProperty();
    }

    /**
     * Whether blind mode is in effect (by the user's setting or because the database requires it).
     *
     * @return true in blind mode
     */
    public ReadOnlyBooleanProperty blindProperty() {
        return blindMode.blindProperty();
    }

    /**
     * Whether the open database requires blind mode of its annotators.
     *
     * @return true when required
     */
    public ReadOnlyBooleanProperty blindRequiredProperty() {
        return blindMode.requiredProperty();
    }

    /**
     * The annotator's verdict on the pair on screen.
     *
     * @return the verdict, null when not given
     */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return draft.verdictProperty();
    }

    /**
     * The strength of the preference: 0 (not set), 1 (slight) to 3 (clear).
     *
     * @return the strength
     */
    public ReadOnlyIntegerProperty strengthProperty() {
        return draft.strengthProperty();
    }

    /**
     * The tags offered, in key order.
     *
     * @return the tag list
     */
    public ReadOnlyObjectProperty<List<String>> tagsProperty() {
        return draft.offeredTagsProperty();
    }

    /**
     * The tags set on the pair on screen.
     *
     * @return the selected tags
     */
    public ReadOnlyObjectProperty<Set<String>> selectedTagsProperty() {
        return draft.selectedTagsProperty();
    }

    /**
     * The free-text rationale of the pair on screen.
     *
     * @return the rationale
     */
    public ReadOnlyStringProperty rationaleProperty() {
        return draft.rationaleProperty();
    }

    /**
     * Pairs of the queue's datasets and source that anyone annotated.
     *
     * @return the count, -1 while unknown
     */
    public ReadOnlyLongProperty annotatedCountProperty() {
        return session.annotatedCountProperty();
    }

    /**
     * Progress as {@code n / N} annotated.
     *
     * @return the text
     */
    public ReadOnlyStringProperty progressTextProperty() {
        return session.progressTextProperty();
    }

    /**
     * Verdicts given in this session (undone ones not counted).
     *
     * @return the count
     */
    public ReadOnlyIntegerProperty sessionCountProperty() {
        return session.sessionCountProperty();
    }

    /**
     * The session's pace, such as {@code 9.5 s per pair}.
     *
     * @return the text, empty before the first verdict
     */
    public ReadOnlyStringProperty paceTextProperty() {
        return session.paceTextProperty();
    }

    /**
     * Why the open store takes no verdicts (it is read-only), as the store says it.
     *
     * @return the reason, empty while verdicts can be given
     */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /**
     * Whether there is a verdict to undo.
     *
     * @return true when undo does something
     */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return undo.canUndoProperty();
    }

    /**
     * Whether the word diff of A and B is shown instead of the rendered responses.
     *
     * @return true while shown
     */
    public ReadOnlyBooleanProperty diffShownProperty() {
        return wordDiff.shownProperty();
    }

    /**
     * The word diff of the pair on screen (A against B), once computed.
     *
     * @return the diff, null while not shown or not computed
     */
    public ReadOnlyObjectProperty<WordDiff> diffProperty() {
        return wordDiff.diffProperty();
    }

    /**
     * The queue's filter.
     *
     * @return the filter
     */
    public ReadOnlyObjectProperty<QueueFilter> filterProperty() {
        return filterProperty.getReadOnlyProperty();
    }

    /**
     * Verdict writes not yet committed to the store.
     *
     * @return how many are queued or running
     */
    public ReadOnlyIntegerProperty pendingWritesProperty() {
        return writer.pendingWritesProperty();
    }

    /**
     * The prepared pairs next to the one on screen (the next {@value #NEIGHBOURS_AHEAD}, then the
     * previous one), which a view may build ahead so that moving on shows them at once.
     *
     * @return the neighbours, nearest first
     */
    public ReadOnlyObjectProperty<List<PreparedPair>> neighboursProperty() {
        return neighbours.getReadOnlyProperty();
    }

    /**
     * Whether the token heat colours the responses' text.
     *
     * @return true while toggled on
     */
    public ReadOnlyBooleanProperty heatShownProperty() {
        return tokens.heatShownProperty();
    }

    /**
     * Whether the chart of the score along the tokens is shown.
     *
     * @return true while toggled on
     */
    public ReadOnlyBooleanProperty chartShownProperty() {
        return tokens.chartShownProperty();
    }

    /**
     * The per-token scores of the pair on screen, placed on each response's text, while the heat or
     * the chart is shown; otherwise, or when they are not available, a state that says why (blind
     * mode hides them until the verdict, as it hides the scores).
     *
     * @return the per-token view
     */
    public ReadOnlyObjectProperty<TokenView> tokenViewProperty() {
        return tokens.viewProperty();
    }

    /**
     * The token picked on the chart, to be marked in both responses' text.
     *
     * @return its position in the sequence, -1 when none
     */
    public ReadOnlyIntegerProperty focusedTokenProperty() {
        return tokens.focusedTokenProperty();
    }

    // ---------------------------------------------------------------- context

    /**
     * How long {@link #open} waits for a verdict write in progress before the old store goes:
     * longer than the store's busy timeout, so a write that can still succeed does.
     */
    public static final Duration WRITE_WAIT_BEFORE_CLOSE = Duration.ofSeconds(15);

    /**
     * Opens the queue of a store (or closes it with null), from its first pair. Verdict changes
     * still waiting are saved into the store they were given in first.
     *
     * @param newStore the store, or null
     */
    public void open(PreferenceStore newStore) {
        if (store != null && store != newStore) {
            saveWaitingWrites(WRITE_WAIT_BEFORE_CLOSE);
        }
        this.store = newStore;
        readOnlyReason.set(newStore == null ? "" : newStore.readOnlyReason().orElse(""));
        mine.clear();
        writer.forgetSavedIds();
        undo.clear();
        // Pair ids are per database: nothing cached from the last one may show for this one.
        prepared.clear();
        wordDiff.forget();
        scores.use(newStore, scores.context());
        tokens.forgetAll();
        reload();
    }

    /**
     * Sets the reward model to score with (null for none). Scores of another model are forgotten;
     * the pair on screen is scored again.
     *
     * @param context the model's scoring context, or null
     */
    public void setScoring(ScoringContext context) {
        scores.use(store, context);
        tokens.forgetAll();
        if (filter.disagreesWithLabel()) {
            reload();
            return;
        }
        PreparedPair pair = current.get();
        if (pair != null) {
            updateScoreView();
            scores.scoreLive(pair.stored());
            scores.scoreAhead(ahead());
        }
    }

    /**
     * Sets whose verdicts these are. A new name means a new display order and other verdicts, so
     * the queue starts again.
     *
     * @param name the annotator's name
     */
    public void setAnnotator(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals(annotator)) {
            return;
        }
        annotator = name;
        mine.clear();
        writer.forgetSavedIds();
        undo.clear();
        prepared.clear();
        tokens.forgetAll();
        reload();
    }

    /**
     * Sets blind mode.
     *
     * @param byUser the user's own setting
     * @param byStore whether the open database requires it
     */
    public void setBlindMode(boolean byUser, boolean byStore) {
        blindMode.set(byUser, byStore);
        updateScoreView();
    }

    /**
     * Sets the tags offered. Tags already on the pair on screen stay on it.
     *
     * @param offered the tags, in key order
     */
    public void setTags(List<String> offered) {
        draft.offerTags(offered);
    }

    /**
     * Changes the queue's filter; the queue starts again from its first pair.
     *
     * @param newFilter the filter
     */
    public void setFilter(QueueFilter newFilter) {
        Objects.requireNonNull(newFilter, "newFilter");
        if (newFilter.equals(filter)) {
            return;
        }
        filter = newFilter;
        filterProperty.set(newFilter);
        reload();
    }

    /** Reads the queue again from its first pair (after an import or a dataset scoring). */
    public void refresh() {
        if (store != null) {
            reload();
        }
    }

    // ---------------------------------------------------------------- navigation

    /** Shows the next pair of the queue (reading more pairs when needed). */
    public void next() {
        if (store == null || queueState.get() == QueueState.LOADING && cursor.index() < 0) {
            return;
        }
        if (cursor.hasNext()) {
            show(cursor.index() + 1);
        } else if (!pages.exhausted()) {
            advanceWhenLoaded = true;
            loadPage();
        } else if (!cursor.isEmpty()) {
            cursor.moveToEnd();
            current.set(null);
            wordDiff.show(null);
            queueState.set(QueueState.END);
        }
    }

    /** Shows the previous pair of the queue. */
    public void previous() {
        advanceWhenLoaded = false;
        int before = cursor.previousIndex();
        if (before >= 0) {
            show(before);
        }
    }

    /**
     * Shows a given pair, such as one opened from the disagreement queue, whether or not the
     * queue's filter selects it. A pair not in the queue yet is put right after the pair on screen,
     * so verdicts, undo and the arrows work on it as on any other pair and moving on carries on
     * with the queue.
     *
     * @param pairId the pair's id in the open store
     */
    public void showPair(long pairId) {
        PreferenceStore source = store;
        if (source == null) {
            return;
        }
        int position = cursor.indexOf(pairId);
        if (position >= 0) {
            advanceWhenLoaded = false;
            show(position);
            return;
        }
        executor.submit(
                "Reading pair " + pairId,
                progress ->
                        source.pair(pairId)
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "no pair "
                                                                + pairId
                                                                + " in "
                                                                + source.file())),
                pair -> {
                    if (source != store) {
                        return;
                    }
                    // A page still loading must not move the screen off the pair asked for.
                    advanceWhenLoaded = false;
                    show(cursor.insertNext(pair));
                },
                error -> report("Cannot open pair " + pairId, error));
    }

    // ---------------------------------------------------------------- verdicts

    /**
     * Gives a verdict on the pair on screen with the strength, tags and rationale set, saves it and
     * moves on to the next pair.
     *
     * @param given the verdict as shown (A or B better, tie, both bad, skip)
     */
    public void giveVerdict(Verdict given) {
        Objects.requireNonNull(given, "given");
        PreparedPair pair = current.get();
        if (pair == null || refusedAsReadOnly()) {
            return;
        }
        long timeTaken = Math.max(0, clock.millis() - shownAtMillis);
        save(
                pair,
                draft.verdict(
                        pair.id(), annotator, given, pair.shownAsA(), timeTaken, clock.instant()),
                true);
        next();
    }

    /** Skips the pair on screen: saves a {@link Verdict#SKIP} and moves on. */
    public void skip() {
        giveVerdict(Verdict.SKIP);
    }

    /**
     * Sets the strength of the preference (setting the same strength again clears it). On a pair
     * already judged, the saved verdict is updated.
     *
     * @param value 1 (slight) to 3 (clear)
     */
    public void setStrength(int value) {
        VerdictDraft.checkStrength(value);
        if (current.get() == null) {
            return;
        }
        draft.toggleStrength(value);
        resaveIfJudged();
    }

    /**
     * Sets or clears the tag at a position of the offered list. On a pair already judged, the saved
     * verdict is updated.
     *
     * @param position 0 for the first tag
     */
    public void toggleTag(int position) {
        if (current.get() != null && draft.toggleTag(position)) {
            resaveIfJudged();
        }
    }

    /**
     * Changes the rationale being typed; it is saved with the next verdict, or by {@link
     * #commitRationale()} on a pair already judged.
     *
     * @param text the rationale
     */
    public void setRationale(String text) {
        draft.setRationale(text);
    }

    /** Saves the rationale of a pair already judged (when the user leaves the rationale field). */
    public void commitRationale() {
        Annotation saved = mine.of(current.get());
        if (saved != null && !saved.rationale().equals(draft.rationaleProperty().get())) {
            resaveIfJudged();
        }
    }

    /**
     * Takes back the last verdict (or change of a verdict) of this session: the store gets back
     * what it held before, and the pair is shown again.
     */
    public void undo() {
        UndoHistory.Change entry = undo.takeLast();
        if (entry == null) {
            return;
        }
        PreparedPair pair = prepared.get(entry.pairId());
        boolean wasAnnotated = mine.annotated(entry.pairId(), entry.annotatedByOthers(), pair);
        mine.set(entry.pairId(), entry.before());
        session.annotatedChanged(
                wasAnnotated, mine.annotated(entry.pairId(), entry.annotatedByOthers(), pair));
        if (entry.counted()) {
            session.verdictUndone(entry.after().timeTakenMs());
        }
        long pairId = entry.pairId();
        writer.restore(store, pairId, entry.before());
        int position = cursor.indexOf(pairId);
        if (position >= 0) {
            show(position);
        } else if (pair != null && pair.id() == currentId()) {
            display(pair);
        }
    }

    // ---------------------------------------------------------------- diff

    /** Shows or hides the word diff of A against B. */
    public void toggleDiff() {
        wordDiff.toggle();
    }

    // ---------------------------------------------------------------- per-token views

    /** Shows or hides the token heat on the responses' text. */
    public void toggleHeat() {
        tokens.toggleHeat();
        updateTokenView();
    }

    /** Shows or hides the chart of the score along the tokens of A and B. */
    public void toggleChart() {
        tokens.toggleChart();
        updateTokenView();
    }

    /**
     * Marks a token (picked on the chart) in the responses' text; picking it again clears the mark.
     *
     * @param token its position in the sequence, or -1 for none
     */
    public void focusToken(int token) {
        tokens.focus(token);
    }

    // ---------------------------------------------------------------- for the edit view model

    PreferenceStore store() {
        return store;
    }

    ScoringContext scoring() {
        return scores.context();
    }

    BackgroundExecutor executor() {
        return executor;
    }

    Consumer<String> errors() {
        return errors;
    }

    /** The scores of a pair, if known. */
    PairResults resultsOf(long pairId) {
        return scores.results(pairId);
    }

    /** Whether the annotator may see scores of the pair on screen. */
    boolean scoresRevealed() {
        PreparedPair pair = current.get();
        return pair != null && !blindMode.hides(mine.of(pair));
    }

    /** Puts a new pair (an edited variant) right after the pair on screen. */
    void insertAfterCurrent(StoredPair pair) {
        if (!cursor.insertAfterCurrent(pair)) {
            return;
        }
        session.pairAdded();
        prepareAndScoreAhead();
    }

    // ---------------------------------------------------------------- internals

    private void reload() {
        pages.restart(store, filter, modelId());
        advanceWhenLoaded = false;
        cursor.clear();
        prepared.forgetPending();
        current.set(null);
        wordDiff.show(null);
        neighbours.set(List.of());
        session.countsUnknown();
        draft.reset(null);
        if (store == null) {
            queueState.set(QueueState.NO_DATABASE);
            scoreView.set(ScoreView.of(ScoreState.NO_MODEL, ""));
            return;
        }
        queueState.set(QueueState.LOADING);
        advanceWhenLoaded = true;
        loadPage();
        pages.count(counts -> session.counted(counts.annotated(), counts.total()));
    }

    private void loadPage() {
        pages.readNext(this::pageRead, this::pageFailed);
    }

    private void pageRead(List<StoredPair> pairs) {
        cursor.append(pairs);
        if (!advanceWhenLoaded) {
            prepareAndScoreAhead();
            return;
        }
        advanceWhenLoaded = false;
        if (cursor.hasNext()) {
            show(cursor.index() + 1);
        } else if (cursor.isEmpty()) {
            queueState.set(QueueState.EMPTY);
        } else {
            next();
        }
    }

    private void pageFailed() {
        advanceWhenLoaded = false;
        if (cursor.isEmpty()) {
            queueState.set(QueueState.EMPTY);
        }
    }

    private void show(int position) {
        StoredPair stored = cursor.moveTo(position);
        PreparedPair pair = prepared.get(stored.id());
        if (pair != null) {
            display(pair);
        } else {
            current.set(null);
            wordDiff.show(null);
            queueState.set(QueueState.LOADING);
            prepare(List.of(stored));
        }
        prepareAndScoreAhead();
    }

    private void display(PreparedPair pair) {
        // The views must never see the new pair with the per-token scores of the one before.
        tokens.leavePair();
        current.set(pair);
        queueState.set(QueueState.SHOWING);
        draft.reset(mine.of(pair));
        wordDiff.show(pair);
        updateScoreView();
        scores.scoreLive(pair.stored());
        updateNeighbours();
        shownAtMillis = clock.millis();
    }

    private void updateNeighbours() {
        List<PreparedPair> near = new ArrayList<>();
        List<StoredPair> candidates = new ArrayList<>();
        if (cursor.index() >= 0) {
            candidates.addAll(cursor.ahead(NEIGHBOURS_AHEAD));
            StoredPair before = cursor.previous();
            if (before != null) {
                candidates.add(before);
            }
        }
        for (StoredPair stored : candidates) {
            PreparedPair pair = prepared.get(stored.id());
            if (pair != null) {
                near.add(pair);
            }
        }
        if (!near.equals(neighbours.get())) {
            neighbours.set(List.copyOf(near));
        }
    }

    private long currentId() {
        PreparedPair pair = current.get();
        return pair == null ? Long.MIN_VALUE : pair.id();
    }

    /** Reads and parses pairs in the background, showing the one the annotator waits for. */
    private void prepare(List<StoredPair> pairs) {
        prepared.prepare(
                store,
                annotator,
                pairs,
                () -> {
                    StoredPair waitedFor = cursor.current();
                    if (current.get() == null && waitedFor != null) {
                        PreparedPair waited = prepared.get(waitedFor.id());
                        if (waited != null) {
                            display(waited);
                        }
                    }
                    updateNeighbours();
                });
    }

    private void prepareAndScoreAhead() {
        if (!cursor.onPair()) {
            return;
        }
        if (cursor.size() - cursor.index() <= LOOKAHEAD + 1) {
            loadPage();
        }
        prepare(ahead());
        scores.scoreAhead(ahead());
    }

    private List<StoredPair> ahead() {
        return cursor.ahead(LOOKAHEAD);
    }

    private Long modelId() {
        ScoringContext context = scores.context();
        return context == null ? null : context.model().id();
    }

    /** Forgets per-token views of newly scored pairs; shows the scores of the pair on screen. */
    private void scored(Set<Long> pairIds) {
        tokens.forget(pairIds);
        if (pairIds.contains(currentId())) {
            updateScoreView();
        }
    }

    private void updateScoreView() {
        updateScores();
        updateTokenView();
    }

    private void updateScores() {
        PreparedPair pair = current.get();
        boolean revealed = pair != null && !blindMode.hides(mine.of(pair));
        labelVisible.set(pair == null || revealed);
        if (pair == null) {
            return;
        }
        if (scores.context() == null) {
            scoreView.set(
                    ScoreView.of(ScoreState.NO_MODEL, "No reward model: Model \u2192 Open\u2026"));
            return;
        }
        PairResults results = scores.results(pair.id());
        if (results == null) {
            String failure = scores.failure(pair.id());
            scoreView.set(
                    failure != null
                            ? ScoreView.of(ScoreState.FAILED, failure)
                            : ScoreView.of(ScoreState.SCORING, "Scoring\u2026"));
            return;
        }
        if (!revealed) {
            scoreView.set(
                    ScoreView.of(ScoreState.HIDDEN, "Blind mode: scores show after your verdict"));
            return;
        }
        ScoreResult a = results.of(pair.storedSide(DisplaySide.A));
        ScoreResult b = results.of(pair.storedSide(DisplaySide.B));
        scoreView.set(
                new ScoreView(
                        ScoreState.READY,
                        a.score(),
                        b.score(),
                        a.provenance().truncated() || b.provenance().truncated(),
                        ""));
    }

    /**
     * Says where the per-token views stand, and places the per-token scores of the pair on screen
     * on its text while the heat or the chart is shown (once per pair: the result is kept).
     */
    private void updateTokenView() {
        PreparedPair pair = current.get();
        tokens.update(pair, pair != null && blindMode.hides(mine.of(pair)));
    }

    private void resaveIfJudged() {
        PreparedPair pair = current.get();
        Annotation saved = mine.of(pair);
        if (saved != null) {
            save(pair, draft.appliedTo(saved), false);
        }
    }

    /** Tells the user that a read-only store takes no verdict; whether it is read-only. */
    private boolean refusedAsReadOnly() {
        if (readOnlyReason.get().isEmpty()) {
            return false;
        }
        errors.accept(
                "This database is read-only ("
                        + readOnlyReason.get()
                        + "): verdicts are not saved");
        return true;
    }

    /** Records an annotation at once, writes it in order, and remembers how to undo it. */
    private void save(PreparedPair pair, Annotation annotation, boolean newVerdict) {
        if (refusedAsReadOnly()) {
            return;
        }
        long pairId = pair.id();
        Annotation before = mine.of(pair);
        boolean wasAnnotated = mine.annotated(pairId, pair.annotatedByOthers(), pair);
        mine.set(pairId, annotation);
        session.annotatedChanged(wasAnnotated, true);
        undo.record(
                new UndoHistory.Change(
                        pairId, before, annotation, newVerdict, pair.annotatedByOthers()));
        if (newVerdict) {
            session.verdictGiven(annotation.timeTakenMs());
        }
        if (pairId == currentId()) {
            draft.verdictSaved(annotation.verdict());
            updateScoreView();
        }
        writer.save(store, annotation);
    }

    /**
     * Saves every verdict change still waiting for its turn, on the calling thread, after the one
     * being written: call it before the store closes or another opens, so that a key pressed just
     * before loses nothing. Failures are reported as usual.
     *
     * @param timeout how long to wait for the write in progress
     * @return true when nothing is left unsaved
     */
    public boolean saveWaitingWrites(Duration timeout) {
        return writer.saveWaitingWrites(timeout);
    }

    private void report(String what, Throwable error) {
        errors.accept(what + ": " + FailureMessage.of(error));
    }
}
