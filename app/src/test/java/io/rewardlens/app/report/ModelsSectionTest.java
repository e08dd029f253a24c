package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsSectionTest {
    @TempDir Path dir;

    @Test
    void showsEachModelsProvenanceWithTheBundleHashShortenedInTheMarkdownOnly() {
        try (ReportTestStore store = new ReportTestStore(dir)) {
            StoredModel alpha = store.model("alphabetical");
            StoredModel beta = store.model("b | c");
            StoredPair pair = store.pair("s", "a", "b");
            store.score(pair, alpha, 1, 0);
            store.score(pair, beta, 1, 0);
            ReportContext context = store.context(dir.resolve("out"));

            new ModelsSection().write(context);

            String markdown = context.markdown().toString();
            assertTrue(
                    markdown.contains(
                            "| "
                                    + alpha.id()
                                    + " | alphabetical | 1 | float32 | cpu | DJL 0.36.0 |"
                                    + " `hash-alphabe` |"),
                    markdown);
            assertTrue(markdown.contains("| b \\| c | 1 |"), markdown);
            assertTrue(markdown.endsWith("Data: [models.csv](models.csv)\n\n"), markdown);
            List<Map<String, String>> rows = CsvRows.read(dir.resolve("out/models.csv"));
            assertEquals(2, rows.size());
            assertEquals("hash-alphabetical", rows.get(0).get("bundle_hash"));
            assertEquals("b | c", rows.get(1).get("model"));
            assertEquals(List.of(dir.resolve("out/models.csv")), context.csvFiles());
        }
    }
}
