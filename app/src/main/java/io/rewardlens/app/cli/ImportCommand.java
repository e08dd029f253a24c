package io.rewardlens.app.cli;

import io.rewardlens.storage.DatasetExistsException;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.formats.PreferenceFormat;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.ImportRefusedException;
import io.rewardlens.storage.skywork.ImportReport;
import io.rewardlens.storage.skywork.RecordProblem;
import io.rewardlens.storage.skywork.SkyworkImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rewardlens import}: preference files of any layout RewardLens reads into datasets. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import preference data into a store: Skywork, RewardBench 1 and 2, TRL, UltraFeedback,"
                    + " HH-RLHF, OpenAI DPO, HelpSteer3, Argilla or Label Studio records, as JSONL,"
                    + " .jsonl.gz, a JSON array (.json, .json.gz) or Parquet.",
            "Each INPUT becomes a dataset named after the file; with --dataset, all INPUT files"
                    + " (e.g. the shards of a Hub dataset) go into that one dataset, in order. By"
                    + " default a bad record refuses the whole import and the database stays as it"
                    + " was.",
        })
public final class ImportCommand implements Callable<Integer> {
    /** Exit code when input was refused. */
    static final int BAD_INPUT = CliErrors.REFUSED;

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
                    "The records' layout: auto (default: detected from each file's first record,"
                            + " and said in the summary), skywork, rewardbench, rewardbench2, trl,"
                            + " ultrafeedback, hh-rlhf, openai-dpo, helpsteer3, argilla or"
                            + " label-studio. JSONL, gzip, JSON arrays and Parquet are told apart"
                            + " by their content.")
    String format;

    @Option(
            names = "--skip-invalid",
            description = "Import the valid records and report every skipped one.")
    boolean skipInvalid;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files to import.")
    List<Path> inputs;

    /** The layout --format names, or null to detect it. */
    private PreferenceFormat layout;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("auto")) {
            try {
                layout = PreferenceFormat.named(format);
            } catch (IllegalArgumentException unknown) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "--format must be auto or one of "
                                + PreferenceFormat.names()
                                + ", not "
                                + format);
            }
        }
        for (Path input : inputs) {
            checkReadable(input);
        }
        boolean newDatabase = !Files.exists(store.database);
        boolean done = false;
        try {
            int exit = importAll();
            done = exit == 0;
            return exit;
        } finally {
            if (newDatabase && !done) {
                // A refused import leaves nothing behind, not even an empty database.
                deleteDatabaseFiles(store.database);
            }
        }
    }

    private int importAll() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PreferenceStore db = store.openOrCreate()) {
            if (dataset != null) {
                return importIntoOneDataset(db, out, err);
            }
            List<String> imported = new ArrayList<>();
            boolean complete = false;
            try {
                for (Path input : inputs) {
                    ImportOptions options =
                            ImportOptions.forFile(input)
                                    .withSkipInvalid(skipInvalid)
                                    .withFormat(layout);
                    ImportReport report;
                    try (ConsoleProgress bar =
                            ConsoleProgress.start(
                                    "import " + input.getFileName(), "", progress.enabled())) {
                        report =
                                BusyWait.retry(
                                        err,
                                        "the import of " + input.getFileName(),
                                        () -> SkyworkImporter.importFile(db, input, options, bar));
                    } catch (ImportRefusedException refused) {
                        err.println("rewardlens: import refused: " + refused.getMessage());
                        return BAD_INPUT;
                    } catch (DatasetExistsException taken) {
                        throw nameTaken(taken, input);
                    }
                    imported.add(report.dataset());
                    print(report, out, err);
                }
                complete = true;
                return 0;
            } finally {
                if (!complete && !imported.isEmpty()) {
                    // Earlier files of this command are taken back too: the database is left
                    // exactly as it was before the command.
                    imported.forEach(db::deleteDataset);
                    err.println(
                            "rewardlens: datasets imported earlier by this command were removed"
                                    + " again: "
                                    + String.join(", ", imported));
                }
            }
        }
    }

    /** Refuses an INPUT that is missing or a folder before anything is opened or created. */
    private static void checkReadable(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            List<String> files;
            try (Stream<Path> listing = Files.list(input)) {
                files =
                        listing.filter(Files::isRegularFile)
                                .map(f -> f.getFileName().toString())
                                .filter(ImportCommand::looksImportable)
                                .sorted()
                                .toList();
            }
            String holds =
                    files.isEmpty()
                            ? "it holds no .jsonl, .jsonl.gz or .parquet file"
                            : "give its files instead, e.g. "
                                    + input.resolve(files.get(0))
                                    + " ("
                                    + Plural.of(files.size(), "importable file")
                                    + " there: "
                                    + String.join(", ", files.subList(0, Math.min(5, files.size())))
                                    + (files.size() > 5 ? ", …" : "")
                                    + ")";
            throw new RefusedInputException(
                    "import refused: " + input + " is a folder, not a file; " + holds);
        }
        if (!Files.exists(input)) {
            throw new RefusedInputException("import refused: " + input + ": no such file");
        }
        if (!Files.isReadable(input)) {
            throw new RefusedInputException("import refused: " + input + ": cannot be read");
        }
    }

    private static boolean looksImportable(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jsonl")
                || lower.endsWith(".jsonl.gz")
                || lower.endsWith(".json")
                || lower.endsWith(".parquet");
    }

    private static RefusedInputException nameTaken(DatasetExistsException taken, Path input) {
        return new RefusedInputException(
                "import refused: the database already has a dataset named '"
                        + taken.dataset()
                        + "'"
                        + (input == null ? "" : " (the name of " + input.getFileName() + ")")
                        + "; import under another name with --dataset NAME, or remove the old one"
                        + " with 'rewardlens datasets delete "
                        + taken.dataset()
                        + "'");
    }

    static void deleteDatabaseFiles(Path database) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
    }

    /** All INPUT files, in order, into the one dataset named by --dataset, in one transaction. */
    private int importIntoOneDataset(PreferenceStore db, PrintWriter out, PrintWriter err)
            throws Exception {
        ImportOptions options =
                ImportOptions.intoDataset(dataset).withSkipInvalid(skipInvalid).withFormat(layout);
        String label =
                inputs.size() == 1
                        ? "import " + inputs.get(0).getFileName()
                        : "import " + inputs.size() + " files";
        List<ImportReport> reports;
        try (ConsoleProgress bar = ConsoleProgress.start(label, "", progress.enabled())) {
            reports =
                    BusyWait.retry(
                            err,
                            "the import",
                            () -> SkyworkImporter.importFiles(db, inputs, options, bar));
        } catch (DatasetExistsException taken) {
            throw nameTaken(taken, null);
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
                "%s: %s into dataset '%s' (%d with diverging conversations, %s) in %.1f s%n",
                report.file(),
                Plural.of(report.imported(), "pair"),
                report.dataset(),
                report.diverging(),
                Plural.of(report.blankLines(), "blank line"),
                report.elapsed().toMillis() / 1000.0);
        out.printf(
                "%s: read as %s%s%n",
                report.file(),
                report.format().cliName(),
                report.detectedBecause() == null
                        ? " (--format)"
                        : " (detected: " + report.detectedBecause() + ")");
        if (report.verdicts() > 0) {
            out.printf(
                    "%s: %s stored as annotations%n",
                    report.file(), Plural.of(report.verdicts(), "human verdict"));
        }
        if (!report.skipped().isEmpty()) {
            err.printf(
                    "%s: skipped %s:%n",
                    report.file(), Plural.of(report.skipped().size(), "invalid record"));
            for (RecordProblem problem : report.skipped()) {
                err.println("  " + problem);
            }
        }
    }
}
