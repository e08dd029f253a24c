package io.rewardlens.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The scoring service of one loaded model: a single worker thread owns the model's predictor and
 * runs two queues. Live requests (the pair on screen) always go first; background {@link BatchJob}s
 * advance one model call at a time in between, so a live request waits at most for the model call
 * in progress. Every score is looked up in the {@link ScoreCache} before running the model and
 * stored there after.
 *
 * <p>Futures and listeners complete on the worker thread. Closing the service stops the worker (the
 * model stays open; close it after the service).
 */
public final class ScoringService implements AutoCloseable {
    /** Conversations encoded and looked up at once by a batch job; bucketing works within it. */
    static final int WINDOW = 512;

    private final RewardModel model;
    private final ScoreCache cache;
    private final Thread worker;
    private final Object lock = new Object();
    private final Deque<LiveRequest> live = new ArrayDeque<>();
    private final Deque<JobRun> jobs = new ArrayDeque<>();
    private boolean closing;

    /**
     * Starts the service's worker thread.
     *
     * @param model the loaded model; the service becomes its only user
     * @param cache where scores are looked up and stored
     */
    public ScoringService(RewardModel model, ScoreCache cache) {
        this.model = Objects.requireNonNull(model, "model");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.worker = new Thread(this::work, "rewardlens-scoring-" + model.info().name());
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Returns the model the service runs.
     *
     * @return the model
     */
    public RewardModel model() {
        return model;
    }

    /**
     * Scores conversations ahead of any batch work, in one bucketed call when they are not cached.
     *
     * @param conversations the conversations on screen (typically chosen and rejected)
     * @param policy what to do with one longer than the model accepts
     * @return the results in input order; fails with the {@link ScoringException} of the first
     *     conversation that cannot be scored
     */
    public CompletableFuture<List<ScoreResult>> scoreLive(
            List<Conversation> conversations, LengthPolicy policy) {
        return submitLive(checked(conversations), policy);
    }

    /**
     * Scores one conversation ahead of any batch work.
     *
     * @param conversation the conversation
     * @param policy what to do when it is longer than the model accepts
     * @return its result
     */
    public CompletableFuture<ScoreResult> scoreLive(
            Conversation conversation, LengthPolicy policy) {
        return scoreLive(List.of(conversation), policy).thenApply(results -> results.get(0));
    }

    /**
     * Queues a background job over a list of conversations. Conversations already in the cache are
     * reported as such without running the model, so submitting a cancelled job's list again
     * resumes it.
     *
     * @param conversations the conversations, in the order the listener's indices refer to
     * @param policy what to do with one longer than the model accepts
     * @param listener follows results and progress
     * @return the job, to cancel it or wait for it
     */
    public BatchJob submitBatch(
            List<Conversation> conversations, LengthPolicy policy, BatchListener listener) {
        return submitJob(checked(conversations), policy, listener);
    }

    private static List<Conversation> checked(List<Conversation> conversations) {
        for (Conversation conversation : conversations) {
            Objects.requireNonNull(conversation, "conversation");
        }
        return List.copyOf(conversations);
    }

    private CompletableFuture<List<ScoreResult>> submitLive(
            List<Conversation> inputs, LengthPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        LiveRequest request = new LiveRequest(inputs, policy, new CompletableFuture<>());
        synchronized (lock) {
            if (closing) {
                request.result.completeExceptionally(closedError());
            } else {
                live.add(request);
                lock.notifyAll();
            }
        }
        return request.result;
    }

    private BatchJob submitJob(
            List<Conversation> inputs, LengthPolicy policy, BatchListener listener) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        BatchJob job = new BatchJob(inputs.size());
        JobRun run = new JobRun(job, inputs, policy, listener);
        synchronized (lock) {
            if (closing) {
                job.completionSink().completeExceptionally(closedError());
            } else {
                jobs.add(run);
                lock.notifyAll();
            }
        }
        return job;
    }

    private static CancellationException closedError() {
        return new CancellationException("the scoring service is closed");
    }

