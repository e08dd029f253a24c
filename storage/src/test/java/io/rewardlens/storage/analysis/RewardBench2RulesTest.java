package io.rewardlens.storage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RewardBench 2's row and Ties rules on hand-checked numbers, including its edge cases. */
class RewardBench2RulesTest {
    @Test
    void aSingleCorrectCompletionSharesTheTopWithTheCompletionsItTiesWith() {
        assertEquals(1.0, RewardBench2.bestOfN(new double[] {2, 1, 1, 1}, 1));
        assertEquals(1.0 / 3, RewardBench2.bestOfN(new double[] {2, 2, 1, 2}, 1), 1e-12);
        assertEquals(0.0, RewardBench2.bestOfN(new double[] {1, 2, 0, 0}, 1));
    }

    @Test
    void severalCorrectCompletionsMustAllBeatEveryIncorrectOne() {
        assertEquals(1.0, RewardBench2.bestOfN(new double[] {3, 2, 1.9, 0}, 2));
        assertEquals(0.0, RewardBench2.bestOfN(new double[] {3, 2, 2, 0}, 2));
    }

    @Test
    void tiesWithEqualCorrectScoresUseTheLimitsOfTanh() {
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Integer> correct = new LinkedHashMap<>();
        // Prompt 1: spread 0 with a positive margin (1/0 = inf, tanh 1, 1 > 0 counts).
        rows.put("ref:1", new double[] {2, 1});
        correct.put("ref:1", 1);
        rows.put("tied:1", new double[] {3, 3, 1});
        correct.put("tied:1", 2);
        // Prompt 2: spread 0 and the smaller margin 0 (0/0 = NaN, counted as 0).
        rows.put("ref:2", new double[] {1, 1});
        correct.put("ref:2", 1);
        rows.put("tied:2", new double[] {1, 1, 0});
        correct.put("tied:2", 2);
        // A ref row without its tied row counts for ref accuracy only.
        rows.put("ref:3", new double[] {5, 0});
        correct.put("ref:3", 1);
        double refAccuracy = 2.0 / 3; // 1 and 3 are accurate, 2 (margin 0) is not
        double tiedAccuracy = 1.0; // margins 2 and 1
        double preferred = 1.0; // 2 > 0 and 1 > 0
        double preferredHard = 0.5; // min(1, 2) = 1 > 0; min(0, 1) = 0 > 0 is false
        double margin = (Math.tanh(Double.POSITIVE_INFINITY) + 0) / 2;
        assertEquals(
                0.30 * tiedAccuracy
                        + 0.30 * refAccuracy
                        + 0.20 * preferred
                        + 0.20 * preferredHard
                        + 0.01 * margin,
                RewardBench2.ties(rows, correct),
                1e-12);
    }

    @Test
    void tiesNeedAPromptWithBothRows() {
        Map<String, double[]> rows = Map.of("ref:1", new double[] {2, 1});
        assertTrue(Double.isNaN(RewardBench2.ties(rows, Map.of("ref:1", 1))));
    }
}
