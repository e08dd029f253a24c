package io.rewardlens.storescoring;

import io.rewardlens.scoring.BatchJob;
import io.rewardlens.scoring.BatchListener;
import io.rewardlens.scoring.BatchProgress;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.LengthPolicy;
import io.rewardlens.scoring.ModelInfo;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.scoring.ScoringException;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.RewardModelInfo;
import io.rewardlens.storage.ScoreProvenance;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Scores every pair of a dataset (or of the whole store) with one model and saves the scores in the
 * store. Resumable: pairs that already have a score from this model are left alone, and
 * conversations whose scores are in the score cache are not run again, so a job killed half way
 * picks up where it stopped. Runs on the calling thread; the model work happens on the scoring
 * service's worker, as background work that live requests overtake.
 */
public final class DatasetScoring {
    /** Pairs handed to the scoring service at once; scores are saved after each chunk. */
    public static final int CHUNK_PAIRS = 128;

    private final PreferenceStore store;
    private final ScoringService service;
    private final LengthPolicy lengthPolicy;

    /**
     * Prepares a scoring run.
     *
     * @param store where pairs are read and scores saved
     * @param service the scoring service of the model
     * @param lengthPolicy what to do with a conversation longer than the model accepts
     */
    public DatasetScoring(
            PreferenceStore store, ScoringService service, LengthPolicy lengthPolicy) {
        this.store = store;
        this.service = service;
        this.lengthPolicy = lengthPolicy;
    }

    /**
     * What a run did.
     *
     * @param model the model as registered in the store
     * @param considered pairs in the selection
     * @param alreadyScored pairs skipped because this model had scored them before
     * @param scored pairs scored and saved by this run
     * @param failed pairs that could not be scored (with the first few reasons)
     * @param failures "pair N: reason" for the first failures
     * @param cancelled whether the run stopped early on request
     */
    public record Report(
            StoredModel model,
            long considered,
            long alreadyScored,
            long scored,
            long failed,
            List<String> failures,
            boolean cancelled) {
        /** Copies the failure list. */
        public Report {
            failures = List.copyOf(failures);
        }
    }

    /**
     * The model as the store records it, registered if new.
     *
     * @return the stored model
     */
    public StoredModel registerModel() {
        ModelInfo info = service.model().info();
        return store.registerModel(
                new RewardModelInfo(
                        info.bundleHash(),
                        info.name(),
                        info.trace().dtype(),
                        info.device(),
                        info.engineVersion(),
                        info.templateSha256()));
    }

    /**
     * Scores the pairs of a dataset that this model has not scored yet.
     *
     * @param dataset the dataset, or null for every dataset in the store
     * @param progress told pairs done out of pairs to score
     * @param cancelRequested checked between chunks; when true the run stops, keeping what it saved
     * @return what was done
     */
    public Report scoreDataset(
            String dataset, ProgressListener progress, BooleanSupplier cancelRequested) {
        StoredModel model = registerModel();
        PairQuery query = dataset == null ? PairQuery.all() : PairQuery.all().withDataset(dataset);
        List<Long> todo = new ArrayList<>();
        long[] considered = {0};
        store.forEachPairWithDetails(
                query,
                model.id(),
                details -> {
                    considered[0]++;
                    if (details.score().isEmpty()) {
                        todo.add(details.pair().id());
                    }
                });
        long alreadyScored = considered[0] - todo.size();
        long scored = 0;
        long failed = 0;
        List<String> failures = new ArrayList<>();
        progress.progress(0, todo.size(), "scoring with " + model.info().name());
        for (int start = 0; start < todo.size(); start += CHUNK_PAIRS) {
            if (cancelRequested.getAsBoolean()) {
                return new Report(
                        model, considered[0], alreadyScored, scored, failed, failures, true);
            }
            List<StoredPair> pairs = new ArrayList<>();
            for (Long id : todo.subList(start, Math.min(todo.size(), start + CHUNK_PAIRS))) {
                store.pair(id).ifPresent(pairs::add);
            }
            ChunkResult chunk = scoreChunk(pairs, model);
            saveWaitingWhileBusy(chunk.scores(), progress, start, todo.size());
            scored += chunk.scores().size();
            failed += chunk.failures().size();
            for (String failure : chunk.failures()) {
                if (failures.size() < 20) {
                    failures.add(failure);
                }
            }
            progress.progress(
                    Math.min(todo.size(), start + CHUNK_PAIRS),
                    todo.size(),
                    "scoring with " + model.info().name());
        }
        return new Report(model, considered[0], alreadyScored, scored, failed, failures, false);
    }

