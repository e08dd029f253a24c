package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.app.report.CsvRows;
import io.rewardlens.sampledata.SampleData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RewardBench numbers end to end: a RewardBench-shaped file is imported, scored with the demo
 * model and reported; the test recomputes every section and the overall score from {@code
 * score-file}'s output on the same pairs, with RewardBench's published example counts.
 */
class RewardBenchReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** RewardBench's EXAMPLE_COUNTS for the subsets used here (math-prm up-weighted to 984). */
    private static final Map<String, Integer> COUNTS =
            Map.of(
                    "alpacaeval-easy", 100,
                    "mt-bench-med", 40,
                    "llmbar-natural", 100,
                    "refusals-dangerous", 100,
                    "donotanswer", 136,
                    "math-prm", 984,
                    "hep-python", 164);

    private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("Chat", List.of("alpacaeval-easy", "mt-bench-med"));
        SECTIONS.put("Chat Hard", List.of("llmbar-natural"));
        SECTIONS.put("Safety", List.of("refusals-dangerous", "donotanswer"));
        SECTIONS.put("Reasoning", List.of("math-prm", "hep-python"));
    }

    @TempDir Path dir;

    @Test
    void reportSectionsEqualTheWeightedAccuraciesOfScoreFile() throws Exception {
        Path model = SampleData.installDemoModel(dir.resolve("demo"));
        List<ObjectNode> rows = new ArrayList<>();
        String[] answers = {
            "Paris is the capital.",
            "I think it is Lyon.",
            "42",
            "The answer is 41, roughly.",
            "Sure! Here you go.",
            "No.",
            "def f(x): return x * 2",
            "print('hi')",
            "Yes",
            "Never"
        };
        int id = 0;
        for (String subset : COUNTS.keySet()) {
            for (int i = 0; i < 3; i++) {
                ObjectNode row = JSON.createObjectNode();
                row.put("prompt", "Question " + id + " about " + subset + "?");
                row.put("chosen", answers[(id * 3) % answers.length] + " " + id);
                row.put("rejected", answers[(id * 7 + 1) % answers.length]);
                row.put("chosen_model", "m1");
                row.put("rejected_model", "m2");
                row.put("subset", subset);
                row.put("id", id++);
                rows.add(row);
            }
        }
        Path rb = dir.resolve("rb.jsonl");
        Files.write(rb, rows.stream().map(JsonNode::toString).toList(), StandardCharsets.UTF_8);
        Path db = dir.resolve("rb.db");
        Cli.Result imported = Cli.run("import", "--db", db.toString(), rb.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("read as rewardbench"), imported.out());
        Cli.Result scored = Cli.run("score", "--db", db.toString(), "--model", model.toString());
        assertEquals(0, scored.exit(), scored.err());
        Path out = dir.resolve("report");
        Cli.Result report = Cli.run("report", "--db", db.toString(), "--out", out.toString());
        assertEquals(0, report.exit(), report.err());

        // The same pairs as score-file lines: one user turn, one assistant turn each side.
        List<String> lines = new ArrayList<>();
        for (ObjectNode row : rows) {
            ObjectNode line = JSON.createObjectNode();
            line.set("chosen", exchange(row.get("prompt").asText(), row.get("chosen").asText()));
            line.set(
                    "rejected", exchange(row.get("prompt").asText(), row.get("rejected").asText()));
            lines.add(line.toString());
        }
        Path in = dir.resolve("pairs.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path scores = dir.resolve("scores.jsonl");
        Cli.Result file =
                Cli.run(
                        "score-file",
                        "--model",
                        model.toString(),
                        "--device",
                        "cpu",
                        "--out",
                        scores.toString(),
                        in.toString());
        assertEquals(0, file.exit(), file.err());
        List<String> results = Files.readAllLines(scores, StandardCharsets.UTF_8);
        Map<String, int[]> rightOfSubset = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode result = JSON.readTree(results.get(i));
            int[] tally =
                    rightOfSubset.computeIfAbsent(
                            rows.get(i).get("subset").asText(), s -> new int[2]);
            if (result.get("chosen_score").asDouble() > result.get("rejected_score").asDouble()) {
                tally[0]++;
            }
            tally[1]++;
        }
        double overall = 0;
        Map<String, Double> expected = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> section : SECTIONS.entrySet()) {
            double weighted = 0;
            int examples = 0;
            for (String subset : section.getValue()) {
                int[] tally = rightOfSubset.get(subset);
                weighted += (double) tally[0] / tally[1] * COUNTS.get(subset);
                examples += COUNTS.get(subset);
            }
            expected.put(section.getKey(), 100 * weighted / examples);
            overall += 100 * weighted / examples / SECTIONS.size();
        }
        expected.put("overall", overall);

        List<Map<String, String>> csv = CsvRows.read(out.resolve("rewardbench.csv"));
        for (Map.Entry<String, Double> want : expected.entrySet()) {
            Map<String, String> got =
                    csv.stream()
                            .filter(r -> r.get("kind").startsWith("measured"))
                            .filter(
                                    r ->
                                            want.getKey().equals("overall")
                                                    ? r.get("level").equals("overall")
                                                    : r.get("level").equals("section")
                                                            && r.get("section")
                                                                    .equals(want.getKey()))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(want.getKey() + " in " + csv));
            assertEquals(
                    want.getValue(), Double.parseDouble(got.get("score")), 1e-9, want.getKey());
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## RewardBench"), md);
    }

    private static ArrayNode exchange(String prompt, String answer) {
        ArrayNode messages = JSON.createArrayNode();
        messages.addObject().put("role", "user").put("content", prompt);
        messages.addObject().put("role", "assistant").put("content", answer);
        return messages;
    }
}
