package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every {@link ReportSection} works with while one report is written: the store and its
 * analysis, the options, the report folder, the Markdown built so far and the files written so far.
 * Sections write their files through {@link #writeCsv} and {@link #writePlot} so that the report
 * can list them.
 */
final class ReportContext {
    private final PreferenceStore store;
    private final PreferenceAnalysis analysis;
    private final ReportOptions options;
    private final Instant generatedAt;
    private final Path folder;
    private final StringBuilder markdown = new StringBuilder();
    private final List<Path> csvFiles = new ArrayList<>();
    private final List<Path> plots = new ArrayList<>();

    /**
     * A context for one report.
     *
     * @param store the store the analysis was loaded from (for the disagreement lists)
     * @param analysis the analysis to report
     * @param options how many calibration buckets and list rows
     * @param generatedAt the time the report names as its creation time
     * @param folder the existing folder the report's files go into
     */
    ReportContext(
            PreferenceStore store,
            PreferenceAnalysis analysis,
            ReportOptions options,
            Instant generatedAt,
            Path folder) {
        this.store = store;
        this.analysis = analysis;
        this.options = options;
        this.generatedAt = generatedAt;
        this.folder = folder;
    }

    PreferenceStore store() {
        return store;
    }

    PreferenceAnalysis analysis() {
        return analysis;
    }

    /** The analysed data: scope, models and pairs. */
    AnalysisData data() {
        return analysis.data();
    }

    ReportOptions options() {
        return options;
    }

    Instant generatedAt() {
        return generatedAt;
    }

    Path folder() {
        return folder;
    }

    /** The report's Markdown so far; sections append to it. */
    StringBuilder markdown() {
        return markdown;
    }

    /** The CSV files written so far, in order. */
    List<Path> csvFiles() {
        return Collections.unmodifiableList(csvFiles);
    }

    /** The plots written so far, in order. */
    List<Path> plots() {
        return Collections.unmodifiableList(plots);
    }

    /**
     * Writes a table into the report folder.
     *
     * @return the Markdown link to it, {@code Data: [name](name)}
     */
    String writeCsv(CsvTable table, String fileName) {
        Path file = folder.resolve(fileName);
        table.write(file);
        csvFiles.add(file);
        return "Data: [" + fileName + "](" + fileName + ")";
    }

    /**
     * Draws a plot into the report folder.
     *
     * @param chart draws the plot into the file it is given
     * @return the Markdown image of it, with {@code alt} as its text
     */
    String writePlot(String fileName, String alt, Consumer<Path> chart) {
        Path file = folder.resolve(fileName);
        chart.accept(file);
        plots.add(file);
        return "![" + cell(alt) + "](" + fileName + ")";
    }
}
