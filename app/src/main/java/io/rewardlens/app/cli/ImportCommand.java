package io.rewardlens.app.cli;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.ImportRefusedException;
import io.rewardlens.storage.skywork.ImportReport;
import io.rewardlens.storage.skywork.RecordProblem;
import io.rewardlens.storage.skywork.SkyworkImporter;
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
            "Each INPUT becomes a dataset named after the file (or --dataset). By default a bad"
                    + " record refuses the whole import and the database stays as it was.",
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
            description = "Dataset name (only with a single INPUT; default: the file name).")
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
        if (dataset != null && inputs.size() > 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--dataset names one dataset: give a single INPUT, or leave --dataset out"
                            + " so each file becomes a dataset named after it");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PreferenceStore db = PreferenceStore.open(store.database)) {
            List<String> imported = new ArrayList<>();
            for (Path input : inputs) {
                ImportOptions options =
                        (dataset != null
                                        ? ImportOptions.intoDataset(dataset)
                                        : ImportOptions.forFile(input))
                                .withSkipInvalid(skipInvalid);
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
                out.printf(
                        "%s: %d pairs into dataset '%s' (%d with diverging conversations, %d"
                                + " blank lines) in %.1f s%n",
                        input,
                        report.imported(),
                        report.dataset(),
                        report.diverging(),
                        report.blankLines(),
                        report.elapsed().toMillis() / 1000.0);
                if (!report.skipped().isEmpty()) {
                    err.printf("%s: skipped %d invalid records:%n", input, report.skipped().size());
                    for (RecordProblem problem : report.skipped()) {
                        err.println("  " + problem);
                    }
                }
            }
        }
        return 0;
    }
}
