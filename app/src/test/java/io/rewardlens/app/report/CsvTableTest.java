package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir Path dir;

    @Test
    void quotesAwkwardTextAndFormatsNumbersSoTheyReadBack() throws IOException {
        Path file = dir.resolve("t.csv");
        new CsvTable("name, with comma", "value", "missing", "flag")
                .row("say \"hi\"\nthen go", 0.1 + 0.2, Double.NaN, true)
                .row("ünïcödé 😀", 4.0, null, false)
                .row("plain", -0.5, 7L, false)
                .write(file);

        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows =
                mapper.readerFor(String[].class).readValues(file.toFile())) {
            List<String[]> all = rows.readAll();
            assertEquals(
                    List.of("name, with comma", "value", "missing", "flag"), List.of(all.get(0)));
            assertEquals(
                    List.of("say \"hi\"\nthen go", "0.30000000000000004", "", "true"),
                    List.of(all.get(1)));
            assertEquals(List.of("ünïcödé 😀", "4", "", "false"), List.of(all.get(2)));
            assertEquals(List.of("plain", "-0.5", "7", "false"), List.of(all.get(3)));
            assertEquals(4, all.size());
        }
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        CsvTable table = new CsvTable("a", "b");
        assertThrows(IllegalArgumentException.class, () -> table.row(1));
    }
}
