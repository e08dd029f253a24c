package io.rewardlens.ui.inspect;

import java.util.List;
import java.util.Objects;

/**
 * One series of a bar chart: a value per category (a model, a source, a length split).
 *
 * @param name the series' name in the legend
 * @param values the bars, in category order; a category without a value (nothing judged) is left
 *     out
 */
public record CategorySeries(String name, List<CategoryValue> values) {
    /** Rejects a missing name and copies the values. */
    public CategorySeries {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }

    /**
     * One bar.
     *
     * @param category the category on the axis
     * @param value the bar's height
     * @param detail what the bar stands for, for its tooltip (such as {@code 41 of 64 pairs})
     */
    public record CategoryValue(String category, double value, String detail) {
        /** Rejects missing texts. */
        public CategoryValue {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
