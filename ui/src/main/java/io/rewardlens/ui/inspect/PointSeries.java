package io.rewardlens.ui.inspect;

import java.util.List;
import java.util.Objects;

/**
 * One series of a scatter or line chart.
 *
 * @param name the series' name in the legend
 * @param points the points shown
 * @param total how many points the series has in all; more than {@code points.size()} when a large
 *     scatter is thinned for display
 */
public record PointSeries(String name, List<Point> points, int total) {
    /** Rejects a missing name and copies the points. */
    public PointSeries {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
        if (total < points.size()) {
            throw new IllegalArgumentException(
                    "a series of " + total + " points cannot show " + points.size());
        }
    }

    /**
     * One point.
     *
     * @param x the horizontal value
     * @param y the vertical value
     * @param detail what the point stands for, for its tooltip (such as {@code pair 17})
     * @param pairId the pair the point stands for, or null when it stands for several
     */
    public record Point(double x, double y, String detail, Long pairId) {
        /** Rejects a missing detail. */
        public Point {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
