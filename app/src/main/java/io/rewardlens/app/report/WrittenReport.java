package io.rewardlens.app.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The files a report consists of.
 *
 * @param markdown the report itself ({@code report.md})
 * @param csvFiles one CSV file per table or plot's data
 * @param plots the PNG charts
 */
public record WrittenReport(Path markdown, List<Path> csvFiles, List<Path> plots) {
    /** Copies the lists. */
    public WrittenReport {
        csvFiles = List.copyOf(csvFiles);
        plots = List.copyOf(plots);
    }
}
