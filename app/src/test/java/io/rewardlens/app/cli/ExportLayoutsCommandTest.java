package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --format LAYOUT --file-type TYPE} end to end on a real SQLite file. */
class ExportLayoutsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SINGLE =
            "{\"chosen\":[{\"role\":\"user\",\"content\":\"q1\"},{\"role\":\"assistant\",\"content\":\"good\"}],"
                + "\"rejected\":[{\"role\":\"user\",\"content\":\"q1\"},{\"role\":\"assistant\",\"content\":\"bad\"}],"
                + "\"source\":\"chat\",\"id\":3}";
    private static final String SYSTEM =
            "{\"chosen\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q2\"},"
                + "{\"role\":\"assistant\",\"content\":\"good\"}],"
                + "\"rejected\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q2\"},"
                + "{\"role\":\"assistant\",\"content\":\"bad\"}],\"source\":\"sys\"}";
    private static final String DIVERGING =
            "{\"chosen\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"x\"}],"
                + "\"rejected\":[{\"role\":\"user\",\"content\":\"b\"},{\"role\":\"assistant\",\"content\":\"y\"}],"
                + "\"source\":\"div\"}";

    @TempDir Path dir;
    private Path db;

    @BeforeEach
    void importThreePairs() throws Exception {
        Path input = dir.resolve("three.jsonl");
        Files.writeString(input, SINGLE + "\n" + SYSTEM + "\n" + DIVERGING + "\n");
        db = dir.resolve("r.db");
        Cli.Result imported = Cli.run("import", "--db", db.toString(), input.toString());
        assertEquals(0, imported.exit(), imported.err());
    }

    private Cli.Result export(String out, String... options) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "export",
                                "--db",
                                db.toString(),
                                "--out",
                                dir.resolve(out).toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> lines(String name) throws Exception {
        return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultLayoutIsSkyworkAsBefore() throws Exception {
        Cli.Result result = export("out.jsonl");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("3 of 3 pairs exported (skywork, jsonl)"), result.out());
        assertEquals(List.of(SINGLE, SYSTEM, DIVERGING), lines("out.jsonl"));
    }

    @Test
    void trlWritesPromptsAndTheDivergingPairWhole() throws Exception {
        Cli.Result result = export("trl.jsonl", "--format", "trl");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("3 of 3 pairs exported (trl, jsonl)"), result.out());
        assertEquals(
                List.of(
                        "{\"prompt\":[{\"role\":\"user\",\"content\":\"q1\"}],"
                                + "\"chosen\":[{\"role\":\"assistant\",\"content\":\"good\"}],"
                                + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"bad\"}],"
                                + "\"source\":\"chat\",\"id\":3}",
                        "{\"prompt\":[{\"role\":\"system\",\"content\":\"s\"},"
                                + "{\"role\":\"user\",\"content\":\"q2\"}],"
                                + "\"chosen\":[{\"role\":\"assistant\",\"content\":\"good\"}],"
                                + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"bad\"}],"
                                + "\"source\":\"sys\"}",
                        DIVERGING),
                lines("trl.jsonl"));
    }

    @Test
    void openAiDpoLeavesOutTheDivergingPairAndSaysWhy() throws Exception {
        Cli.Result result = export("dpo.jsonl", "--format", "openai-dpo");
        assertEquals(0, result.exit(), result.err());
        assertTrue(
                result.out().contains("2 of 3 pairs exported (openai-dpo, jsonl)"), result.out());
        assertTrue(
                result.out()
                        .contains(
                                "left out 1: the conversations differ before their last turn,"
                                        + " so there is no shared prompt"),
                result.out());
        assertEquals(
                "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"q1\"}]},"
                    + "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"good\"}],"
                    + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"bad\"}]}",
                lines("dpo.jsonl").get(0));
        JsonNode sidecar = JSON.readTree(dir.resolve("dpo.jsonl.meta.json").toFile());
        assertEquals("openai-dpo", sidecar.get("layout").asText());
        assertEquals(1, sidecar.at("/counts/leftOut/diverging/count").asInt());
    }

    @Test
    void rewardBenchParquetByFileTypeLeavesOutTheSystemPromptAndTheDivergingPair()
            throws Exception {
        Cli.Result result = export("rb.data", "--format", "rewardbench", "--file-type", "parquet");
        assertEquals(0, result.exit(), result.err());
        assertTrue(
                result.out().contains("1 of 3 pairs exported (rewardbench, parquet)"),
                result.out());
        assertTrue(
                result.out()
                        .contains(
                                "left out 1: the prompt has a system turn, which the flat layout"
                                        + " cannot hold"),
                result.out());
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(dir.resolve("rb.data"))) {
            assertEquals(4, in.read(head));
        }
        assertEquals("PAR1", new String(head, StandardCharsets.US_ASCII));
        JsonNode sidecar = JSON.readTree(dir.resolve("rb.data.meta.json").toFile());
        assertEquals("parquet", sidecar.get("format").asText());
        assertEquals("rewardbench", sidecar.get("layout").asText());
    }

    @Test
    void formatJsonlOrParquetStillMeansTheContainer() throws Exception {
        Cli.Result result = export("old.jsonl", "--format", "parquet");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("(skywork, parquet)"), result.out());
        Cli.Result again =
                Cli.run(
                        "import",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "back",
                        dir.resolve("old.jsonl").toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("3 pairs into dataset 'back'"), again.out());
    }

    @Test
    void unknownLayoutsAndContradictionsAreRefused() {
        Cli.Result unknown = export("x.jsonl", "--format", "csv");
        assertEquals(CliErrors.REFUSED, unknown.exit(), unknown.err());
        assertTrue(
                unknown.err()
                        .contains(
                                "--format must be one of skywork, trl, openai-dpo, rewardbench,"
                                        + " not csv"),
                unknown.err());
        Cli.Result contradiction = export("x.jsonl", "--format", "jsonl", "--file-type", "parquet");
        assertEquals(CliErrors.REFUSED, contradiction.exit(), contradiction.err());
        assertTrue(
                contradiction.err().contains("--format jsonl and --file-type parquet disagree"),
                contradiction.err());
        Cli.Result badType = export("x.jsonl", "--file-type", "csv");
        assertEquals(CliErrors.REFUSED, badType.exit(), badType.err());
        assertTrue(
                badType.err().contains("--file-type must be jsonl or parquet, not csv"),
                badType.err());
        assertTrue(Files.notExists(dir.resolve("x.jsonl")));
    }
}
