package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the records of one input file as JSON objects, in order, for the layouts that are mapped
 * from a record's tree ({@link io.rewardlens.storage.formats.PreferenceFormat}). After each
 * successful {@link #next()} exactly one of {@link #object()} and {@link #problem()} is set.
 */
interface ObjectSource extends Closeable {
    /**
     * Moves to the next record.
     *
     * @return false at the end of the file
     * @throws ImportRefusedException if the file cannot be read on
     */
    boolean next() throws IOException, ImportRefusedException;

    /** The file being read. */
    Path file();

    /** The current record, or null when it is unreadable. */
    ObjectNode object();

    /** What is wrong with the current record, or null. */
    RecordProblem problem();

    /** The current record's line (JSONL) or record (JSON array, Parquet) number, 1-based. */
    long position();

    /** What a position counts: {@code line} or {@code record}. */
    String unit();

    /** Progress so far, in the units of {@link #total()}. */
    long done();

    /** Progress units in all, or -1 if unknown. */
    long total();

    /** Blank lines passed over so far (JSONL only). */
    long blankLines();
}
