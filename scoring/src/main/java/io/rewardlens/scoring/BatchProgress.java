package io.rewardlens.scoring;

/**
 * How far a {@link BatchJob} has come. {@code scored + fromCache + failed} conversations are done.
 *
 * @param total how many conversations the job has
 * @param scored how many the model scored
 * @param fromCache how many came from the {@link ScoreCache} (skipped when resuming)
 * @param failed how many could not be scored (template error, too long under REFUSE, engine
 *     failure)
 * @param cancelled whether the job stopped because it was cancelled (only in the final progress)
 */
public record BatchProgress(int total, int scored, int fromCache, int failed, boolean cancelled) {
    /**
     * Returns how many conversations are done, whatever the outcome.
     *
     * @return scored plus cached plus failed
     */
    public int done() {
        return scored + fromCache + failed;
    }

    /**
     * Returns the fraction done, for a progress bar.
     *
     * @return between 0 and 1; 1 for an empty job
     */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done() / total;
    }
}
