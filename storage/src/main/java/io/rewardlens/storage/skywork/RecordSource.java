package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ImportedVerdict;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads the records of one input file in order. After each successful {@link #next()} exactly one
 * of {@link #record()} and {@link #problem()} is set.
 */
interface RecordSource extends Closeable {
    /**
     * Moves to the next record.
     *
     * @return false at the end of the file
     * @throws ImportRefusedException if the file cannot be read on (corrupt container, broken
     *     schema); such problems cannot be skipped
     */
    boolean next() throws IOException, ImportRefusedException;

    /** The current record, or null when it is invalid. */
    SkyworkRecord record();

    /**
     * The verdicts people gave on the current record's pair in the tool it came from (none for most
     * layouts).
     */
    default List<ImportedVerdict> verdicts() {
        return List.of();
    }

    /** What is wrong with the current record, or null when it is valid. */
    RecordProblem problem();

    /** The current record's line (JSONL) or record (Parquet) number, 1-based. */
    long position();

    /** Progress so far, in the units of {@link #total()}. */
    long done();

    /** Progress units in all (input bytes, or records), or -1 if unknown. */
    long total();

    /** Blank lines passed over so far (JSONL only). */
    long blankLines();
}
