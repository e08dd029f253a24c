package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.sampledata.SampleData;
import io.rewardlens.sampledata.SkyworkPairGenerator;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storescoring.DatasetScoring;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring commands on the demo model, which is the tiny-qwen3 fixture: {@code score-file}
 * against the transformers goldens, {@code score} into a real store, and resuming after a kill.
 */
class ScoreCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path shared;
    @TempDir Path dir;

    private static Path model;
    private static JsonNode golden;

    @BeforeAll
    static void installDemoModel() throws Exception {
        model = SampleData.installDemoModel(shared.resolve("demo"));
        golden = JSON.readTree(Cli.fixtures().resolve("tiny-qwen3/golden.json").toFile());
    }

    @Test
    void scoreFileGivesTheTransformersScoresLineByLine() throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : golden.get("cases").properties()) {
            ObjectNode line = JSON.createObjectNode();
            line.set("messages", c.getValue().get("messages"));
            lines.add(line.toString());
            names.add(c.getKey());
        }
        JsonNode correct = golden.get("cases").get("jane_correct");
        JsonNode wrong = golden.get("cases").get("jane_wrong");
        ObjectNode pair = JSON.createObjectNode();
        pair.set("chosen", correct.get("messages"));
        pair.set("rejected", wrong.get("messages"));
        pair.put("source", "golden");
        lines.add(pair.toString());
        lines.add("{\"messages\": [{\"role\": \"user\", \"content\": \"cut");
        lines.add("{\"messages\": []}");
        Path in = dir.resolve("in.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");

        Cli.Result result =
                Cli.run(
                        "score-file",
                        "--model",
                        model.toString(),
                        "--device",
                        "cpu",
                        "--per-token",
                        "--out",
                        out.toString(),
                        in.toString());
        assertEquals(ScoreFileCommand.SOME_LINES_FAILED, result.exit(), result.err());
        assertTrue(result.err().contains("3 self-tests passed"), result.err());
        assertTrue(result.err().contains("DEMO bundle"), result.err());
        List<String> output = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(lines.size(), output.size());
        for (int i = 0; i < names.size(); i++) {
            JsonNode expected = golden.get("cases").get(names.get(i));
            JsonNode got = JSON.readTree(output.get(i));
            assertEquals(expected.get("score_fp32").asDouble(), got.get("score").asDouble(), 1e-4);
            assertEquals(expected.get("input_ids").size(), got.get("tokens").asInt());
            JsonNode perToken = expected.get("per_token_scores_fp32");
            assertEquals(perToken.size(), got.get("per_token").size());
            for (int t = 0; t < perToken.size(); t++) {
                assertEquals(
                        perToken.get(t).asDouble(), got.get("per_token").get(t).asDouble(), 1e-4);
            }
        }
        JsonNode pairLine = JSON.readTree(output.get(names.size()));
        assertEquals(
                correct.get("score_fp32").asDouble(),
                pairLine.get("chosen_score").asDouble(),
                1e-4);
        assertEquals(
                wrong.get("score_fp32").asDouble(),
                pairLine.get("rejected_score").asDouble(),
                1e-4);
        assertEquals(
                correct.get("score_fp32").asDouble() - wrong.get("score_fp32").asDouble(),
                pairLine.get("margin").asDouble(),
                2e-4);
        assertTrue(
                JSON.readTree(output.get(names.size() + 1))
                        .get("error")
                        .asText()
                        .startsWith("line " + (names.size() + 2) + ": invalid JSON"),
                output.get(names.size() + 1));
        assertTrue(
                JSON.readTree(output.get(names.size() + 2))
                        .get("error")
                        .asText()
                        .contains("field messages: expected a non-empty list"),
                output.get(names.size() + 2));
    }

    @Test
    void scoreSavesEveryPairOnceAndAgreesWithScoreFile() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        Path db = dir.resolve("r.db");
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());
        Cli.Result first = Cli.run("score", "--db", db.toString(), "--model", model.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("64 pairs scored"), first.out());
        Cli.Result second = Cli.run("score", "--db", db.toString(), "--model", model.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("0 pairs scored"), second.out());
        assertTrue(second.out().contains("64 already scored before"), second.out());

        Path scored = dir.resolve("scored.jsonl");
        assertEquals(
                0,
                Cli.run(
                                "score-file",
                                "--model",
                                model.toString(),
                                "--out",
                                scored.toString(),
                                samples.toString(),
                                "--no-progress")
                        .exit());
        List<String> fileScores = Files.readAllLines(scored, StandardCharsets.UTF_8);
        try (PreferenceStore store = PreferenceStore.open(db)) {
            StoredModel stored = store.models().get(0);
            assertEquals("cpu", stored.info().device());
            List<StoredPair> pairs = store.pairs(PairQuery.all());
            assertEquals(64, pairs.size());
            for (int i = 0; i < pairs.size(); i++) {
                PairScore score = store.score(pairs.get(i).id(), stored.id()).orElseThrow();
                JsonNode expected = JSON.readTree(fileScores.get(i));
                assertEquals(expected.get("chosen_score").asDouble(), score.chosenScore(), 1e-6);
                assertEquals(
                        expected.get("rejected_score").asDouble(), score.rejectedScore(), 1e-6);
                assertEquals(stored.info().bundleHash(), score.provenance().bundleHash());
            }
            assertEquals(128, store.scoreCache().size(cacheKey(stored)));
        }

        Path disagreements = dir.resolve("disagreements.jsonl");
        Cli.Result exported =
                Cli.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--model",
                        "1",
                        "--agreement",
                        "disagrees",
                        "--out",
                        disagreements.toString());
        assertEquals(0, exported.exit(), exported.err());
        long wrong =
                fileScores.stream()
                        .map(ScoreCommandsTest::tree)
                        .filter(line -> line.get("margin").asDouble() < 0)
                        .count();
        assertEquals(wrong, Files.readAllLines(disagreements).size());
    }

    /** The score cache is keyed by the bundle hash and the trace that ran. */
    private static String cacheKey(StoredModel stored) {
        return stored.info().bundleHash() + ":reward.torchscript.pt";
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pairs for the kill-and-resume test: more than one scoring chunk (the child is killed once the
     * first chunk is saved), few enough that the CPU scores them in seconds.
     */
    private static final int RESUME_PAIRS = DatasetScoring.CHUNK_PAIRS + 40;

    @Test
    void aKilledScoreRunResumesWhereItStopped() throws Exception {
        Path input = dir.resolve("gen.jsonl");
        SkyworkPairGenerator.write(input, RESUME_PAIRS, 11);
        Path db = dir.resolve("r.db");
        assertEquals(0, Cli.run("import", "--db", db.toString(), input.toString()).exit());

        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "io.rewardlens.app.RewardLensMain",
                                "score",
                                "--db",
                                db.toString(),
                                "--model",
                                model.toString(),
                                "--truncate-left",
                                "--no-progress")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
        long scoredWhenKilled = 0;
        try (PreferenceStore store = PreferenceStore.open(db)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && child.isAlive()) {
                scoredWhenKilled = store.stats().scoredPairs();
                if (scoredWhenKilled >= DatasetScoring.CHUNK_PAIRS) {
                    break;
                }
                Thread.sleep(50);
            }
            child.destroyForcibly().waitFor();
            scoredWhenKilled = store.stats().scoredPairs();
        }
        assertTrue(
                scoredWhenKilled > 0 && scoredWhenKilled < RESUME_PAIRS,
                "killed after "
                        + scoredWhenKilled
                        + " pairs: "
                        + Files.readString(dir.resolve("child.log")));

        Cli.Result resumed =
                Cli.run(
                        "score",
                        "--db",
                        db.toString(),
                        "--model",
                        model.toString(),
                        "--truncate-left");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(
                resumed.out().contains((RESUME_PAIRS - scoredWhenKilled) + " pairs scored"),
                resumed.out());
        assertTrue(
                resumed.out().contains(scoredWhenKilled + " already scored before"), resumed.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(RESUME_PAIRS, store.stats().scoredPairs());
            assertEquals("ok", integrityCheck(db));
        }
    }

    private static String integrityCheck(Path db) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var rows = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void benchScoreTimesOneCallOfExactlyTheAskedLengthsAndSaysSo() throws Exception {
        Cli.Result result =
                Cli.run(
                        "bench-score",
                        "--model",
                        model.toString(),
                        "--device",
                        "cpu",
                        "--batch",
                        "3",
                        "--tokens",
                        "60",
                        "--latency-tokens",
                        "40",
                        "--repeat",
                        "2");
        assertEquals(0, result.exit(), result.err());
        JsonNode json = JSON.readTree(result.out());
        assertEquals(180, json.get("batch_tokens").asInt(), result.out());
        assertEquals("[60]", json.get("batch_call_widths").asText(), result.out());
        assertEquals(40, json.get("latency_tokens").asInt(), result.out());
        assertTrue(json.get("batch_ms_median").asDouble() > 0, result.out());
    }

    /** A tool-calling conversation as OpenAI-style messages; {@code %s} is the line's extra. */
    private static final String TOOL_LINE =
            "{\"messages\": [{\"role\": \"user\", \"content\": \"Weather in Paris?\"},"
                    + " {\"role\": \"assistant\", \"content\": \"\", \"tool_calls\":"
                    + " [{\"id\": \"call_1\", \"type\": \"function\", \"function\": {\"name\":"
                    + " \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}}]}, {\"role\":"
                    + " \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"18 C\"},"
                    + " {\"role\": \"assistant\", \"content\": \"It is 18 C.\"}]%s}";

    private static final String TOOLS =
            ", \"tools\": [{\"type\": \"function\", \"function\": {\"name\":"
                    + " \"get_weather\", \"parameters\": {\"type\": \"object\"}}}]";

    @Test
    void scoreFileScoresToolCallsWithTheLinesToolsAndNamesWhatItCannotScore() throws Exception {
        List<String> lines =
                List.of(
                        TOOL_LINE.formatted(TOOLS),
                        TOOL_LINE.formatted(""),
                        TOOL_LINE.formatted("").replace(", \"tool_calls\"", ", \"x_calls\""),
                        "{\"messages\": [{\"role\": \"user\", \"content\": 5}]}",
                        "{\"chosen\": [{\"role\": \"user\", \"content\": [{\"type\":"
                                + " \"text\", \"text\": \"hi\"}]}, {\"role\": \"assistant\","
                                + " \"content\": \"ok\"}], \"rejected\": [{\"role\": \"user\","
                                + " \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\":"
                                + " \"no\"}]}");
        Path in = dir.resolve("tools.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("tools.out.jsonl");
        Cli.Result result =
                Cli.run(
                        "score-file",
                        "--model",
                        model.toString(),
                        "--device",
                        "cpu",
                        "--out",
                        out.toString(),
                        in.toString());
        List<JsonNode> output = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            output.add(JSON.readTree(line));
        }
        assertEquals(ScoreFileCommand.SOME_LINES_FAILED, result.exit(), result.err());
        assertEquals(lines.size(), output.size());
        int withTools = output.get(0).path("tokens").asInt();
        int withoutTools = output.get(1).path("tokens").asInt();
        int callsIgnored = output.get(2).path("tokens").asInt();
        assertTrue(withTools > withoutTools, "the line's tools reach the template: " + output);
        assertTrue(
                withoutTools > callsIgnored,
                "the tool call is rendered (an unknown key is not): " + output);
        assertEquals(
                "line 4: field messages[0].content: expected a string, null or a list of content"
                        + " parts, got number",
                output.get(3).get("error").asText());
        String refused = output.get(4).get("error").asText();
        assertTrue(
                refused.startsWith("line 5, chosen: model ")
                        && refused.endsWith(
                                "the chat template refused the conversation: chat template"
                                        + " failed: 'list' object has no attribute 'startswith'"),
                refused);
        assertTrue(
                result.err().contains("rewardlens: 2 lines of " + in + " could not be scored"),
                result.err());
    }

    @Test
    void scoreScoresStoredToolCallingPairsAndNamesThePairATemplateRefuses() throws Exception {
        String messages = TOOL_LINE.formatted("");
        String conversation =
                messages.substring(messages.indexOf('['), messages.lastIndexOf(']') + 1);
        String good =
                "{\"chosen\": "
                        + conversation
                        + ", \"rejected\": "
                        + conversation.replace("It is 18 C.", "No idea.")
                        + TOOLS
                        + "}";
        String refused =
                "{\"chosen\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\","
                        + " \"text\": \"hi\"}]}, {\"role\": \"assistant\", \"content\":"
                        + " \"ok\"}], \"rejected\": [{\"role\": \"user\", \"content\":"
                        + " \"hi\"}, {\"role\": \"assistant\", \"content\": \"no\"}]}";
        Path in = dir.resolve("tools.jsonl");
        Files.write(in, List.of(good, refused), StandardCharsets.UTF_8);
        Path db = dir.resolve("tools.db");
        assertEquals(0, Cli.run("import", "--db", db.toString(), in.toString()).exit());
        Cli.Result result = Cli.run("score", "--db", db.toString(), "--model", model.toString());
        assertTrue(result.out().contains("1 pair scored"), result.out());
        assertTrue(result.out().contains("1 failed"), result.out());
        assertTrue(
                result.err().contains("pair 2: model ")
                        && result.err()
                                .contains(
                                        "the chat template refused the conversation: chat"
                                                + " template failed: 'list' object has no"
                                                + " attribute 'startswith'"),
                result.err());
    }
}
