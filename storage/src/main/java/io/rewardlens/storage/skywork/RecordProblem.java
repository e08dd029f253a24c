package io.rewardlens.storage.skywork;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What is wrong with one record of an input file, and where: the file, the line (JSONL) or record
 * (Parquet) number, the field, and the reason. {@link #toString()} gives the message for the user,
 * e.g. {@code data.jsonl line 17, field chosen[1].content: expected a string, got number}.
 *
 * @param file the input file
 * @param unit {@code line} for JSONL, {@code record} for Parquet
 * @param number the 1-based line or record number; 0 when the problem concerns the whole file
 * @param field the field path such as {@code chosen[1].content}, or null when no single field is at
 *     fault
 * @param reason what is wrong
 */
public record RecordProblem(Path file, String unit, long number, String field, String reason) {
    /** Rejects missing fields. */
    public RecordProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reason, "reason");
    }

    /** A problem with the whole file rather than one record. */
    static RecordProblem ofFile(Path file, String reason) {
        return new RecordProblem(file, "file", 0, null, reason);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        Path name = file.getFileName();
        text.append(name == null ? file : name);
        if (number > 0) {
            text.append(' ').append(unit).append(' ').append(number);
        }
        if (field != null && !field.isEmpty()) {
            text.append(", field ").append(field);
        }
        return text.append(": ").append(reason).toString();
    }
}
