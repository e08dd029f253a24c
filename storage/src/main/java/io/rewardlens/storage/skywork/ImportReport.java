package io.rewardlens.storage.skywork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a finished import.
 *
 * @param dataset the dataset created
 * @param file the input file
 * @param fileType its container
 * @param imported pairs stored
 * @param diverging how many of them diverge before their last turn (kept as whole conversations)
 * @param blankLines blank lines passed over (JSONL)
 * @param skipped every record left out with skip-invalid, in file order
 * @param elapsed how long the import took
 */
public record ImportReport(
        String dataset,
        Path file,
        SkyworkFileType fileType,
        long imported,
        long diverging,
        long blankLines,
        List<RecordProblem> skipped,
        Duration elapsed) {
    /** Copies the list. */
    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
