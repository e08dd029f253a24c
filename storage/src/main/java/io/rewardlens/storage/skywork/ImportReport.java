package io.rewardlens.storage.skywork;

import io.rewardlens.storage.formats.PreferenceFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a finished import.
 *
 * @param dataset the dataset created
 * @param file the input file
 * @param fileType its container
 * @param format the records' layout
 * @param detectedBecause what in the first record decided the layout, or null when it was given
 * @param imported pairs stored
 * @param diverging how many of them diverge before their last turn (kept as whole conversations)
 * @param blankLines blank lines passed over (JSONL)
 * @param skipped every record left out with skip-invalid, in file order
 * @param verdicts the human verdicts imported with the pairs (Argilla, Label Studio)
 * @param elapsed how long the import took
 */
public record ImportReport(
        String dataset,
        Path file,
        SkyworkFileType fileType,
        PreferenceFormat format,
        String detectedBecause,
        long imported,
        long diverging,
        long blankLines,
        List<RecordProblem> skipped,
        long verdicts,
        Duration elapsed) {
    /** Copies the list. */
    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
