package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.sampledata.SampleData;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import, export and stats commands end to end on a real SQLite file. */
class ImportExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static List<JsonNode> records(Path jsonl) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void samplePairsRoundTripThroughImportAndExport() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        Path db = dir.resolve("r.db");
        Cli.Result imported = Cli.run("import", "--db", db.toString(), samples.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("64 pairs into dataset 'samples'"), imported.out());

        Cli.Result stats = Cli.run("stats", "--db", db.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().matches("(?s).*pairs\\s+64\\n.*"), stats.out());
        assertTrue(stats.out().contains("rewardlens-sample/multilingual"), stats.out());

        Path out = dir.resolve("out.jsonl");
        Cli.Result exported = Cli.run("export", "--db", db.toString(), "--out", out.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertEquals(records(samples), records(out));
        JsonNode sidecar = JSON.readTree(dir.resolve("out.jsonl.meta.json").toFile());
        assertEquals(64, sidecar.findValue("exported").asInt(), sidecar.toString());

        Path parquet = dir.resolve("out.parquet");
        assertEquals(
                0, Cli.run("export", "--db", db.toString(), "--out", parquet.toString()).exit());
        Cli.Result again =
                Cli.run(
                        "import",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "from-parquet",
                        parquet.toString());
        assertEquals(0, again.exit(), again.err());
        Path back = dir.resolve("back.jsonl");
        assertEquals(
                0,
                Cli.run(
                                "export",
                                "--db",
                                db.toString(),
                                "--dataset",
                                "from-parquet",
                                "--out",
                                back.toString())
                        .exit());
        assertEquals(records(samples), records(back));
    }

    @Test
    void aSkyworkRoundTripGivesBackEveryFieldOfEveryRecord() throws Exception {
        String chosen =
                "[{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\","
                        + " \"content\": \"hello\"}]";
        String rejected =
                "[{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\","
                        + " \"content\": \"go away\"}]";
        List<String> lines =
                List.of(
                        "{\"id\": \"pair-1\", \"chosen\": "
                                + chosen
                                + ", \"rejected\": "
                                + rejected
                                + ", \"source\": \"s\", \"score\": 7, \"ratio\": 0.125,"
                                + " \"big\": 12345678901234567890, \"ok\": true, \"none\": null}",
                        "{\"chosen\": "
                                + chosen
                                + ", \"rejected\": "
                                + rejected
                                + ", \"meta\": {\"annotators\": [\"a\", \"b\"], \"nested\": {\"x\":"
                                + " [1, 2.5, {\"deep\": \"\u00e9\u4e2d\ud83d\ude00\"}]}},"
                                + " \"tags\": [], \"empty\": {}}",
                        "{\"chosen\": "
                                + chosen
                                + ", \"rejected\": "
                                + rejected
                                + ", \"source\": \"t\"}");
        Path in = dir.resolve("extra.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path db = dir.resolve("r.db");
        Cli.Result imported = Cli.run("import", "--db", db.toString(), in.toString());
        assertEquals(0, imported.exit(), imported.err());

        Path out = dir.resolve("back.jsonl");
        Cli.Result exported = Cli.run("export", "--db", db.toString(), "--out", out.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertEquals(records(in), records(out));
        assertEquals(
                new java.math.BigInteger("12345678901234567890"),
                records(out).get(0).get("big").bigIntegerValue());
    }

    @Test
    void aBadRecordRefusesTheImportAndLeavesTheDatabaseAsItWas() throws Exception {
        Path good = SampleData.writeSamplePairs(dir.resolve("good.jsonl"));
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.set(2, lines.get(2).replaceFirst("\"content\": \"", "\"content\": 7, \"x\": \""));
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines);
        Path db = dir.resolve("r.db");

        Cli.Result refused =
                Cli.run("import", "--db", db.toString(), good.toString(), bad.toString());
        assertEquals(ImportCommand.BAD_INPUT, refused.exit());
        assertTrue(
                refused.err().contains("bad.jsonl line 3, field chosen[0].content"), refused.err());
        assertTrue(refused.err().contains("removed again: good"), refused.err());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(0, store.stats().pairs());
            assertEquals(0, store.stats().datasets());
        }

        Cli.Result skipping =
                Cli.run("import", "--db", db.toString(), "--skip-invalid", bad.toString());
        assertEquals(0, skipping.exit(), skipping.err());
        assertTrue(skipping.out().contains("63 pairs"), skipping.out());
        assertTrue(skipping.err().contains("skipped 1 invalid record:"), skipping.err());
        assertTrue(skipping.err().contains("line 3"), skipping.err());
    }

    @Test
    void shardsGoIntoOneDatasetInOrderOrNotAtAll() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        List<String> lines = Files.readAllLines(samples, StandardCharsets.UTF_8);
        // Parquet first, then JSONL: shards of either kind mix.
        Path firstJsonl = dir.resolve("first.jsonl");
        Files.write(firstJsonl, lines.subList(0, 30), StandardCharsets.UTF_8);
        Path scratch = dir.resolve("scratch.db");
        assertEquals(
                0, Cli.run("import", "--db", scratch.toString(), firstJsonl.toString()).exit());
        Path first = dir.resolve("train-00000-of-00002.parquet");
        assertEquals(
                0, Cli.run("export", "--db", scratch.toString(), "--out", first.toString()).exit());
        Path second = dir.resolve("train-00001-of-00002.jsonl");
        Files.write(second, lines.subList(30, lines.size()), StandardCharsets.UTF_8);

        Path db = dir.resolve("r.db");
        Cli.Result imported =
                Cli.run(
                        "import",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "train",
                        first.toString(),
                        second.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("30 pairs into dataset 'train'"), imported.out());
        assertTrue(imported.out().contains("34 pairs into dataset 'train'"), imported.out());
        Path out = dir.resolve("out.jsonl");
        assertEquals(
                0,
                Cli.run(
                                "export",
                                "--db",
                                db.toString(),
                                "--dataset",
                                "train",
                                "--out",
                                out.toString())
                        .exit());
        assertEquals(records(samples), records(out), "both shards, in the order given");

        List<String> broken = new ArrayList<>(lines.subList(30, lines.size()));
        broken.set(5, broken.get(5).replaceFirst("\"role\": \"", "\"role\": null, \"x\": \""));
        Path bad = dir.resolve("train-00001-of-00002-bad.jsonl");
        Files.write(bad, broken, StandardCharsets.UTF_8);
        Cli.Result refused =
                Cli.run(
                        "import",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "again",
                        first.toString(),
                        bad.toString());
        assertEquals(ImportCommand.BAD_INPUT, refused.exit());
        assertTrue(refused.err().contains("bad.jsonl line 6, field"), refused.err());
        assertTrue(refused.err().contains("none of the 2 files was imported"), refused.err());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(64, store.stats().pairs());
            assertEquals(1, store.stats().datasets());
        }
    }

    @Test
    void oneRecordIsOnePairAndOneBlankLineIsOneBlankLine() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, Files.readAllLines(samples).get(0) + "\n\n");
        Path db = dir.resolve("r.db");
        Cli.Result imported = Cli.run("import", "--db", db.toString(), one.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(
                imported.out()
                        .contains(
                                ": 1 pair into dataset 'one' (0 with diverging"
                                        + " conversations, 1 blank line)"),
                imported.out());
        Cli.Result stats = Cli.run("stats", "--db", db.toString());
        assertTrue(stats.out().contains("annotated     0 pairs (0 verdicts)"), stats.out());
    }

    @Test
    void anExportOfNothingSaysWhichStepFoundNothing() throws Exception {
        Path db = dir.resolve("r.db");
        try (PreferenceStore store = PreferenceStore.open(db)) {
            store.createDataset("empty", null);
        }
        String out = dir.resolve("o.jsonl").toString();
        Cli.Result noPairs = Cli.run("export", "--db", db.toString(), "--out", out);
        assertEquals(0, noPairs.exit(), noPairs.err());
        assertTrue(
                noPairs.out().contains("nothing to export: the database holds no pairs"),
                noPairs.out());

        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());
        Cli.Result emptyDataset =
                Cli.run("export", "--db", db.toString(), "--dataset", "empty", "--out", out);
        assertTrue(
                emptyDataset
                        .out()
                        .contains(
                                "nothing to export: dataset 'empty' is empty (64 pairs in the"
                                        + " database)"),
                emptyDataset.out());

        Cli.Result noSource =
                Cli.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "samples",
                        "--source",
                        "nowhere",
                        "--out",
                        out);
        assertTrue(
                noSource.out()
                        .contains(
                                "nothing to export: 64 pairs in dataset 'samples', none with"
                                        + " --source 'nowhere'; sources in the database:"
                                        + " rewardlens-sample/"),
                noSource.out());

        Cli.Result allLeftOut =
                Cli.run("export", "--db", db.toString(), "--annotated-only", "--out", out);
        assertTrue(allLeftOut.out().contains("0 of 64 pairs exported"), allLeftOut.out());
        assertTrue(allLeftOut.out().contains("left out 64: no annotation"), allLeftOut.out());
        assertTrue(
                allLeftOut
                        .out()
                        .contains(
                                "nothing to export: all 64 pairs matched were left out, for the"
                                        + " reasons above"),
                allLeftOut.out());
    }

    @Test
    void usageErrorsAreClear() {
        Path db = dir.resolve("r.db");
        Cli.Result absent =
                Cli.run(
                        "import",
                        "--db",
                        dir.resolve("i.db").toString(),
                        "--dataset",
                        "x",
                        "a.jsonl",
                        "b.jsonl");
        assertEquals(2, absent.exit());
        assertTrue(absent.err().contains("a.jsonl: no such file"), absent.err());

        Cli.Result missing =
                Cli.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--out",
                        dir.resolve("x.jsonl").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no database"), missing.err());
        assertFalse(Files.exists(db));
    }

    @Test
    void humanOrientationPutsTheHumanPreferredSideFirstAndLeavesOutTies() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        Path db = dir.resolve("r.db");
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());
        List<StoredPair> pairs;
        try (PreferenceStore store = PreferenceStore.open(db)) {
            pairs = store.pairs(PairQuery.all().withLimit(3));
            // Pair 1: the human prefers the dataset's rejected side (shown as A).
            store.saveAnnotation(annotation(pairs.get(0), Verdict.A_BETTER, Side.REJECTED));
            // Pair 2: agrees with the label.
            store.saveAnnotation(annotation(pairs.get(1), Verdict.A_BETTER, Side.CHOSEN));
            // Pair 3: a tie, left out by default.
            store.saveAnnotation(annotation(pairs.get(2), Verdict.TIE, Side.CHOSEN));
        }
        Path out = dir.resolve("human.jsonl");
        Cli.Result exported =
                Cli.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--annotated-only",
                        "--orient",
                        "human",
                        "--out",
                        out.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertTrue(exported.out().contains("left out 1: the verdict is a tie"), exported.out());
        List<JsonNode> records = records(out);
        assertEquals(2, records.size());
        List<JsonNode> input = records(samples);
        assertEquals(input.get(0).get("rejected"), records.get(0).get("chosen"));
        assertEquals(input.get(0).get("chosen"), records.get(0).get("rejected"));
        assertEquals(input.get(1), records.get(1));
    }

    private static Annotation annotation(StoredPair pair, Verdict verdict, Side shownAsA) {
        return new Annotation(
                pair.id(), "ann", verdict, 2, List.of(), "", shownAsA, 1500, Instant.now());
    }
}
