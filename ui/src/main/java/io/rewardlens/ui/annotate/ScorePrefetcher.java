package io.rewardlens.ui.annotate;

import io.rewardlens.scoring.BatchJob;
import io.rewardlens.scoring.BatchListener;
import io.rewardlens.scoring.BatchProgress;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.scoring.ScoringException;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.task.BackgroundExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Scores pairs with the reward model in use: the pair on screen live, ahead of any background work,
 * and the pairs after it as one background batch, so that moving on finds their scores. Keeps the
 * {@value #CACHE} most recent results (and failures) and saves new scores in the store. Results of
 * work started for another store or model than the one in use now are dropped.
 *
 * <p>Call its methods on the UI thread.
 */
final class ScorePrefetcher {
    /** How many pairs' results (and, apart, failures) are kept. */
    static final int CACHE = 512;

    private final BackgroundExecutor executor;
    private final Consumer<String> errors;
    private final Consumer<Set<Long>> scored;

    private PreferenceStore store;
    private ScoringContext context;

    /** Counts the changes of store or model, so that late results of an earlier one are dropped. */
    private long epoch;

    private final Map<Long, PairResults> results = Lru.of(CACHE);
    private final Map<Long, String> failures = Lru.of(CACHE);
    private final Set<Long> scoringLive = new HashSet<>();
    private final Set<Long> scoringAhead = new HashSet<>();

    /**
     * A prefetcher with no store and no model.
     *
     * @param executor runs the scoring and the saving of scores
     * @param errors shown to the user when scores cannot be saved (on the UI thread)
     * @param scored told the pairs whose results or failure just became known
     */
    ScorePrefetcher(
            BackgroundExecutor executor, Consumer<String> errors, Consumer<Set<Long>> scored) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.scored = Objects.requireNonNull(scored, "scored");
    }

    /**
     * Scores the pairs of a store with a model from now on, forgetting every result known so far.
     *
     * @param newStore the store whose pairs are scored and where their scores are saved, or null
     * @param newContext the model, or null for none
     */
    void use(PreferenceStore newStore, ScoringContext newContext) {
        store = newStore;
        context = newContext;
        epoch++;
        results.clear();
        failures.clear();
        scoringLive.clear();
        scoringAhead.clear();
    }

    /**
     * The model in use.
     *
     * @return its context, or null for none
     */
    ScoringContext context() {
        return context;
    }

    /**
     * The model's results for a pair, if known.
     *
     * @param pairId the pair
     * @return its results, or null
     */
    PairResults results(long pairId) {
        return results.get(pairId);
    }

    /**
     * Why a pair could not be scored, if it could not.
     *
     * @param pairId the pair
     * @return the failure's message, or null
     */
    String failure(long pairId) {
        return failures.get(pairId);
    }

    /**
     * Scores a pair at once, ahead of background work, unless its results are known or on the way.
     *
     * @param pair the pair on screen
     */
    void scoreLive(StoredPair pair) {
        ScoringContext model = context;
        long pairId = pair.id();
        if (model == null || results.containsKey(pairId) || !scoringLive.add(pairId)) {
            return;
        }
        long expected = epoch;
        List<Conversation> conversations = conversations(pair);
        executor.submit(
                "Scoring pair " + pairId,
                progress ->
                        await(
                                model.service()
                                        .scoreLive(conversations, ScoringContext.LENGTH_POLICY)),
                scores -> {
                    if (expected != epoch) {
                        return;
                    }
                    scoringLive.remove(pairId);
                    accept(Map.of(pairId, new PairResults(scores.get(0), scores.get(1))));
                },
                error -> {
                    if (expected != epoch) {
                        return;
                    }
                    scoringLive.remove(pairId);
                    failures.put(pairId, FailureMessage.of(error));
                    scored.accept(Set.of(pairId));
                });
    }

    /**
     * Scores pairs as one background batch, leaving out those whose results or failure are known or
     * on the way. A pair that fails here is left to be scored live when it is shown.
     *
     * @param pairs the pairs after the one on screen
     */
    void scoreAhead(List<StoredPair> pairs) {
        ScoringContext model = context;
        if (model == null) {
            return;
        }
        List<StoredPair> todo = new ArrayList<>();
        for (StoredPair pair : pairs) {
            if (!results.containsKey(pair.id())
                    && !failures.containsKey(pair.id())
                    && scoringAhead.add(pair.id())) {
                todo.add(pair);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        long expected = epoch;
        List<Conversation> conversations = new ArrayList<>();
        for (StoredPair pair : todo) {
            conversations.addAll(conversations(pair));
        }
        executor.submit(
                "Scoring the next pairs",
                progress -> scoreBatch(model, conversations),
                scores -> {
                    if (expected != epoch) {
                        return;
                    }
                    Map<Long, PairResults> found = new LinkedHashMap<>();
                    for (int i = 0; i < todo.size(); i++) {
                        long pairId = todo.get(i).id();
                        scoringAhead.remove(pairId);
                        ScoreResult chosen = scores[2 * i];
                        ScoreResult rejected = scores[2 * i + 1];
                        if (chosen != null && rejected != null) {
                            found.put(pairId, new PairResults(chosen, rejected));
                        }
                    }
                    accept(found);
                },
                error -> {
                    if (expected != epoch) {
                        return;
                    }
                    todo.forEach(pair -> scoringAhead.remove(pair.id()));
                });
    }

    /** Keeps new results, tells who listens, and saves them in the store they were scored for. */
    private void accept(Map<Long, PairResults> found) {
        if (found.isEmpty()) {
            return;
        }
        results.putAll(found);
        scored.accept(Set.copyOf(found.keySet()));
        ScoringContext model = context;
        PreferenceStore target = store;
        if (target == null || target.readOnlyReason().isPresent()) {
            return; // a read-only store keeps live scores in memory only
        }
        List<PairScore> rows = new ArrayList<>();
        found.forEach(
                (pairId, pair) ->
                        rows.add(
                                DatasetScoring.toPairScore(
                                        pairId, model.model(), pair.chosen(), pair.rejected())));
        executor.submit(
                "Saving scores",
                progress -> {
                    target.saveScores(rows);
                    return null;
                },
                ignored -> {},
                error -> {
                    // Live scores are shown either way and can always be computed again: while
                    // another process holds the database they are not saved, and that is no error.
                    if (!(error instanceof StoreBusyException)) {
                        errors.accept("Cannot save scores: " + FailureMessage.of(error));
                    }
                });
    }

    private static List<Conversation> conversations(StoredPair pair) {
        return List.of(
                PairConversations.of(pair.pair(), Side.CHOSEN),
                PairConversations.of(pair.pair(), Side.REJECTED));
    }

    private static ScoreResult[] scoreBatch(
            ScoringContext context, List<Conversation> conversations) throws Exception {
        ScoreResult[] scores = new ScoreResult[conversations.size()];
        BatchJob job =
                context.service()
                        .submitBatch(
                                conversations,
                                ScoringContext.LENGTH_POLICY,
                                new BatchListener() {
                                    @Override
                                    public void scored(int index, ScoreResult result) {
                                        scores[index] = result;
                                    }

                                    @Override
                                    public void failed(int index, ScoringException error) {
                                        // Left null: the pair is scored live when it is shown.
                                    }
                                });
        BatchProgress finished = await(job.completion());
        if (finished.cancelled()) {
            throw new CancellationException("scoring ahead was cancelled");
        }
        return scores;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }
}
