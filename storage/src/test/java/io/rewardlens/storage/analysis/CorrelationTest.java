package io.rewardlens.storage.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {
    private static final double EPS = 1e-12;

    @Test
    void tiedValuesShareTheAverageOfTheirRanks() {
        assertArrayEquals(
                new double[] {1, 2.5, 2.5, 4},
                Correlation.averageRanks(new double[] {10, 20, 20, 30}));
        assertArrayEquals(
                new double[] {4, 2, 2, 2}, Correlation.averageRanks(new double[] {9, 1, 1, 1}));
    }

    @Test
    void pearsonOfExactLinesIsPlusOrMinusOne() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.0, Correlation.pearson(x, new double[] {3, 5, 7, 9}), EPS);
        assertEquals(-1.0, Correlation.pearson(x, new double[] {0, -2, -4, -6}), EPS);
    }

    @Test
    void spearmanSeesMonotoneCurvesAsPerfectAndAveragesTies() {
        double[] x = {1, 2, 3, 4, 5};
        double[] cubes = {1, 8, 27, 64, 125};
        assertEquals(1.0, Correlation.spearman(x, cubes), EPS);
        assertTrue(Correlation.pearson(x, cubes) < 1);
        // y = [1, 2, 2, 3]: ranks [1, 2.5, 2.5, 4] against x ranks [1, 2, 3, 4].
        // Centred: x [-1.5, -0.5, 0.5, 1.5], y [-1.5, 0, 0, 1.5]: Sxy 4.5, Sxx 5, Syy 4.5.
        assertEquals(
                4.5 / Math.sqrt(5 * 4.5),
                Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 2, 2, 3}),
                EPS);
    }

    @Test
    void undefinedCorrelationsAreNaN() {
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1}, new double[] {2})));
        assertTrue(
                Double.isNaN(Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Correlation.spearman(new double[] {}, new double[] {})));
        assertThrows(
                IllegalArgumentException.class,
                () -> Correlation.of(new double[] {1, 2}, new double[] {1}));
    }
}
