package io.rewardlens.app.cli;

import io.rewardlens.storage.PairFilter;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.skywork.AnnotationsFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rewardlens export-annotations}: the pairs that have verdicts, each with every verdict on
 * it (superseded ones too), as the JSONL file a team passes around ({@link AnnotationsFile}).
 */
@Command(
        name = "export-annotations",
        mixinStandardHelpOptions = true,
        description = {
            "Export every verdict, superseded ones too, as JSONL for a teammate to import.",
            "One line per pair that has verdicts: its Skywork record (chosen, rejected, source,"
                    + " other fields) plus \"annotations\": [{annotator, verdict"
                    + " (chosen|rejected|tie|both_bad|skip), strength, tags, rationale, shown_as_a,"
                    + " time_taken_ms, created_at, in_force}].",
            "Superseded verdicts have in_force false, so nothing is lost;"
                    + " import-annotations reads the file back into any database.",
        })
public final class ExportAnnotationsCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only these datasets.")
    List<String> datasets = List.of();

    @Option(names = "--source", paramLabel = "S", description = "Only pairs with these sources.")
    List<String> sources = List.of();

    @Option(
            names = "--annotator",
            paramLabel = "NAME",
            description = "Only these annotators' verdicts.")
    List<String> annotators = List.of();

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new RefusedInputException("--out " + out + " is a folder, not a file");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (PreferenceStore db = store.openExisting()) {
            for (String name : datasets) {
                if (db.dataset(name).isEmpty()) {
                    throw Datasets.unknown(name, store.database, db);
                }
            }
            PairFilter pairs =
                    PairFilter.all()
                            .withDatasets(Set.copyOf(datasets))
                            .withSources(Set.copyOf(sources));
            long written = AnnotationsFile.write(db, out, pairs, Set.copyOf(annotators));
            stdout.printf("%s: %s with verdicts exported%n", out, Plural.of(written, "pair"));
        }
        return 0;
    }
}
