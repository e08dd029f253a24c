package io.rewardlens.app.report;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the reward-model failure report of an analysis into a folder: {@code report.md} (Markdown
 * with the tables and the plots embedded), one CSV file per table or plot's data, and PNG plots.
 * Files of an earlier report in the folder are replaced; other files are left alone.
 *
 * <p>The report is the {@link #SECTIONS} in order, each a {@link ReportSection}; the disagreement
 * lists are read from the store (its disagreement queue), everything else is computed by {@link
 * PreferenceAnalysis}.
 */
public final class ReportWriter {
    /** The report's Markdown file name. */
    public static final String MARKDOWN_FILE = "report.md";

    /** The report's sections in order; the list of files comes last, to list them all. */
    static final List<ReportSection> SECTIONS =
            List.of(
                    new ScopeSection(),
                    new ModelsSection(),
                    new AccuracySection(),
                    new RewardBenchSection(),
                    new HumanVsLabelSection(),
                    new AgreementSection(),
                    new LengthBiasSection(),
                    new MarkdownBiasSection(),
                    new BiasCorrelationsSection(),
                    new CalibrationSection(),
                    new SideBySideSection(),
                    new ModelAgreementSection(),
                    new ModelConflictsSection(),
                    new DisagreementsSection(),
                    new DefinitionsSection(),
                    new FilesSection());

    private final PreferenceStore store;
    private final PreferenceAnalysis analysis;
    private final ReportOptions options;
    private final Instant generatedAt;
    private final List<ReportSection> sections;

    /**
     * Prepares a report of the standard {@link #SECTIONS}.
     *
     * @param store the store the analysis was loaded from (for the disagreement lists)
     * @param analysis the analysis to report
     * @param options how many calibration buckets and list rows
     * @param generatedAt the time the report names as its creation time
     */
    public ReportWriter(
            PreferenceStore store,
            PreferenceAnalysis analysis,
            ReportOptions options,
            Instant generatedAt) {
        this(store, analysis, options, generatedAt, SECTIONS);
    }

    /** Prepares a report of the given sections, in their order. */
    ReportWriter(
            PreferenceStore store,
            PreferenceAnalysis analysis,
            ReportOptions options,
            Instant generatedAt,
            List<ReportSection> sections) {
        this.store = store;
        this.analysis = analysis;
        this.options = options;
        this.generatedAt = generatedAt;
        this.sections = List.copyOf(sections);
    }

    /**
     * Writes the report into a folder, creating it if needed.
     *
     * @return the files written
     * @throws UncheckedIOException when a file cannot be written
     */
    public WrittenReport write(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report folder " + folder, e);
        }
        ReportContext context = new ReportContext(store, analysis, options, generatedAt, folder);
        for (ReportSection section : sections) {
            section.write(context);
        }
        Path markdown = folder.resolve(MARKDOWN_FILE);
        try {
            Files.writeString(markdown, context.markdown().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + markdown, e);
        }
        return new WrittenReport(markdown, context.csvFiles(), context.plots());
    }
}
