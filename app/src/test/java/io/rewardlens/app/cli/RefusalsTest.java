package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.storage.PreferenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command refuses what it cannot use the way the README promises: exit code 2 and one line on
 * standard error starting {@code rewardlens:}, without the usage text.
 */
class RefusalsTest {
    @TempDir Path dir;

    private Path db;
    private Path samples;
    private Path folder;
    private Path notAModel;

    @BeforeEach
    void aStoreWithTheSamples() throws IOException {
        samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        db = dir.resolve("r.db");
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());
        folder = Files.createDirectory(dir.resolve("folder"));
        notAModel = Files.createDirectory(dir.resolve("not-a-model"));
    }

    /** Runs the command line and checks it refused with exit 2 and exactly one error line. */
    private static String refused(String... args) {
        Cli.Result result = Cli.run(args);
        String all = String.join(" ", args);
        assertEquals(CliErrors.REFUSED, result.exit(), all + ": " + result.err());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), all + " printed:\n" + result.err());
        assertTrue(lines.get(0).startsWith("rewardlens: "), lines.get(0));
        assertFalse(result.err().contains("Usage:"), result.err());
        return lines.get(0);
    }

    @Test
    void aMissingDatabaseIsRefusedByEveryCommandThatReadsOne() {
        String missing = dir.resolve("missing.db").toString();
        String out = dir.resolve("out").toString();
        for (String[] args :
                List.of(
                        new String[] {"stats", "--db", missing},
                        new String[] {"export", "--db", missing, "--out", out + ".jsonl"},
                        new String[] {"score", "--db", missing, "--model", notAModel.toString()},
                        new String[] {"report", "--db", missing, "--out", out},
                        new String[] {"datasets", "list", "--db", missing})) {
            String line = refused(args);
            assertTrue(line.contains("no database " + missing), line);
        }
        assertFalse(Files.exists(dir.resolve("missing.db")), "a missing database is not created");
        assertFalse(Files.exists(dir.resolve("out.jsonl")));
    }

    @Test
    void aFolderAsTheDatabaseIsNamedAsAFolder() {
        String out = dir.resolve("out").toString();
        for (String[] args :
                List.of(
                        new String[] {"stats", "--db", folder.toString()},
                        new String[] {"import", "--db", folder.toString(), samples.toString()},
                        new String[] {"export", "--db", folder.toString(), "--out", out},
                        new String[] {"report", "--db", folder.toString(), "--out", out},
                        new String[] {"gui", "--db", folder.toString()})) {
            String line = refused(args);
            assertTrue(line.contains(folder + " is a folder, not a database file"), line);
            assertFalse(line.contains("SQLITE"), line);
        }
    }

    @Test
    void aFolderThatIsNotAModelBundleIsRefusedByEveryScoringCommand() {
        for (String[] args :
                List.of(
                        new String[] {
                            "score", "--db", db.toString(), "--model", notAModel.toString()
                        },
                        new String[] {
                            "score-file", "--model", notAModel.toString(), samples.toString()
                        },
                        new String[] {"bench-score", "--model", notAModel.toString()})) {
            String line = refused(args);
            assertTrue(line.contains("missing config.json"), line);
        }
        String line = refused("bench-score", "--model", dir.resolve("nothing").toString());
        assertTrue(line.contains("not a folder"), line);
        line = refused("gui", "--model", dir.resolve("nothing").toString());
        assertTrue(line.contains("no such folder"), line);
    }

    @Test
    void missingInputFilesAndUnknownNamesAreRefused() {
        String absent = dir.resolve("absent.jsonl").toString();
        assertTrue(refused("import", "--db", db.toString(), absent).contains("no such file"));
        assertTrue(
                refused("score-file", "--model", notAModel.toString(), absent)
                        .contains("absent.jsonl: no such file"));
        String out = dir.resolve("o.jsonl").toString();
        String line = refused("export", "--db", db.toString(), "--dataset", "nope", "--out", out);
        assertTrue(line.contains("no dataset 'nope'") && line.contains("samples"), line);
        line = refused("export", "--db", db.toString(), "--model", "nope", "--out", out);
        assertTrue(line.contains("no model 'nope'"), line);
        line =
                refused(
                        "score",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "nope",
                        "--model",
                        notAModel.toString());
        assertTrue(line.contains("no dataset 'nope'"), line);
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void anExistingDatasetNameIsRefusedWithTheWaysOut() throws IOException {
        String line = refused("import", "--db", db.toString(), samples.toString());
        assertTrue(line.contains("already has a dataset named 'samples'"), line);
        assertTrue(line.contains("--dataset"), line);
        assertTrue(line.contains("rewardlens datasets delete samples"), line);
        line = refused("import", "--db", db.toString(), "--dataset", "samples", samples.toString());
        assertTrue(line.contains("already has a dataset named 'samples'"), line);
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(64, store.stats().pairs());
            assertEquals(1, store.stats().datasets());
        }
    }

    @Test
    void badOptionsGiveOneLineNotTheUsage() {
        String line = refused("stats", "--db", db.toString(), "--bogus");
        assertTrue(line.contains("'--bogus'") && line.contains("rewardlens stats --help"), line);
        line = refused("stats", "--bogus");
        assertTrue(line.contains("'--bogus'"), line);
        line = refused("export", "--db", db.toString(), "--out", "o.jsonl", "--orient", "up");
        assertTrue(line.contains("--orient must be human or label, not up"), line);
        line = refused("expor");
        assertTrue(line.contains("did you mean export"), line);
        line = refused("import", "--db", db.toString(), "--format", "csv", samples.toString());
        assertTrue(line.contains("--format must be auto or one of skywork, rewardbench,"), line);
        assertFalse(Files.exists(Path.of("o.jsonl")));
    }

    @Test
    void aCommandGivenNoArgumentsShowsItsUsageAndTheErrorLineLast() {
        Cli.Result result = Cli.run("stats");
        assertEquals(CliErrors.REFUSED, result.exit());
        assertTrue(result.err().startsWith("Usage: rewardlens stats"), result.err());
        List<String> lines = result.err().lines().toList();
        assertTrue(
                lines.get(lines.size() - 1).startsWith("rewardlens: Missing required option"),
                result.err());
    }

    @Test
    void aRefusedImportLeavesNoNewDatabaseBehind() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(samples));
        lines.set(3, lines.get(3).replaceFirst("\"content\": \"", "\"content\": 7, \"x\": \""));
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);
        Path fresh = dir.resolve("fresh.db");

        Cli.Result refusedRecord = Cli.run("import", "--db", fresh.toString(), bad.toString());
        assertEquals(CliErrors.REFUSED, refusedRecord.exit(), refusedRecord.err());
        Cli.Result refusedShards =
                Cli.run(
                        "import",
                        "--db",
                        fresh.toString(),
                        "--dataset",
                        "all",
                        samples.toString(),
                        bad.toString());
        assertEquals(CliErrors.REFUSED, refusedShards.exit(), refusedShards.err());
        refused("import", "--db", fresh.toString(), samples.toString(), folder.toString());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    left.map(p -> p.getFileName().toString())
                            .filter(name -> name.startsWith("fresh.db"))
                            .toList());
        }

        // An existing database stays, as it was.
        Cli.Result intoExisting = Cli.run("import", "--db", db.toString(), bad.toString());
        assertEquals(CliErrors.REFUSED, intoExisting.exit());
        assertTrue(Files.exists(db));
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(64, store.stats().pairs());
        }
    }

    @Test
    void importingAFolderSaysItIsAFolderAndWhatItHolds() throws IOException {
        String line = refused("import", "--db", db.toString(), folder.toString());
        assertTrue(line.contains(folder + " is a folder, not a file"), line);
        assertTrue(line.contains("no .jsonl, .jsonl.gz or .parquet file"), line);

        Files.copy(samples, folder.resolve("train.jsonl"));
        Files.writeString(folder.resolve("README.md"), "# not data\n");
        line = refused("import", "--db", db.toString(), folder.toString());
        assertTrue(line.contains("1 importable file there: train.jsonl"), line);
        assertFalse(line.contains("README"), line);
    }

    @Test
    void aFileInAnUnknownLayoutSaysWhichLayoutsAreRead() throws IOException {
        // A transcript layout none of the readers knows: chosen is a string, no prompt.
        Path chat =
                Files.writeString(
                        dir.resolve("chat.jsonl"),
                        "{\"chosen\": {\"text\": \"hello\"}, \"rejected\": \"go\"}\n");
        String line = refused("import", "--db", db.toString(), chat.toString());
        assertTrue(line.contains("chat.jsonl line 1, field chosen: expected a list"), line);
        assertTrue(line.contains("RewardLens reads these layouts"), line);
        assertTrue(line.contains("hh-rlhf ("), line);
        assertTrue(line.contains("label-studio ("), line);

        // Prompt and two responses: no chosen at all.
        Path flat =
                Files.writeString(
                        dir.resolve("flat.jsonl"),
                        "{\"prompt\": \"hi\", \"response_a\": \"a\", \"response_b\": \"b\"}\n");
        line = refused("import", "--db", db.toString(), flat.toString());
        assertTrue(line.contains("field chosen: missing; RewardLens reads these layouts"), line);
    }
}