    private void work() {
        while (true) {
            LiveRequest request = null;
            JobRun job = null;
            synchronized (lock) {
                while (!closing && live.isEmpty() && jobs.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closing = true;
                    }
                }
                if (closing) {
                    break;
                }
                if (!live.isEmpty()) {
                    request = live.poll();
                } else {
                    job = jobs.peek();
                }
            }
            if (request != null) {
                runLive(request);
            } else if (step(job)) {
                synchronized (lock) {
                    jobs.remove(job);
                }
            }
        }
        drainAfterClose();
    }

    private void drainAfterClose() {
        List<LiveRequest> pendingLive;
        List<JobRun> pendingJobs;
        synchronized (lock) {
            pendingLive = new ArrayList<>(live);
            pendingJobs = new ArrayList<>(jobs);
            live.clear();
            jobs.clear();
        }
        for (LiveRequest request : pendingLive) {
            request.result.completeExceptionally(closedError());
        }
        for (JobRun run : pendingJobs) {
            run.job.completionSink().completeExceptionally(closedError());
        }
    }

    private void runLive(LiveRequest request) {
        try {
            List<EncodedConversation> encoded = new ArrayList<>(request.inputs.size());
            for (Conversation conversation : request.inputs) {
                encoded.add(model.encode(conversation, request.policy));
            }
            request.result.complete(scoreWithCache(encoded));
        } catch (ScoringException | RuntimeException e) {
            request.result.completeExceptionally(e);
        }
    }

    /** Looks everything up, scores the misses in bucketed batches, stores them, keeps order. */
    private List<ScoreResult> scoreWithCache(List<EncodedConversation> encoded)
            throws InferenceException {
        String modelKey = model.info().modelKey();
        List<ScoreKey> keys = new ArrayList<>(encoded.size());
        for (EncodedConversation e : encoded) {
            keys.add(new ScoreKey(modelKey, e.tokenIdsSha256()));
        }
        Map<ScoreKey, CachedScore> hits = cache.getAll(keys);
        List<ScoreResult> results = new ArrayList<>(encoded.size());
        List<Integer> missIndices = new ArrayList<>();
        List<EncodedConversation> misses = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            CachedScore hit = hits.get(keys.get(i));
            results.add(hit == null ? null : fromCache(hit, encoded.get(i)));
            if (hit == null) {
                missIndices.add(i);
                misses.add(encoded.get(i));
            }
        }
        if (!misses.isEmpty()) {
            List<ScoreResult> scored = model.scoreEncoded(misses);
            Map<ScoreKey, CachedScore> store = new LinkedHashMap<>();
            for (int k = 0; k < scored.size(); k++) {
                int index = missIndices.get(k);
                results.set(index, scored.get(k));
                store.put(keys.get(index), scored.get(k).toCached());
            }
            cache.putAll(store);
        }
        return results;
    }

    private static ScoreResult fromCache(CachedScore hit, EncodedConversation input) {
        float[] perToken = hit.perTokenScoresShared();
        if (perToken != null && perToken.length != input.tokenCount()) {
            // Same ids hash, different length: a damaged entry; its per-token detail is unusable.
            perToken = null;
        }
        return new ScoreResult(hit.score(), perToken, input, hit.provenance(), true);
    }

    /** Advances a job by one unit of work; returns true when the job has ended. */
    private boolean step(JobRun run) {
        try {
            if (run.job.isCancelRequested()) {
                run.finish(true);
                return true;
            }
            if (run.pendingBatches.isEmpty()) {
                if (run.next >= run.inputs.size()) {
                    run.finish(false);
                    return true;
                }
                prepareWindow(run);
            } else {
                runJobBatch(run, run.pendingBatches.poll());
            }
            run.reportProgress();
            return false;
        } catch (RuntimeException e) {
            run.job.completionSink().completeExceptionally(e);
            return true;
        }
    }

    /** Encodes the job's next window, reports cache hits and failures, plans batches. */
    private void prepareWindow(JobRun run) {
        int end = Math.min(run.inputs.size(), run.next + WINDOW);
        List<Integer> indices = new ArrayList<>();
        List<EncodedConversation> encoded = new ArrayList<>();
        for (int i = run.next; i < end; i++) {
            try {
                encoded.add(model.encode(run.inputs.get(i), run.policy));
                indices.add(i);
            } catch (ScoringException e) {
                run.failed++;
                run.listener.failed(i, e);
            }
        }
        run.next = end;
        String modelKey = model.info().modelKey();
        List<ScoreKey> keys = new ArrayList<>(encoded.size());
        for (EncodedConversation e : encoded) {
            keys.add(new ScoreKey(modelKey, e.tokenIdsSha256()));
        }
        Map<ScoreKey, CachedScore> hits = cache.getAll(keys);
        List<Integer> missIndices = new ArrayList<>();
        List<EncodedConversation> misses = new ArrayList<>();
        for (int k = 0; k < encoded.size(); k++) {
            CachedScore hit = hits.get(keys.get(k));
            if (hit != null) {
                run.fromCache++;
                run.listener.scored(indices.get(k), fromCache(hit, encoded.get(k)));
            } else {
                missIndices.add(indices.get(k));
                misses.add(encoded.get(k));
            }
        }
        for (List<Integer> batch : model.planBatches(misses)) {
            List<Integer> jobIndices = new ArrayList<>(batch.size());
            List<EncodedConversation> rows = new ArrayList<>(batch.size());
            for (int position : batch) {
                jobIndices.add(missIndices.get(position));
                rows.add(misses.get(position));
            }
            run.pendingBatches.add(new PlannedBatch(jobIndices, rows));
        }
    }

    private void runJobBatch(JobRun run, PlannedBatch batch) {
        List<ScoreResult> scored;
        try {
            scored = model.scoreBatch(batch.rows);
        } catch (InferenceException e) {
            for (int index : batch.indices) {
                run.failed++;
                run.listener.failed(index, e);
            }
            return;
        }
        String modelKey = model.info().modelKey();
        Map<ScoreKey, CachedScore> store = new LinkedHashMap<>();
        for (ScoreResult result : scored) {
            store.put(new ScoreKey(modelKey, result.input().tokenIdsSha256()), result.toCached());
        }
        cache.putAll(store);
        for (int k = 0; k < scored.size(); k++) {
            run.scored++;
            run.listener.scored(batch.indices.get(k), scored.get(k));
        }
    }

    /**
     * Stops the worker after the model call in progress; queued live requests and jobs complete
     * exceptionally with a {@link CancellationException}. Does not close the model.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        if (Thread.currentThread() != worker) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record LiveRequest(
            List<Conversation> inputs,
            LengthPolicy policy,
            CompletableFuture<List<ScoreResult>> result) {}

    private record PlannedBatch(List<Integer> indices, List<EncodedConversation> rows) {}

    /** A job's state, touched only by the worker thread. */
    private static final class JobRun {
        final BatchJob job;
        final List<Conversation> inputs;
        final LengthPolicy policy;
        final BatchListener listener;
        final Deque<PlannedBatch> pendingBatches = new ArrayDeque<>();
        int next;
        int scored;
        int fromCache;
        int failed;

        JobRun(
                BatchJob job,
                List<Conversation> inputs,
                LengthPolicy policy,
                BatchListener listener) {
            this.job = job;
            this.inputs = inputs;
            this.policy = policy;
            this.listener = listener;
        }

        BatchProgress snapshot(boolean cancelled) {
            return new BatchProgress(inputs.size(), scored, fromCache, failed, cancelled);
        }

        void reportProgress() {
            BatchProgress progress = snapshot(false);
            job.setProgress(progress);
            listener.progress(progress);
        }

        void finish(boolean cancelled) {
            BatchProgress progress = snapshot(cancelled);
            job.setProgress(progress);
            listener.progress(progress);
            job.completionSink().complete(progress);
        }
    }
}
