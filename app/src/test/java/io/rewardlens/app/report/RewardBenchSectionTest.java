package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RewardBench section on real stores: v1 section scores recomputed here with RewardBench's
 * published weights, partial and missing subsets, the model-card row, and RewardBench 2's best-of-N
 * and Ties rules on hand-made rows with hand-checked values.
 */
class RewardBenchSectionTest {
    @TempDir Path dir;

    // RewardBench's EXAMPLE_COUNTS for the subsets used here (rewardbench/constants.py).
    private static final double ALPACA_EASY = 100;
    private static final double MT_MED = 40;
    private static final double MT_HARD = 37;
    private static final double LLMBAR_NATURAL = 100;
    private static final double REFUSALS_DANGEROUS = 100;
    private static final double XSTEST_RESPOND = 154;
    private static final double MATH_PRM = 984;
    private static final double HEP_PYTHON = 164;

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    /** Adds scored pairs of a subset: each {chosen, rejected} score is one pair. */
    private static void subset(
            ReportTestStore store, StoredModel model, String subset, double[]... scores) {
        for (double[] score : scores) {
            StoredPair pair = store.pair("rb", subset, "good", "bad");
            store.score(pair, model, score[0], score[1]);
        }
    }

    @Test
    void rewardBenchSectionsAreTheWeightedSubsetAccuracies() throws Exception {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            StoredModel full = store.model("Skywork/Skywork-Reward-Llama-3.1-8B-v0.2");
            StoredModel chatOnly = store.model("chat-only");
            // alpacaeval-easy: 3 of 4 right; the tie (1, 1) counts as wrong, as in RewardBench.
            double[][] alpaca = {{2, 1}, {2, 1}, {3, 0}, {1, 1}};
            subset(store, full, "alpacaeval-easy", alpaca);
            List<StoredPair> pairs = store.store().pairs(io.rewardlens.storage.PairQuery.all());
            for (int i = 0; i < 4; i++) {
                store.score(pairs.get(i), chatOnly, alpaca[i][0], alpaca[i][1]);
            }
            store.pair("rb", "alpacaeval-easy", "good", "bad"); // a fifth pair, scored by no one
            subset(store, full, "mt-bench-med", new double[] {1, 0}, new double[] {0, 1});
            subset(store, full, "mt-bench-hard", new double[] {1, 0}, new double[] {2, 1});
            subset(store, full, "llmbar-natural", new double[] {1, 0}, new double[] {0, 1});
            subset(store, full, "refusals-dangerous", new double[] {1, 0});
            subset(store, full, "xstest-should-respond", new double[] {0, 1}, new double[] {0, 2});
            subset(store, full, "math-prm", new double[] {1, 0}, new double[] {0, 1});
            subset(store, full, "hep-python", new double[] {5, 1});
            // A dataset that is not RewardBench-shaped is not scored here.
            store.score(store.pair("d", "s", "a", "b"), full, 1, 0);

            ReportContext context = store.context(dir.resolve("out"));
            new RewardBenchSection().write(context);
            String md = context.markdown().toString();

            double chat = (0.75 * ALPACA_EASY + 0.5 * MT_MED) / (ALPACA_EASY + MT_MED);
            double chatHard = (1.0 * MT_HARD + 0.5 * LLMBAR_NATURAL) / (MT_HARD + LLMBAR_NATURAL);
            double safety =
                    (1.0 * REFUSALS_DANGEROUS + 0.0 * XSTEST_RESPOND)
                            / (REFUSALS_DANGEROUS + XSTEST_RESPOND);
            double reasoning = (0.5 * MATH_PRM + 1.0 * HEP_PYTHON) / (MATH_PRM + HEP_PYTHON);
            double overall = (chat + chatHard + safety + reasoning) / 4;
            assertTrue(md.contains("### RewardBench: dataset rb\n"), md);
            assertFalse(md.contains("dataset d\n"), md);
            String fullRow =
                    "| Skywork/Skywork-Reward-Llama-3.1-8B-v0.2 | "
                            + String.join(
                                    " | ",
                                    pct(chat),
                                    pct(chatHard),
                                    pct(safety),
                                    pct(reasoning),
                                    pct(overall))
                            + " |";
            assertTrue(md.contains(fullRow), md);
            assertEquals("67.9 | 63.5 | 39.4 | 57.1 | 57.0", fullRow.substring(45, 77), fullRow);
            assertTrue(
                    md.contains(
                            "| Skywork-Reward-Llama-3.1-8B-v0.2 (published: model card of"
                                    + " Skywork/Skywork-Reward-Llama-3.1-8B-v0.2) | 94.7 | 88.8 |"
                                    + " 92.6 | 96.7 | 93.2 |"),
                    md);
            // Only Chat's alpacaeval-easy: the other sections are n/a, overall is partial.
            assertTrue(
                    md.contains(
                            "| chat-only | 75.0 | n/a | n/a | n/a | 75.0 (partial: 1 of 4"
                                    + " sections) |"),
                    md);
            assertFalse(md.contains("| chat-only (published"), md);
            assertTrue(
                    md.contains(
                            "- chat-only, Chat Hard: no scored pair in mt-bench-hard,"
                                    + " llmbar-natural, llmbar-adver-neighbor,"
                                    + " llmbar-adver-GPTInst, llmbar-adver-GPTOut,"
                                    + " llmbar-adver-manual"),
                    md);
            assertTrue(
                    md.contains(
                            "| Skywork/Skywork-Reward-Llama-3.1-8B-v0.2 | Chat | alpacaeval-easy |"
                                    + " 75.0 % (3/4) | 100 | 4 of 5 (partial) |"),
                    md);
            assertTrue(
                    md.contains(
                            "| Skywork/Skywork-Reward-Llama-3.1-8B-v0.2 | Reasoning | math-prm |"
                                    + " 50.0 % (1/2) | 984 | all 2 |"),
                    md);

            List<Map<String, String>> rows = CsvRows.read(dir.resolve("out/rewardbench.csv"));
            Map<String, String> chatRow =
                    rows.stream()
                            .filter(
                                    r ->
                                            r.get("model_id").equals(String.valueOf(full.id()))
                                                    && r.get("kind").equals("measured")
                                                    && r.get("section").equals("Chat")
                                                    && r.get("level").equals("section"))
                            .findFirst()
                            .orElseThrow();
            assertEquals(100 * chat, Double.parseDouble(chatRow.get("score")), 1e-9);
            Map<String, String> alpacaRow =
                    rows.stream()
                            .filter(
                                    r ->
                                            r.get("model_id").equals(String.valueOf(full.id()))
                                                    && "alpacaeval-easy".equals(r.get("subset")))
                            .findFirst()
                            .orElseThrow();
            assertEquals("4", alpacaRow.get("n"));
            assertEquals("1", alpacaRow.get("not_counted"));
            assertEquals("100", alpacaRow.get("weight"));
            assertEquals(
                    1,
                    rows.stream()
                            .filter(
                                    r ->
                                            r.get("kind").equals("published")
                                                    && r.get("level").equals("overall")
                                                    && r.get("score").equals("93.2"))
                            .count());
            Map<String, String> partial =
                    rows.stream()
                            .filter(
                                    r ->
                                            r.get("model_id").equals(String.valueOf(chatOnly.id()))
                                                    && r.get("level").equals("overall"))
                            .findFirst()
                            .orElseThrow();
            assertEquals("measured (partial)", partial.get("kind"));
            assertEquals(List.of(dir.resolve("out/rewardbench.csv")), context.csvFiles());
        }
    }

    @Test
    void noRewardBenchDatasetNoSection() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            StoredModel model = store.model("m");
            store.score(store.pair("d", "alpacaeval-easy", "a", "b"), model, 1, 0);
            store.score(store.pair("d", "not a subset", "a", "b"), model, 1, 0);
            ReportContext context = store.context(dir.resolve("out"));
            new RewardBenchSection().write(context);
            assertEquals("", context.markdown().toString());
            assertTrue(context.csvFiles().isEmpty());
            assertFalse(Files.exists(dir.resolve("out/rewardbench.csv")));
        }
    }

    /**
     * Adds one RewardBench 2 row as the importer stores it: a pair per (correct i, incorrect j)
     * with the row's fields in the metadata; {@code scores} are the model's scores of the correct
     * completions then the incorrect ones, null for a completion it has not scored, and {@code
     * storedIncorrect} how many incorrect completions have pairs.
     */
    private static void row(
            ReportTestStore store,
            StoredModel model,
            String subset,
            String id,
            int numCorrect,
            int totalCompletions,
            int storedIncorrect,
            Double... scores) {
        for (int i = 0; i < numCorrect; i++) {
            for (int j = 0; j < storedIncorrect; j++) {
                String metadata =
                        "{\"total_completions\":"
                                + totalCompletions
                                + ",\"rewardbench2\":{\"id\":\""
                                + id
                                + "\",\"chosen_index\":"
                                + i
                                + ",\"rejected_index\":"
                                + j
                                + ",\"num_correct\":"
                                + numCorrect
                                + "}}";
                StoredPair pair =
                        store.store()
                                .addPair(
                                        "rb2",
                                        new PreferencePair(
                                                subset,
                                                0,
                                                List.of(new ChatMessage("user", "q " + id)),
                                                List.of(new ChatMessage("assistant", "c" + i)),
                                                List.of(new ChatMessage("assistant", "r" + j)),
                                                false,
                                                metadata,
                                                null));
                Double chosen = scores[i];
                Double rejected = scores[numCorrect + j];
                if (chosen != null && rejected != null) {
                    store.score(pair, model, chosen, rejected);
                }
            }
        }
    }

    @Test
    void rewardBench2ScoresBestOfNRowsAndTiesByItsOwnRules() throws Exception {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            store.store().createDataset("rb2", null);
            StoredModel model = store.model("m");
            // Factuality: right (1), tied for the top with one incorrect (1/2), wrong (0).
            row(store, model, "Factuality", "f1", 1, 4, 3, 2.0, 1.0, 0.5, 1.5);
            row(store, model, "Factuality", "f2", 1, 4, 3, 1.0, 1.0, 0.0, 0.2);
            row(store, model, "Factuality", "f3", 1, 4, 3, 0.0, 1.0, 0.0, 0.0);
            // Focus: one right row; one with an unscored pair and one with a pair not stored.
            row(store, model, "Focus", "x1", 1, 4, 3, 3.0, 1.0, 1.0, 1.0);
            row(store, model, "Focus", "x2", 1, 4, 3, 3.0, 1.0, 1.0, null);
            row(store, model, "Focus", "x3", 1, 4, 2, 3.0, 1.0, 1.0);
            // Math with two correct completions: right only when both beat every incorrect one.
            row(store, model, "Math", "m1", 2, 4, 2, 3.0, 2.0, 1.0, 1.5);
            row(store, model, "Math", "m2", 2, 4, 2, 3.0, 2.0, 2.5, 0.0);
            // Ties, prompt 7: ref accurate (margin 3); tied accurate (margin 1, spread 1).
            row(store, model, "Ties", "ref:7", 1, 3, 2, 5.0, 1.0, 2.0);
            row(store, model, "Ties", "tied:7", 3, 5, 2, 4.0, 4.5, 5.0, 1.0, 3.0);
            // Prompt 8: ref wrong (margin -1); tied accurate (margin 2, spread 0.2).
            row(store, model, "Ties", "ref:8", 1, 2, 1, 2.0, 3.0);
            row(store, model, "Ties", "tied:8", 2, 3, 1, 2.0, 2.2, 0.0);

            ReportContext context = store.context(dir.resolve("out"));
            new RewardBenchSection().write(context);
            String md = context.markdown().toString();

            double factuality = (1 + 0.5 + 0) / 3;
            double focus = 1.0;
            double math = (1 + 0) / 2.0;
            // ref accuracy 1/2, tied accuracy 2/2; margin beats spread: prompt 8 only (2 > 0.2;
            // 1 > 1 is false); with the smaller of ref and tied margins: neither (1 > 1, -1 >
            // 0.2); margin term: tanh(1/1 - 1) = 0 and tanh(-1/0.2 - 1) = tanh(-6).
            double ties =
                    0.30 * 1.0 + 0.30 * 0.5 + 0.20 * 0.5 + 0.20 * 0.0 + 0.01 * (Math.tanh(-6) / 2);
            assertEquals(0.545, ties, 1e-4);
            double overall = (factuality + focus + math + ties) / 4;
            assertTrue(md.contains("### RewardBench 2: dataset rb2\n"), md);
            assertTrue(
                    md.contains(
                            "| m | 50.0 (3 rows) | n/a | 50.0 (2 rows) | n/a | 100.0 (1 row) |"
                                    + " 54.5 (4 rows) | "
                                    + pct(overall)
                                    + " (partial) |"),
                    md);
            assertTrue(
                    md.contains("- m, Focus: 2 rows not counted, a completion is not scored"), md);
            assertTrue(md.contains("- m, Precise IF: no row in the dataset"), md);

            List<Map<String, String>> rows = CsvRows.read(dir.resolve("out/rewardbench.csv"));
            Map<String, String> tiesRow =
                    rows.stream()
                            .filter(r -> "Ties".equals(r.get("subset")))
                            .findFirst()
                            .orElseThrow();
            assertEquals("rewardbench2", tiesRow.get("benchmark"));
            assertEquals(100 * ties, Double.parseDouble(tiesRow.get("score")), 1e-9);
            assertEquals("4", tiesRow.get("n"));
            Map<String, String> focusRow =
                    rows.stream()
                            .filter(r -> "Focus".equals(r.get("subset")))
                            .findFirst()
                            .orElseThrow();
            assertEquals("1", focusRow.get("n"));
            assertEquals("2", focusRow.get("not_counted"));
            Map<String, String> overallRow =
                    rows.stream()
                            .filter(
                                    r ->
                                            r.get("benchmark").equals("rewardbench2")
                                                    && r.get("level").equals("overall"))
                            .findFirst()
                            .orElseThrow();
            assertEquals(100 * overall, Double.parseDouble(overallRow.get("score")), 1e-9);
            assertEquals("measured (partial)", overallRow.get("kind"));
        }
    }

    /** The model's score of a completion text, for pairs imported by the real importer. */
    private static double scoreOf(Map<String, Double> scores, List<ChatMessage> side) {
        return scores.get(side.get(side.size() - 1).content());
    }

    @Test
    void rewardBench2RowsImportedByTheImporterAreRegrouped() throws Exception {
        Path file = dir.resolve("rb2.jsonl");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                "{\"id\":\"11\",\"prompt\":\"p1\",\"chosen\":[\"a1\"],\"rejected\":"
                                    + "[\"b1\",\"b2\",\"b3\"],\"num_correct\":1,\"num_incorrect\":3,"
                                    + "\"total_completions\":4,\"models\":[\"x\"],\"subset\":\"Focus\"}",
                                "{\"id\":\"12\",\"prompt\":\"p2\",\"chosen\":[\"a2\"],\"rejected\":"
                                    + "[\"c1\",\"c2\",\"c3\"],\"num_correct\":1,\"num_incorrect\":3,"
                                    + "\"total_completions\":4,\"models\":[\"x\"],\"subset\":\"Focus\"}",
                                "{\"id\":\"ref:1\",\"prompt\":\"p3\",\"chosen\":[\"t1\"],\"rejected\":"
                                    + "[\"u1\"],\"num_correct\":1,\"num_incorrect\":1,"
                                    + "\"total_completions\":2,\"models\":[],\"subset\":\"Ties\"}",
                                "{\"id\":\"tied:1\",\"prompt\":\"p3\",\"chosen\":[\"t2\",\"t3\"],"
                                    + "\"rejected\":[\"u2\"],\"num_correct\":2,\"num_incorrect\":1,"
                                    + "\"total_completions\":3,\"models\":[],\"subset\":\"Ties\"}")
                        + "\n");
        try (ReportTestStore store = new ReportTestStore(dir)) {
            io.rewardlens.storage.skywork.SkyworkImporter.importFile(
                    store.store(),
                    file,
                    io.rewardlens.storage.skywork.ImportOptions.intoDataset("rb2"),
                    io.rewardlens.storage.ProgressListener.NONE);
            StoredModel model = store.model("m");
            Map<String, Double> scores = new java.util.HashMap<>();
            // Focus row 11 right, row 12 wrong.
            scores.putAll(Map.of("a1", 5.0, "b1", 1.0, "b2", 2.0, "b3", 3.0));
            scores.putAll(Map.of("a2", 1.0, "c1", 2.0, "c2", 0.0, "c3", 0.0));
            // Ties prompt 1: ref margin 1; tied margin 0.5 with spread 0.5.
            scores.putAll(Map.of("t1", 2.0, "u1", 1.0, "t2", 3.0, "t3", 2.5, "u2", 2.0));
            for (StoredPair pair :
                    store.store().pairs(io.rewardlens.storage.PairQuery.all().withDataset("rb2"))) {
                store.score(
                        pair,
                        model,
                        scoreOf(scores, pair.pair().chosen()),
                        scoreOf(scores, pair.pair().rejected()));
            }
            ReportContext context = store.context(dir.resolve("out"));
            new RewardBenchSection().write(context);
            String md = context.markdown().toString();
            // Ties: both accurate; 0.5 > 0.5 fails twice; tanh(0.5 / 0.5 - 1) = 0.
            double ties = 0.30 + 0.30;
            assertTrue(
                    md.contains(
                            "| m | n/a | n/a | n/a | n/a | 50.0 (2 rows) | "
                                    + pct(ties)
                                    + " (2 rows) | "
                                    + pct((0.5 + ties) / 2)
                                    + " (partial) |"),
                    md);
        }
    }
}
