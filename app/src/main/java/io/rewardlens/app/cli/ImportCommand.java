package io.rewardlens.app.cli;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.ImportRefusedException;
import io.rewardlens.storage.skywork.ImportReport;
import io.rewardlens.storage.skywork.RecordProblem;
import io.rewardlens.storage.skywork.SkyworkImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rewardlens import}: Skywork preference files into datasets of a store. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import Skywork preference data (JSONL, .jsonl.gz or the Hub's Parquet) into a store.",
            "Each INPUT becomes a dataset named after the file; with --dataset, all INPUT files"
                    + " (e.g. the shards of a Hub dataset) go into that one dataset, in order. By"
                    + " default a bad record refuses the whole import and the database stays as it"
                    + " was.",
        })
public final class ImportCommand implements Callable<Integer> {
    /** Exit code when input was refused. */
    static final int BAD_INPUT = 2;

    @Mixin StoreOptions store;
    @Mixin ProgressOption progress;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description =
                    "Put every INPUT into this one dataset, in the order given (default: one"
                            + " dataset per file, named after it).")
    String dataset;

    @Option(
            names = "--format",
            defaultValue = "auto",
            paramLabel = "FORMAT",
            description =
                    "skywork or auto (default). The data is always Skywork preference records;"
                            + " JSONL, gzip and Parquet files are told apart by their content.")
    String format;

    @Option(
            names = "--skip-invalid",
            description = "Import the valid records and report every skipped one.")
    boolean skipInvalid;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files to import.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("auto") && !format.equals("skywork")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--format must be skywork or auto, not " + format);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PreferenceStore db = PreferenceStore.open(store.database)) {
            if (dataset != null) {
                return importIntoOneDataset(db, out, err);
            }
            List<String> imported = new ArrayList<>();
            for (Path input : inputs) {
                ImportOptions options = ImportOptions.forFile(input).withSkipInvalid(skipInvalid);
                ImportReport report;
                try (ConsoleProgress bar =
                        ConsoleProgress.start(
                                "import " + input.getFileName(), "", progress.enabled())) {
                    report = SkyworkImporter.importFile(db, input, options, bar);
                } catch (ImportRefusedException refused) {
                    // Earlier files of this command are taken back too: the database is left
                    // exactly as it was before the command.
                    imported.forEach(db::deleteDataset);
                    err.println("rewardlens: import refused: " + refused.getMessage());
                    if (!imported.isEmpty()) {
                        err.println(
                                "rewardlens: datasets imported earlier by this command were"
                                        + " removed again: "
                                        + String.join(", ", imported));
                    }
                    return BAD_INPUT;
                }
                imported.add(report.dataset());
                print(report, out, err);
            }
        }
        return 0;
    }

    /** All INPUT files, in order, into the one dataset named by --dataset, in one transaction. */
    private int importIntoOneDataset(PreferenceStore db, PrintWriter out, PrintWriter err)
            throws IOException {
        ImportOptions options = ImportOptions.intoDataset(dataset).withSkipInvalid(skipInvalid);
        String label =
                inputs.size() == 1
                        ? "import " + inputs.get(0).getFileName()
                        : "import " + inputs.size() + " files";
        List<ImportReport> reports;
        try (ConsoleProgress bar = ConsoleProgress.start(label, "", progress.enabled())) {
            reports = SkyworkImporter.importFiles(db, inputs, options, bar);
        } catch (ImportRefusedException refused) {
            err.println("rewardlens: import refused: " + refused.getMessage());
            if (inputs.size() > 1) {
                err.println("rewardlens: none of the " + inputs.size() + " files was imported");
            }
            return BAD_INPUT;
        }
        for (ImportReport report : reports) {
            print(report, out, err);
        }
        return 0;
    }

    private static void print(ImportReport report, PrintWriter out, PrintWriter err) {
        out.printf(
                "%s: %d pairs into dataset '%s' (%d with diverging conversations, %d"
                        + " blank lines) in %.1f s%n",
                report.file(),
                report.imported(),
                report.dataset(),
                report.diverging(),
                report.blankLines(),
                report.elapsed().toMillis() / 1000.0);
        if (!report.skipped().isEmpty()) {
            err.printf("%s: skipped %d invalid records:%n", report.file(), report.skipped().size());
            for (RecordProblem problem : report.skipped()) {
                err.println("  " + problem);
            }
        }
    }
}
