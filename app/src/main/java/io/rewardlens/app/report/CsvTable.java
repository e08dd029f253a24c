package io.rewardlens.app.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table written as one CSV file (RFC 4180 quoting, header row, UTF-8), through Jackson's CSV
 * writer. Cells are formatted the same way everywhere: whole numbers as they are, other numbers
 * with Java's shortest round-trip text ({@link Double#toString}), NaN and null as empty cells,
 * booleans as {@code true}/{@code false}.
 */
final class CsvTable {
    private static final CsvMapper CSV = new CsvMapper();

    private final List<String> columns;
    private final List<String[]> rows = new ArrayList<>();

    CsvTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    CsvTable(String... columns) {
        this(List.of(columns));
    }

    /** Adds a row; it must have one value per column. */
    CsvTable row(List<?> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "row of " + values.size() + " values for " + columns.size() + " columns");
        }
        rows.add(values.stream().map(CsvTable::cell).toArray(String[]::new));
        return this;
    }

    /** Adds a row; it must have one value per column. */
    CsvTable row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** Writes the table, replacing the file. */
    void write(Path file) {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String column : columns) {
            schema.addColumn(column);
        }
        try (SequenceWriter writer =
                CSV.writerFor(String[].class)
                        .with(schema.setUseHeader(true).build())
                        .writeValues(file.toFile())) {
            for (String[] row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return number.isNaN() ? "" : formatDouble(number);
        }
        if (value instanceof Float number) {
            return cell(number.doubleValue());
        }
        return value.toString();
    }

    private static String formatDouble(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
