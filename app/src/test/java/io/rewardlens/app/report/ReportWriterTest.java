package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir Path dir;

    @Test
    void runsItsSectionsInOrderIntoOneMarkdownFileAndListsTheirFiles() throws IOException {
        ReportSection first =
                context -> {
                    context.markdown().append("# first\n");
                    context.writeCsv(new CsvTable("a").row(1), "first.csv");
                };
        ReportSection second =
                context ->
                        context.markdown()
                                .append("seen so far: " + context.csvFiles().size() + "\n");
        Path out = dir.resolve("new/folder");
        try (ReportTestStore store = new ReportTestStore(dir)) {
            store.score(store.pair("s", "a", "b"), store.model("alpha"), 1, 0);
            AnalysisData data =
                    AnalysisData.load(store.store(), AnalysisScope.all(), ProgressListener.NONE);

            WrittenReport report =
                    new ReportWriter(
                                    store.store(),
                                    new PreferenceAnalysis(data),
                                    ReportOptions.DEFAULTS,
                                    ReportTestStore.T0,
                                    List.of(first, second, new FilesSection()))
                            .write(out);

            assertEquals(out.resolve(ReportWriter.MARKDOWN_FILE), report.markdown());
            assertEquals(
                    "# first\nseen so far: 1\n## Files\n\n- [first.csv](first.csv)\n",
                    Files.readString(report.markdown()));
            assertEquals(List.of(out.resolve("first.csv")), report.csvFiles());
            assertEquals(List.of(), report.plots());
        }
    }

    @Test
    void theStandardReportOpensWithItsScopeAndEndsWithTheListOfFiles() throws IOException {
        assertInstanceOf(ScopeSection.class, ReportWriter.SECTIONS.get(0));
        assertInstanceOf(
                FilesSection.class, ReportWriter.SECTIONS.get(ReportWriter.SECTIONS.size() - 1));
        try (ReportTestStore store = new ReportTestStore(dir)) {
            store.score(store.pair("s", "a", "b"), store.model("alpha"), 1, 0);
            AnalysisData data =
                    AnalysisData.load(store.store(), AnalysisScope.all(), ProgressListener.NONE);

            WrittenReport report =
                    new ReportWriter(
                                    store.store(),
                                    new PreferenceAnalysis(data),
                                    ReportOptions.DEFAULTS,
                                    ReportTestStore.T0)
                            .write(dir.resolve("report"));

            String markdown = Files.readString(report.markdown());
            assertTrue(markdown.startsWith("# RewardLens report\n"), markdown);
            int files = markdown.indexOf("## Files\n");
            for (Path file : report.csvFiles()) {
                assertTrue(
                        markdown.indexOf("- [" + file.getFileName() + "]", files) > 0,
                        file.toString());
            }
            assertEquals(13, report.csvFiles().size());
        }
    }
}
