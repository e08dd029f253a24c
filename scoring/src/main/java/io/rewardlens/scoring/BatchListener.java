package io.rewardlens.scoring;

/**
 * Follows a {@link BatchJob}: each result as it comes (in completion order, with its index in the
 * job's list) and the progress after each step. Called on the scoring service's worker thread, so
 * keep it quick and hand UI work to the UI thread. Every method does nothing by default.
 */
public interface BatchListener {
    /**
     * Called after each step of the job.
     *
     * @param progress the counts so far
     */
    default void progress(BatchProgress progress) {}

    /**
     * Called for each conversation scored or found in the cache.
     *
     * @param index the conversation's index in the job's list
     * @param result its score ({@link ScoreResult#fromCache()} tells which)
     */
    default void scored(int index, ScoreResult result) {}

    /**
     * Called for each conversation that could not be scored; the job goes on with the others.
     *
     * @param index the conversation's index in the job's list
     * @param error why, naming the cause
     */
    default void failed(int index, ScoringException error) {}
}
