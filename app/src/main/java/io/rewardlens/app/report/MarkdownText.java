package io.rewardlens.app.report;

import io.rewardlens.storage.analysis.Accuracy;
import java.util.List;
import java.util.Locale;

/** Formatting of numbers and table cells for the Markdown report. */
final class MarkdownText {
    /** What an undefined number (no data) shows as. */
    static final String NONE = "–";

    private MarkdownText() {}

    /** A number with at most {@code decimals} decimals, or {@link #NONE} for NaN. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.startsWith("-") && Double.parseDouble(text) == 0 ? text.substring(1) : text;
    }

    /** A fraction as a percentage with its counts, like {@code 62.5 % (5/8)}. */
    static String rate(long part, long whole) {
        if (whole == 0) {
            return NONE + " (0)";
        }
        return number(100.0 * part / whole, 1) + " % (" + part + "/" + whole + ")";
    }

    /** A model's accuracy as a percentage with its counts: agreeing out of judged. */
    static String rate(Accuracy accuracy) {
        return rate(accuracy.agreeing(), accuracy.judged());
    }

    /** Text safe inside a table cell: pipes escaped, line breaks as spaces. */
    static String cell(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }

    /** A Markdown table. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }
}
