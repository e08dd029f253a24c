package io.rewardlens.storage.skywork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The outcome of a finished export.
 *
 * @param output the written file
 * @param sidecar the provenance file written next to it ({@code <output>.meta.json})
 * @param fileType the output's container
 * @param layout the output's record layout
 * @param considered pairs of the selected datasets and sources
 * @param exported pairs written
 * @param leftOut pairs left out, by reason (reasons with no pair are absent)
 * @param annotators annotators whose verdicts are on the exported pairs
 * @param elapsed how long the export took
 */
public record ExportReport(
        Path output,
        Path sidecar,
        SkyworkFileType fileType,
        ExportLayout layout,
        long considered,
        long exported,
        Map<LeftOutReason, Long> leftOut,
        SortedSet<String> annotators,
        Duration elapsed) {
    /** Copies the collections. */
    public ExportReport {
        leftOut = Map.copyOf(leftOut);
        annotators = Collections.unmodifiableSortedSet(new TreeSet<>(annotators));
    }
}
