package io.rewardlens.ui.inspect;

import io.rewardlens.storage.analysis.RewardBench;
import io.rewardlens.storage.analysis.RewardBench2;
import java.util.ArrayList;
import java.util.List;

/**
 * The RewardBench table of the reports: one line per model, dataset and score (v1's four sections
 * and overall, RewardBench 2's subsets and overall), as the CLI's report computes them. Free of
 * JavaFX, so it is tested without the toolkit.
 */
final class RewardBenchLines {
    /** What a score that cannot be computed shows as. */
    static final String NOT_AVAILABLE = "n/a";

    private RewardBenchLines() {}

    /**
     * One line of the table.
     *
     * @param benchmark {@code RewardBench} or {@code RewardBench 2}
     * @param dataset the dataset's name
     * @param model the model's label
     * @param part a section, a subset or {@code overall}
     * @param score the score in percent with one decimal, or {@link #NOT_AVAILABLE}
     * @param detail what the score rests on (missing subsets, rows counted, partial)
     */
    record Line(
            String benchmark,
            String dataset,
            String model,
            String part,
            String score,
            String detail) {}

    static List<Line> of(List<RewardBench.Result> v1, List<RewardBench2.Result> v2) {
        List<Line> lines = new ArrayList<>();
        for (RewardBench.Result result : v1) {
            String model = result.model().label();
            for (RewardBench.SectionScore section : result.sections()) {
                lines.add(
                        new Line(
                                "RewardBench",
                                result.dataset(),
                                model,
                                section.section(),
                                percent(section.score()),
                                section.missing().isEmpty()
                                        ? ""
                                        : "missing: " + String.join(", ", section.missing())));
            }
            lines.add(
                    new Line(
                            "RewardBench",
                            result.dataset(),
                            model,
                            "overall",
                            percent(result.overall()),
                            result.complete() ? "" : "partial"));
        }
        for (RewardBench2.Result result : v2) {
            String model = result.model().label();
            for (RewardBench2.SubsetScore subset : result.subsets()) {
                lines.add(
                        new Line(
                                "RewardBench 2",
                                result.dataset(),
                                model,
                                subset.subset(),
                                percent(subset.score()),
                                subset.rows()
                                        + (subset.rows() == 1 ? " row" : " rows")
                                        + (subset.incompleteRows() > 0
                                                ? ", " + subset.incompleteRows() + " not scored"
                                                : "")));
            }
            lines.add(
                    new Line(
                            "RewardBench 2",
                            result.dataset(),
                            model,
                            "overall",
                            percent(result.overall()),
                            result.complete() ? "" : "partial"));
        }
        return List.copyOf(lines);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction)
                ? NOT_AVAILABLE
                : String.format(java.util.Locale.ROOT, "%.1f", 100 * fraction);
    }
}
