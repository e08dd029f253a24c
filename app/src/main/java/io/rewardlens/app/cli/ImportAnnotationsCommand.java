package io.rewardlens.app.cli;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.VerdictMerge;
import io.rewardlens.storage.VerdictMergeSummary;
import io.rewardlens.storage.skywork.AnnotationsFile;
import io.rewardlens.storage.skywork.ImportRefusedException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rewardlens import-annotations}: teammates' verdict files (written by {@code
 * export-annotations}) into a store, pairs found by content, nothing overwritten, all in one
 * transaction.
 */
@Command(
        name = "import-annotations",
        mixinStandardHelpOptions = true,
        description = {
            "Import teammates' verdict files written by export-annotations.",
            "Each pair is found by its content (source and both conversations); a pair the"
                    + " database lacks is added to a new dataset named after the file.",
            "Nothing is overwritten: a verdict already held is skipped (importing twice adds"
                    + " nothing), a different verdict of the same annotator on the same pair is"
                    + " kept as well and the newest one is in force. A bad line refuses the whole"
                    + " command and the database stays as it was.",
        })
public final class ImportAnnotationsCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IN.jsonl", description = "Verdict files.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                throw new RefusedInputException(input + " is a folder, not a verdict file");
            }
            if (!Files.isRegularFile(input)) {
                throw new RefusedInputException("no file " + input);
            }
        }
        boolean newDatabase = !Files.exists(store.database);
        boolean done = false;
        try (PreferenceStore db = store.openOrCreate()) {
            VerdictMergeSummary summary;
            try (VerdictMerge merge = db.beginVerdictMerge()) {
                for (Path input : inputs) {
                    String dataset = datasetName(input);
                    String origin = String.valueOf(input.getFileName());
                    try {
                        AnnotationsFile.read(
                                input,
                                record -> {
                                    long pairId = merge.pair(record.pair(), dataset, origin).id();
                                    for (Annotation verdict : record.verdicts()) {
                                        merge.addVerdict(pairId, verdict);
                                    }
                                });
                    } catch (ImportRefusedException refused) {
                        throw new RefusedInputException(
                                "import-annotations refused: "
                                        + refused.getMessage()
                                        + "; nothing was imported");
                    }
                }
                summary = merge.summary();
                merge.commit();
            }
            print(summary, spec.commandLine().getOut());
            done = true;
        } finally {
            if (newDatabase && !done) {
                ImportCommand.deleteDatabaseFiles(store.database);
            }
        }
        return 0;
    }

    /** The file's name without its extension, e.g. {@code alice} for {@code alice.jsonl}. */
    static String datasetName(Path input) {
        String name = String.valueOf(input.getFileName());
        for (String extension : List.of(".jsonl", ".json", ".db")) {
            if (name.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }

    /** The summary line shared with {@code merge}. */
    static void print(VerdictMergeSummary summary, PrintWriter out) {
        out.printf(
                "%s matched, %s added, %s added, %s skipped, %s kept%n",
                Plural.of(summary.pairsMatched(), "pair"),
                Plural.of(summary.pairsAdded(), "pair"),
                Plural.of(summary.verdictsAdded(), "verdict"),
                Plural.of(summary.duplicatesSkipped(), "duplicate"),
                Plural.of(summary.conflictsKept(), "conflict"));
    }
}
