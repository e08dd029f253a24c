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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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

    private static final int PREPARED_CACHE = 64;

    private final BackgroundExecutor executor;
    private final Clock clock;
    private final Consumer<String> errors;

    private PreferenceStore store;
    private String annotator = "annotator";
    private QueueFilter filter = QueueFilter.all();

    private long generation;
    private PairQueue queue;
    private boolean exhausted;
    private boolean loadingPage;
    private boolean advanceWhenLoaded;
    private final List<StoredPair> loaded = new ArrayList<>();
    private final Set<Long> loadedIds = new HashSet<>();
    private int index = -1;
    private long shownAtMillis;

    private final Map<Long, PreparedPair> prepared = Lru.of(PREPARED_CACHE);
    private final Set<Long> preparing = new HashSet<>();

    /** This annotator's annotation per pair as changed in this session (empty: none). */
    private final Map<Long, Optional<Annotation>> mine = new HashMap<>();

    private final UndoHistory undo = new UndoHistory();
    private final SessionProgress session = new SessionProgress();
    private final VerdictWriter writer;
    private final ScorePrefetcher scores;
    private final WordDiffState wordDiff;
    private final TokenViewState tokens;
    private final BlindMode blindMode = new BlindMode();

    private final ReadOnlyObjectWrapper<QueueState> queueState =
            new ReadOnlyObjectWrapper<>(this, "queueState", QueueState.NO_DATABASE);
    private final ReadOnlyObjectWrapper<PreparedPair> current =
            new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<ScoreView> scoreView =
            new ReadOnlyObjectWrapper<>(
                    this, "scoreView", ScoreView.of(ScoreState.NO_MODEL, "No reward model"));
    private final ReadOnlyBooleanWrapper labelVisible =
            new ReadOnlyBooleanWrapper(this, "labelVisible", true);
    private final ReadOnlyObjectWrapper<Verdict> verdict =
            new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyIntegerWrapper strength = new ReadOnlyIntegerWrapper(this, "strength");
    private final ReadOnlyObjectWrapper<List<String>> tags =
            new ReadOnlyObjectWrapper<>(this, "tags", List.of());
    private final ReadOnlyObjectWrapper<Set<String>> selectedTags =
            new ReadOnlyObjectWrapper<>(this, "selectedTags", Set.of());
    private final ReadOnlyStringWrapper rationale =
            new ReadOnlyStringWrapper(this, "rationale", "");
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
        return verdict.getReadOnlyProperty();
    }

    /**
     * The strength of the preference: 0 (not set), 1 (slight) to 3 (clear).
     *
     * @return the strength
     */
    public ReadOnlyIntegerProperty strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    /**
     * The tags offered, in key order.
     *
     * @return the tag list
     */
    public ReadOnlyObjectProperty<List<String>> tagsProperty() {
        return tags.getReadOnlyProperty();
    }

    /**
     * The tags set on the pair on screen.
     *
     * @return the selected tags
     */
    public ReadOnlyObjectProperty<Set<String>> selectedTagsProperty() {
        return selectedTags.getReadOnlyProperty();
    }

    /**
     * The free-text rationale of the pair on screen.
     *
     * @return the rationale
     */
    public ReadOnlyStringProperty rationaleProperty() {
        return rationale.getReadOnlyProperty();
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
        tags.set(List.copyOf(offered));
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
        if (store == null || queueState.get() == QueueState.LOADING && index < 0) {
            return;
        }
        if (index + 1 < loaded.size()) {
            show(index + 1);
        } else if (!exhausted) {
            advanceWhenLoaded = true;
            loadPage();
        } else if (!loaded.isEmpty()) {
            index = loaded.size();
            current.set(null);
            wordDiff.show(null);
            queueState.set(QueueState.END);
        }
    }

    /** Shows the previous pair of the queue. */
    public void previous() {
        advanceWhenLoaded = false;
        if (index > 0 && !loaded.isEmpty()) {
            show(Math.min(index, loaded.size()) - 1);
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
        int position = indexOf(pairId);
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
                    if (loadedIds.add(pair.id())) {
                        loaded.add(Math.max(0, Math.min(index + 1, loaded.size())), pair);
                    }
                    show(indexOf(pair.id()));
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
        if (pair == null) {
            return;
        }
        long timeTaken = Math.max(0, clock.millis() - shownAtMillis);
        Annotation annotation =
                new Annotation(
                        pair.id(),
                        annotator,
                        given,
                        strength.get() == 0 ? null : strength.get(),
                        orderedTags(selectedTags.get()),
                        rationale.get(),
                        pair.shownAsA(),
                        timeTaken,
                        clock.instant());
        save(pair, annotation, true);
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
        if (value < 1 || value > 3) {
            throw new IllegalArgumentException("strength must be 1, 2 or 3, was " + value);
        }
        if (current.get() == null) {
            return;
        }
        strength.set(strength.get() == value ? 0 : value);
        resaveIfJudged();
    }

    /**
     * Sets or clears the tag at a position of the offered list. On a pair already judged, the saved
     * verdict is updated.
     *
     * @param position 0 for the first tag
     */
    public void toggleTag(int position) {
        List<String> offered = tags.get();
        if (position < 0 || position >= offered.size() || current.get() == null) {
            return;
        }
        String tag = offered.get(position);
        Set<String> selected = new LinkedHashSet<>(selectedTags.get());
        if (!selected.remove(tag)) {
            selected.add(tag);
        }
        selectedTags.set(Collections.unmodifiableSet(selected));
        resaveIfJudged();
    }

    /**
     * Changes the rationale being typed; it is saved with the next verdict, or by {@link
     * #commitRationale()} on a pair already judged.
     *
     * @param text the rationale
     */
    public void setRationale(String text) {
        rationale.set(text == null ? "" : text);
    }

    /** Saves the rationale of a pair already judged (when the user leaves the rationale field). */
    public void commitRationale() {
        Annotation saved = mineOf(current.get());
        if (saved != null && !saved.rationale().equals(rationale.get())) {
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
        boolean wasAnnotated = annotatedNow(entry.pairId(), entry.annotatedByOthers());
        mine.put(entry.pairId(), Optional.ofNullable(entry.before()));
        session.annotatedChanged(
                wasAnnotated, annotatedNow(entry.pairId(), entry.annotatedByOthers()));
        if (entry.counted()) {
            session.verdictUndone(entry.after().timeTakenMs());
        }
        long pairId = entry.pairId();
        writer.restore(store, pairId, entry.before());
        int position = indexOf(pairId);
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
        return pair != null && !blindMode.hides(mineOf(pair));
    }

    /** Puts a new pair (an edited variant) right after the pair on screen. */
    void insertAfterCurrent(StoredPair pair) {
        if (index < 0 || index >= loaded.size() || !loadedIds.add(pair.id())) {
            return;
        }
        loaded.add(index + 1, pair);
        session.pairAdded();
        prepareAndScoreAhead();
    }

    // ---------------------------------------------------------------- internals

    private void reload() {
        generation++;
        queue = null;
        exhausted = false;
        loadingPage = false;
        advanceWhenLoaded = false;
        loaded.clear();
        loadedIds.clear();
        index = -1;
        preparing.clear();
        current.set(null);
        wordDiff.show(null);
        neighbours.set(List.of());
        session.countsUnknown();
        resetDraft(null);
        if (store == null) {
            queueState.set(QueueState.NO_DATABASE);
            scoreView.set(ScoreView.of(ScoreState.NO_MODEL, ""));
            return;
        }
        queueState.set(QueueState.LOADING);
        advanceWhenLoaded = true;
        loadPage();
        refreshCounts();
    }

    private record Page(PairQueue queue, List<StoredPair> pairs, boolean exhausted) {}

    private void loadPage() {
        if (loadingPage || exhausted || store == null) {
            return;
        }
        loadingPage = true;
        long expected = generation;
        PreferenceStore source = store;
        QueueFilter wanted = filter;
        Long modelId = modelId();
        PairQueue known = queue;
        executor.submit(
                "Reading pairs",
                progress -> {
                    PairQueue q = known != null ? known : new PairQueue(source, wanted, modelId);
                    List<StoredPair> pairs = q.nextPage();
                    return new Page(q, pairs, q.exhausted());
                },
                page -> {
                    if (expected != generation) {
                        return;
                    }
                    loadingPage = false;
                    queue = page.queue();
                    exhausted = page.exhausted();
                    for (StoredPair pair : page.pairs()) {
                        if (loadedIds.add(pair.id())) {
                            loaded.add(pair);
                        }
                    }
                    if (advanceWhenLoaded) {
                        advanceWhenLoaded = false;
                        if (index + 1 < loaded.size()) {
                            show(index + 1);
                        } else if (loaded.isEmpty()) {
                            queueState.set(QueueState.EMPTY);
                        } else {
                            next();
                        }
                    } else {
                        prepareAndScoreAhead();
                    }
                },
                error -> {
                    if (expected != generation) {
                        return;
                    }
                    loadingPage = false;
                    advanceWhenLoaded = false;
                    report("Cannot read pairs", error);
                    if (loaded.isEmpty()) {
                        queueState.set(QueueState.EMPTY);
                    }
                });
    }

    private void refreshCounts() {
        long expected = generation;
        PreferenceStore source = store;
        QueueFilter wanted = filter;
        Long modelId = modelId();
        executor.submit(
                "Counting pairs",
                progress -> new PairQueue(source, wanted, modelId).counts(),
                counts -> {
                    if (expected != generation) {
                        return;
                    }
                    session.counted(counts.annotated(), counts.total());
                },
                error -> report("Cannot count pairs", error));
    }

    private void show(int position) {
        index = position;
        StoredPair stored = loaded.get(position);
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
        Annotation saved = mineOf(pair);
        resetDraft(saved);
        wordDiff.show(pair);
        updateScoreView();
        scores.scoreLive(pair.stored());
        updateNeighbours();
        shownAtMillis = clock.millis();
    }

    private void updateNeighbours() {
        List<PreparedPair> near = new ArrayList<>();
        if (index >= 0) {
            int last = Math.min(loaded.size(), index + 1 + NEIGHBOURS_AHEAD);
            for (int i = index + 1; i < last; i++) {
                PreparedPair pair = prepared.get(loaded.get(i).id());
                if (pair != null) {
                    near.add(pair);
                }
            }
            if (index - 1 >= 0 && index - 1 < loaded.size()) {
                PreparedPair pair = prepared.get(loaded.get(index - 1).id());
                if (pair != null) {
                    near.add(pair);
                }
            }
        }
        if (!near.equals(neighbours.get())) {
            neighbours.set(List.copyOf(near));
        }
    }

    private void resetDraft(Annotation saved) {
        verdict.set(saved == null ? null : saved.verdict());
        strength.set(saved == null || saved.strength() == null ? 0 : saved.strength());
        selectedTags.set(
                saved == null
                        ? Set.of()
                        : Collections.unmodifiableSet(new LinkedHashSet<>(saved.tags())));
        rationale.set(saved == null ? "" : saved.rationale());
    }

    private long currentId() {
        PreparedPair pair = current.get();
        return pair == null ? Long.MIN_VALUE : pair.id();
    }

    private int indexOf(long pairId) {
        for (int i = 0; i < loaded.size(); i++) {
            if (loaded.get(i).id() == pairId) {
                return i;
            }
        }
        return -1;
    }

    /** Reads and parses pairs in the background, showing the one the annotator waits for. */
    private void prepare(List<StoredPair> pairs) {
        List<StoredPair> todo = new ArrayList<>();
        for (StoredPair pair : pairs) {
            if (!prepared.containsKey(pair.id()) && preparing.add(pair.id())) {
                todo.add(pair);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        long expected = generation;
        PreferenceStore source = store;
        String who = annotator;
        executor.submit(
                "Preparing pairs",
                progress -> {
                    List<PreparedPair> done = new ArrayList<>(todo.size());
                    for (StoredPair pair : todo) {
                        done.add(PreparedPair.prepare(source, pair, who));
                    }
                    return done;
                },
                done -> {
                    if (expected != generation) {
                        return;
                    }
                    for (PreparedPair pair : done) {
                        preparing.remove(pair.id());
                        prepared.put(pair.id(), pair);
                    }
                    if (current.get() == null && index >= 0 && index < loaded.size()) {
                        PreparedPair waited = prepared.get(loaded.get(index).id());
                        if (waited != null) {
                            display(waited);
                        }
                    }
                    updateNeighbours();
                },
                error -> {
                    if (expected != generation) {
                        return;
                    }
                    todo.forEach(pair -> preparing.remove(pair.id()));
                    report("Cannot read a pair", error);
                });
    }

    private void prepareAndScoreAhead() {
        if (index < 0 || index >= loaded.size()) {
            return;
        }
        if (!exhausted && loaded.size() - index <= LOOKAHEAD + 1) {
            loadPage();
        }
        prepare(ahead());
        scores.scoreAhead(ahead());
    }

    private List<StoredPair> ahead() {
        int from = Math.min(loaded.size(), index + 1);
        int to = Math.min(loaded.size(), index + 1 + LOOKAHEAD);
        return List.copyOf(loaded.subList(from, to));
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
        boolean revealed = pair != null && !blindMode.hides(mineOf(pair));
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
        tokens.update(pair, pair != null && blindMode.hides(mineOf(pair)));
    }

    private Annotation mineOf(PreparedPair pair) {
        if (pair == null) {
            return null;
        }
        Optional<Annotation> changed = mine.get(pair.id());
        if (changed != null) {
            return changed.orElse(null);
        }
        return pair.mine() == null ? null : pair.mine().annotation();
    }

    private boolean annotatedNow(long pairId, boolean byOthers) {
        if (byOthers) {
            return true;
        }
        Optional<Annotation> changed = mine.get(pairId);
        if (changed != null) {
            return changed.isPresent();
        }
        PreparedPair pair = prepared.get(pairId);
        return pair != null && pair.mine() != null;
    }

    private List<String> orderedTags(Set<String> selected) {
        List<String> ordered = new ArrayList<>();
        for (String tag : tags.get()) {
            if (selected.contains(tag)) {
                ordered.add(tag);
            }
        }
        for (String tag : selected) {
            if (!ordered.contains(tag)) {
                ordered.add(tag);
            }
        }
        return ordered;
    }

    private void resaveIfJudged() {
        PreparedPair pair = current.get();
        Annotation saved = mineOf(pair);
        if (saved == null) {
            return;
        }
        Annotation changed =
                new Annotation(
                        saved.pairId(),
                        saved.annotator(),
                        saved.verdict(),
                        strength.get() == 0 ? null : strength.get(),
                        orderedTags(selectedTags.get()),
                        rationale.get(),
                        saved.displayedAsA(),
                        saved.timeTakenMs(),
                        saved.createdAt());
        save(pair, changed, false);
    }

    /** Records an annotation at once, writes it in order, and remembers how to undo it. */
    private void save(PreparedPair pair, Annotation annotation, boolean newVerdict) {
        long pairId = pair.id();
        Annotation before = mineOf(pair);
        boolean wasAnnotated = annotatedNow(pairId, pair.annotatedByOthers());
        mine.put(pairId, Optional.of(annotation));
        session.annotatedChanged(wasAnnotated, true);
        undo.record(
                new UndoHistory.Change(
                        pairId, before, annotation, newVerdict, pair.annotatedByOthers()));
        if (newVerdict) {
            session.verdictGiven(annotation.timeTakenMs());
        }
        if (pairId == currentId()) {
            verdict.set(annotation.verdict());
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
