package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesSectionTest {
    @TempDir Path dir;

    @Test
    void linksTheCsvFilesThenThePlotsWrittenBeforeIt() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            store.score(store.pair("s", "a", "b"), store.model("alpha"), 1, 0);
            ReportContext context = store.context(dir.resolve("out"));
            assertEquals(
                    "![a \\| b](p.png)",
                    context.writePlot("p.png", "a | b", FilesSectionTest::touch));
            assertEquals("Data: [x.csv](x.csv)", context.writeCsv(new CsvTable("c"), "x.csv"));
            context.writeCsv(new CsvTable("c"), "y.csv");

            new FilesSection().write(context);

            assertEquals(
                    "## Files\n\n- [x.csv](x.csv)\n- [y.csv](y.csv)\n- [p.png](p.png)\n",
                    context.markdown().toString());
        }
    }

    private static void touch(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
