package io.rewardlens.storage.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Pearson's and Spearman's correlation of two equally long series. Spearman's is Pearson's
 * correlation of the ranks, tied values sharing the average of their ranks. Either is NaN with
 * fewer than two points or when a series does not vary.
 *
 * @param n the number of points
 * @param pearson the linear correlation, -1 to 1
 * @param spearman the rank correlation, -1 to 1
 */
public record Correlation(int n, double pearson, double spearman) {

    /** Both correlations of {@code x} and {@code y}. */
    public static Correlation of(double[] x, double[] y) {
        return new Correlation(x.length, pearson(x, y), spearman(x, y));
    }

    /**
     * Pearson's correlation coefficient.
     *
     * @throws IllegalArgumentException if the series differ in length
     */
    public static double pearson(double[] x, double[] y) {
        requireSameLength(x, y);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = mean(x);
        double meanY = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        // Rounding can push a perfect correlation a hair past 1.
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * Spearman's rank correlation coefficient, ties averaged.
     *
     * @throws IllegalArgumentException if the series differ in length
     */
    public static double spearman(double[] x, double[] y) {
        requireSameLength(x, y);
        return pearson(averageRanks(x), averageRanks(y));
    }

    /**
     * The ranks of the values, 1 for the smallest; equal values share the average of the ranks they
     * span (so {@code [10, 20, 20, 30]} ranks {@code [1, 2.5, 2.5, 4]}).
     */
    public static double[] averageRanks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && values[order[end]] == values[order[start]]) {
                end++;
            }
            // Positions start..end-1 hold ranks start+1..end; their average:
            double rank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = rank;
            }
            start = end;
        }
        return ranks;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series differ in length: " + x.length + " and " + y.length);
        }
    }
}
