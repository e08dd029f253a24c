package io.rewardlens.storage.skywork;

import java.util.Objects;

/**
 * An import was refused because of bad input; the store is unchanged. The message names the file,
 * the line or record, the field and the reason (see {@link RecordProblem}).
 */
public class ImportRefusedException extends Exception {
    private final RecordProblem problem;

    /** Creates the exception for one problem. */
    public ImportRefusedException(RecordProblem problem) {
        super(Objects.requireNonNull(problem, "problem").toString());
        this.problem = problem;
    }

    /** The problem that stopped the import. */
    public RecordProblem problem() {
        return problem;
    }
}