    /** How long saving a chunk waits, at most, for other processes that hold the database. */
    static final Duration LONGEST_BUSY_WAIT = Duration.ofMinutes(10);

    /**
     * Saves a chunk's scores; while another process (an import, say) holds the database past the
     * busy timeout, says so through the progress and tries again, so that a long import elsewhere
     * delays a scoring run instead of ending it.
     */
    private void saveWaitingWhileBusy(
            List<PairScore> scores, ProgressListener progress, long done, long total) {
        long deadline = System.nanoTime() + LONGEST_BUSY_WAIT.toNanos();
        while (true) {
            try {
                store.saveScores(scores);
                return;
            } catch (StoreBusyException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                progress.progress(done, total, "waiting: another process holds the database");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    private record ChunkResult(List<PairScore> scores, List<String> failures) {}

    private ChunkResult scoreChunk(List<StoredPair> pairs, StoredModel model) {
        List<Conversation> conversations = new ArrayList<>();
        for (StoredPair pair : pairs) {
            conversations.add(PairConversations.of(pair.pair(), Side.CHOSEN));
            conversations.add(PairConversations.of(pair.pair(), Side.REJECTED));
        }
        ScoreResult[] results = new ScoreResult[conversations.size()];
        Map<Integer, String> errors = new LinkedHashMap<>();
        BatchJob job =
                service.submitBatch(
                        conversations,
                        lengthPolicy,
                        new BatchListener() {
                            @Override
                            public void scored(int index, ScoreResult result) {
                                results[index] = result;
                            }

                            @Override
                            public void failed(int index, ScoringException error) {
                                synchronized (errors) {
                                    errors.putIfAbsent(index / 2, error.getMessage());
                                }
                            }
                        });
        BatchProgress finished = await(job);
        if (finished.cancelled()) {
            throw new CancellationException("the scoring service was closed");
        }
        List<PairScore> scores = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            ScoreResult chosen = results[2 * i];
            ScoreResult rejected = results[2 * i + 1];
            if (chosen == null || rejected == null) {
                String reason;
                synchronized (errors) {
                    reason = errors.getOrDefault(i, "not scored");
                }
                failures.add("pair " + pairs.get(i).id() + ": " + reason);
                continue;
            }
            scores.add(toPairScore(pairs.get(i).id(), model, chosen, rejected));
        }
        return new ChunkResult(scores, failures);
    }

    private static BatchProgress await(BatchJob job) {
        try {
            return job.completion().get();
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while scoring");
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring job failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The stored form of a pair's two engine scores.
     *
     * @param pairId the pair
     * @param model the registered model
     * @param chosen the score of the chosen side
     * @param rejected the score of the rejected side
     * @return the pair score, with provenance
     */
    public static PairScore toPairScore(
            long pairId, StoredModel model, ScoreResult chosen, ScoreResult rejected) {
        Instant scoredAt =
                Optional.of(chosen.provenance().scoredAt())
                        .filter(at -> at.isAfter(rejected.provenance().scoredAt()))
                        .orElse(rejected.provenance().scoredAt());
        RewardModelInfo info = model.info();
        return new PairScore(
                pairId,
                model.id(),
                chosen.score(),
                rejected.score(),
                null,
                null,
                new ScoreProvenance(
                        info.bundleHash(),
                        info.dtype(),
                        info.device(),
                        info.templateHash(),
                        chosen.provenance().truncated() || rejected.provenance().truncated(),
                        scoredAt));
    }
}
