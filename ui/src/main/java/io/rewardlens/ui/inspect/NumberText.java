package io.rewardlens.ui.inspect;

import java.util.Locale;

/** How the inspection views write numbers: fixed decimals, percentages, and a dash for none. */
public final class NumberText {
    /** Written for a number that does not exist (NaN), such as the rate of nothing judged. */
    public static final String NONE = "\u2013";

    private NumberText() {}

    /**
     * A number with fixed decimals.
     *
     * @param value the number
     * @param decimals digits after the point
     * @return the text, {@value #NONE} for NaN
     */
    public static String decimal(double value, int decimals) {
        return Double.isNaN(value)
                ? NONE
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * A fraction as a percentage with one decimal, such as {@code 64.1%}.
     *
     * @param fraction the fraction, 0 to 1
     * @return the text, {@value #NONE} for NaN
     */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /**
     * A signed number with three decimals, such as a margin {@code +1.250}.
     *
     * @param value the number
     * @return the text
     */
    public static String signed(double value) {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%+.3f", value);
    }
}
