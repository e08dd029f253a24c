package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The length and Markdown bias sections, their shared {@link MarginScatters} and the correlations
 * file of both, on two models: alpha scores three pairs, beta two.
 */
class BiasSectionsTest {
    @TempDir Path dir;
    private ReportTestStore store;
    private StoredModel alpha;
    private StoredModel beta;
    private StoredPair longer;

    @BeforeEach
    void fill() {
        store = new ReportTestStore(dir);
        alpha = store.model("Alpha 1");
        beta = store.model("beta");
        longer = store.pair("s", "aaaa", "b");
        StoredPair shorter = store.pair("s", "**a**", "bbbbbbbbbb");
        StoredPair same = store.pair("s", "cc", "dd");
        store.score(longer, alpha, 2, 0);
        store.score(shorter, alpha, 0, 3);
        store.score(same, alpha, 1, 0);
        store.score(longer, beta, 0, 1);
        store.score(shorter, beta, 1, 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void lengthBiasWritesPointsSplitAccuracyAndOnePlotPerModel() {
        ReportContext context = store.context(dir);

        new LengthBiasSection().write(context);

        List<Map<String, String>> points = CsvRows.read(dir.resolve("length_bias.csv"));
        assertEquals(5, points.size());
        Map<String, String> first = points.get(0);
        assertEquals(String.valueOf(longer.id()), first.get("pair_id"));
        assertEquals("4", first.get("chosen_length"));
        assertEquals("1", first.get("rejected_length"));
        assertEquals("3", first.get("length_difference"));
        assertEquals("2", first.get("margin"));
        List<Map<String, String>> split = CsvRows.read(dir.resolve("length_split_accuracy.csv"));
        assertEquals(6, split.size(), "three groups per model");
        String markdown = context.markdown().toString();
        assertTrue(
                markdown.contains("| Alpha 1 | 100.0 % (1/1) | 0.0 % (0/1) | 100.0 % (1/1) |"),
                markdown);
        assertTrue(markdown.contains("| beta | 0.0 % (0/1) | 100.0 % (1/1) | – (0) |"), markdown);
        assertEquals(
                List.of(
                        dir.resolve("length_split.png"),
                        dir.resolve("length_bias_m" + alpha.id() + "-alpha-1.png"),
                        dir.resolve("length_bias_m" + beta.id() + "-beta.png")),
                context.plots());
        assertTrue(
                markdown.contains(
                        "![Alpha 1: margin vs length difference](length_bias_m"
                                + alpha.id()
                                + "-alpha-1.png)"),
                markdown);
    }

    @Test
    void markdownBiasWritesDensityPointsAndPlots() {
        ReportContext context = store.context(dir);

        new MarkdownBiasSection().write(context);

        List<Map<String, String>> points = CsvRows.read(dir.resolve("markdown_bias.csv"));
        assertEquals(5, points.size());
        assertEquals(
                List.of(
                        "model_id",
                        "model",
                        "pair_id",
                        "chosen_density",
                        "rejected_density",
                        "density_difference",
                        "margin"),
                List.copyOf(points.get(0).keySet()));
        assertEquals(2, context.plots().size());
        assertTrue(context.markdown().toString().contains("| Alpha 1 | 3 |"));
    }

    @Test
    void correlationsListLengthThenDensityForEveryModel() {
        ReportContext context = store.context(dir);

        new BiasCorrelationsSection().write(context);

        List<Map<String, String>> rows = CsvRows.read(dir.resolve("correlations.csv"));
        assertEquals(
                List.of(
                        "Alpha 1 length_difference",
                        "beta length_difference",
                        "Alpha 1 markdown_density_difference",
                        "beta markdown_density_difference"),
                rows.stream().map(r -> r.get("model") + " " + r.get("feature")).toList());
        assertEquals("2", rows.get(1).get("n"));
        assertEquals(
                "Data: [correlations.csv](correlations.csv) (both features, every model)\n\n",
                context.markdown().toString());
    }
}
