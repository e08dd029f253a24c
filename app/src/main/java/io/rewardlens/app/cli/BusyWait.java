package io.rewardlens.app.cli;

import io.rewardlens.storage.StoreBusyException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Batch jobs wait for other processes: a job that finds the database held past the store's busy
 * timeout (the workbench saving, another import) says so once and starts again when it is free, for
 * up to {@link #LONGEST} in all. Only jobs that can start again without harm use it: an import that
 * was refused stored nothing, and scoring skips what it already saved.
 */
final class BusyWait {
    /** The longest a job waits for the database in all before it gives up and says why. */
    static final Duration LONGEST = Duration.ofMinutes(10);

    private BusyWait() {}

    /**
     * Runs a job, starting it again while the database is busy.
     *
     * @param err where the one waiting notice goes
     * @param what the job, for the notice ("the import of data.jsonl")
     * @param job the job
     * @return its result
     * @throws StoreBusyException when the database stayed busy for {@link #LONGEST}
     */
    static <T> T retry(PrintWriter err, String what, Callable<T> job) throws Exception {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        boolean told = false;
        while (true) {
            try {
                return job.call();
            } catch (StoreBusyException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                if (!told) {
                    err.println(
                            "waiting: another process holds the database; "
                                    + what
                                    + " starts again when it is free");
                    err.flush();
                    told = true;
                }
                Thread.sleep(1000);
            }
        }
    }
}
