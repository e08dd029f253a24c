package io.rewardlens.app.cli;

import static io.rewardlens.testsupport.ConstructedStore.addPair;
import static io.rewardlens.testsupport.ConstructedStore.model;
import static io.rewardlens.testsupport.ConstructedStore.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.testsupport.ConstructedStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code rewardlens report} on a small store whose figures are worked out by hand, and reads
 * the written files back: CSV tables parsed, PNG plots decoded, the Markdown checked for every
 * model and section.
 */
class ReportCommandTest {
    private static final double EPS = 1e-12;

    @TempDir Path dir;
    private Path db;
    private StoredModel alpha;
    private StoredModel beta;
    private final List<StoredPair> p = new ArrayList<>();

    /** What one run of the command printed and returned. */
    private record Run(int exitCode, String out, String err) {}

    /*
     * Dataset "d": chosen / rejected completion lengths and margins
     *   P1 math  10 / 5   alpha +1   beta -2   verdicts: chosen, rejected
     *   P2 math   2 / 8   alpha -3   beta +4   verdicts: rejected
     *   P3 chat   5 / 5   alpha  0   beta +1   verdicts: chosen, tie
     *   P4 none   7 / 6   alpha +4   (beta -)  verdicts: both bad
     * Dataset "other": P5 "x" 3 / 3, alpha +2, no verdicts.
     */
    @BeforeEach
    void buildStore() {
        db = dir.resolve("store.db");
        try (PreferenceStore store = PreferenceStore.open(db)) {
            p.add(addPair(store, "d", 1, "math", "aaaaaaaaaa", "bbbbb"));
            p.add(addPair(store, "d", 2, "math", "cc", "dddddddd"));
            p.add(addPair(store, "d", 3, "chat", "**x**", "yyyyy"));
            p.add(addPair(store, "d", 4, null, "- a\n- b", "# h\nzz"));
            p.add(addPair(store, "other", 1, "x", "eee", "fff"));
            alpha = model(store, "alpha");
            beta = model(store, "beta | pipes");
            model(store, "unscored");
            store.saveScores(
                    List.of(
                            score(0, alpha, 2, 1),
                            score(1, alpha, 0, 3),
                            score(2, alpha, 1, 1),
                            score(3, alpha, 5, 1),
                            score(4, alpha, 3, 1),
                            score(0, beta, 1, 3),
                            score(1, beta, 4, 0),
                            score(2, beta, 2, 1)));
            verdict(store, p.get(0), "ann1", Verdict.A_BETTER, Side.CHOSEN);
            verdict(store, p.get(0), "ann2", Verdict.B_BETTER, Side.CHOSEN);
            verdict(store, p.get(1), "ann1", Verdict.A_BETTER, Side.REJECTED);
            verdict(store, p.get(2), "ann1", Verdict.A_BETTER, Side.CHOSEN);
            verdict(store, p.get(2), "ann2", Verdict.TIE, Side.CHOSEN);
            verdict(store, p.get(3), "ann1", Verdict.BOTH_BAD, Side.REJECTED);
        }
    }

    private PairScore score(int pair, StoredModel model, double chosen, double rejected) {
        return ConstructedStore.score(p.get(pair), model, chosen, rejected);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ReportCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows =
                mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(file.toFile())) {
            return rows.readAll();
        }
    }

    private static Map<String, String> only(List<Map<String, String>> rows, String... keyValues) {
        List<Map<String, String>> found =
                rows.stream()
                        .filter(
                                row -> {
                                    for (int i = 0; i < keyValues.length; i += 2) {
                                        if (!keyValues[i + 1].equals(row.get(keyValues[i]))) {
                                            return false;
                                        }
                                    }
                                    return true;
                                })
                        .toList();
        assertEquals(1, found.size(), "rows matching " + List.of(keyValues) + " in " + rows);
        return found.get(0);
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    @Test
    void writesMarkdownCsvAndPlotsWithHandCheckedFigures() throws IOException {
        Path out = dir.resolve("report");
        Run run = run("--db", db.toString(), "--dataset", "d", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("report.md"), run.out());

        // Accuracy: alpha 2 of 4 against labels (one tie), 2 of 4 verdicts; beta 2 of 3, 2 of 4.
        List<Map<String, String>> accuracy = readCsv(out.resolve("accuracy.csv"));
        Map<String, String> alphaAll = only(accuracy, "model", "alpha", "scope", "all");
        assertEquals("4", alphaAll.get("label_pairs"));
        assertEquals("2", alphaAll.get("label_correct"));
        assertEquals("1", alphaAll.get("label_model_ties"));
        assertEquals(0.5, number(alphaAll, "label_accuracy"));
        assertEquals("4", alphaAll.get("human_verdicts"));
        assertEquals(0.5, number(alphaAll, "human_accuracy"));
        Map<String, String> betaAll = only(accuracy, "model", "beta | pipes", "scope", "all");
        assertEquals(2.0 / 3, number(betaAll, "label_accuracy"), EPS);
        Map<String, String> alphaMath =
                only(accuracy, "model", "alpha", "scope", "source", "source", "math");
        assertEquals("2", alphaMath.get("label_pairs"));
        assertEquals(2.0 / 3, number(alphaMath, "human_accuracy"), EPS);
        Map<String, String> alphaNoSource =
                only(accuracy, "model", "alpha", "scope", "source", "source", "");
        assertEquals("", alphaNoSource.get("human_accuracy"), "no verdict with a side: blank");
        assertEquals(
                7, accuracy.size(), "alpha: all, no source, chat, math; beta: all, chat, math");

        // Humans vs labels: 6 verdicts, 2 prefer chosen, 2 rejected, one tie, one both-bad.
        Map<String, String> humans =
                only(readCsv(out.resolve("human_vs_label.csv")), "scope", "all");
        assertEquals("4", humans.get("annotated_pairs"));
        assertEquals("6", humans.get("verdicts"));
        assertEquals("2", humans.get("agree_with_label"));
        assertEquals("2", humans.get("disagree_with_label"));
        assertEquals("1", humans.get("ties"));
        assertEquals("1", humans.get("both_bad"));
        assertEquals(0.5, number(humans, "agreement"));

        // Length bias of alpha: (5, 1), (-6, -3), (0, 0), (1, 4) -> r = 27 / sqrt(62 * 25).
        List<Map<String, String>> correlations = readCsv(out.resolve("correlations.csv"));
        Map<String, String> alphaLength =
                only(correlations, "model", "alpha", "feature", "length_difference");
        assertEquals("4", alphaLength.get("n"));
        assertEquals(27 / Math.sqrt(62 * 25), number(alphaLength, "pearson"), EPS);
        assertEquals(0.8, number(alphaLength, "spearman"), EPS);
        assertEquals(4, correlations.size());
        List<Map<String, String>> lengthPoints = readCsv(out.resolve("length_bias.csv"));
        assertEquals(7, lengthPoints.size());
        Map<String, String> p2 =
                only(lengthPoints, "model", "alpha", "pair_id", String.valueOf(p.get(1).id()));
        assertEquals("2", p2.get("chosen_length"));
        assertEquals("-6", p2.get("length_difference"));
        assertEquals("-3", p2.get("margin"));

        Map<String, String> p3Markdown =
                only(
                        readCsv(out.resolve("markdown_bias.csv")),
                        "model",
                        "alpha",
                        "pair_id",
                        String.valueOf(p.get(2).id()));
        assertEquals(200.0, number(p3Markdown, "density_difference"), EPS);

        Map<String, String> longer =
                only(
                        readCsv(out.resolve("length_split_accuracy.csv")),
                        "model",
                        "alpha",
                        "group",
                        "chosen_longer");
        assertEquals("2", longer.get("pairs"));
        assertEquals(1.0, number(longer, "accuracy"));

        // Calibration of alpha with 5 buckets asked: |margin| 1, 1 (one agrees) | 3 (agrees).
        List<Map<String, String>> calibration = readCsv(out.resolve("calibration.csv"));
        Map<String, String> firstBucket = only(calibration, "model", "alpha", "bucket", "0");
        assertEquals("2", firstBucket.get("judgements"));
        assertEquals("1", firstBucket.get("human_agrees"));
        assertEquals("1", firstBucket.get("max_abs_margin"));
        assertEquals(1.0, number(only(calibration, "model", "alpha", "bucket", "1"), "agreement"));

        // Models side by side, their agreement and the pairs they disagree on most.
        List<Map<String, String>> side = readCsv(out.resolve("scores_side_by_side.csv"));
        assertEquals(4, side.size());
        Map<String, String> sideP4 = only(side, "pair_id", String.valueOf(p.get(3).id()));
        assertEquals("4", sideP4.get("alpha margin"));
        assertEquals("", sideP4.get("beta | pipes margin"));
        assertEquals("ann1: both bad", sideP4.get("human_verdicts"));
        Map<String, String> cross =
                only(
                        readCsv(out.resolve("model_agreement.csv")),
                        "model_a",
                        "alpha",
                        "model_b",
                        "beta | pipes");
        assertEquals("2", cross.get("shared_pairs"));
        assertEquals("0", cross.get("same_preference"));
        List<Map<String, String>> conflicts = readCsv(out.resolve("model_conflicts.csv"));
        assertEquals(String.valueOf(p.get(1).id()), conflicts.get(0).get("pair_id"));
        assertEquals("true", conflicts.get(0).get("opposite"));
        assertEquals(
                -3 / Math.sqrt(26.0 / 4), number(conflicts.get(0), "alpha normalized_margin"), EPS);

        // Disagreements of alpha: P2 against the label and against ann1? No: ann1 prefers
        // rejected on P2, as alpha does. P1 against ann2 (margin +1, wrong by 1).
        List<Map<String, String>> wrong = readCsv(out.resolve("disagreements.csv"));
        List<Map<String, String>> alphaWrong =
                wrong.stream().filter(row -> row.get("model").equals("alpha")).toList();
        assertEquals(2, alphaWrong.size());
        assertEquals(String.valueOf(p.get(1).id()), alphaWrong.get(0).get("pair_id"));
        assertEquals("label", alphaWrong.get(0).get("kind"));
        assertEquals("3", alphaWrong.get(0).get("wrongness"));
        assertEquals("human", alphaWrong.get(1).get("kind"));
        assertEquals("ann2", alphaWrong.get(1).get("annotator"));

        // Every CSV and every plot the Markdown names is there; plots decode at the set size.
        String markdown = Files.readString(out.resolve("report.md"));
        try (Stream<Path> files = Files.list(out)) {
            List<Path> pngs = files.filter(f -> f.toString().endsWith(".png")).toList();
            // accuracy, length split, per model: length bias, markdown bias, calibration.
            assertEquals(2 + 3 * 2, pngs.size(), pngs.toString());
            for (Path png : pngs) {
                BufferedImage image = ImageIO.read(png.toFile());
                assertNotNull(image, png + " is not a readable image");
                assertEquals(900, image.getWidth());
                assertEquals(560, image.getHeight());
                assertTrue(markdown.contains("](" + png.getFileName() + ")"), png.toString());
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                assertTrue(markdown.contains("](" + csv.getFileName() + ")"), csv.toString());
            }
        }
        for (String expected :
                List.of(
                        "## Models",
                        "## Accuracy",
                        "### Accuracy per source",
                        "## Human verdicts vs dataset labels",
                        "## Length bias",
                        "## Markdown bias",
                        "## Calibration",
                        "### Agreement between models",
                        "### Pairs the models disagree on most",
                        "## Most confidently wrong pairs",
                        "## Definitions",
                        "| alpha | 50.0 % (2/4) | 1 | 50.0 % (2/4) | 1 |",
                        "beta \\| pipes",
                        "- Datasets: `d`")) {
            assertTrue(markdown.contains(expected), "report.md lacks: " + expected);
        }
        assertFalse(markdown.contains("unscored"), "models without scores are not reported");
    }

    @Test
    void modelOptionSelectsByNameOrIdAndDefaultCoversEveryDataset() throws IOException {
        Path byName = dir.resolve("by-name");
        assertEquals(
                0,
                run("--db", db.toString(), "--model", "alpha", "--out", byName.toString())
                        .exitCode());
        List<Map<String, String>> accuracy = readCsv(byName.resolve("accuracy.csv"));
        assertTrue(accuracy.stream().allMatch(row -> row.get("model").equals("alpha")));
        // Without --dataset, P5 of "other" counts too: 3 of 5 right.
        assertEquals(0.6, number(only(accuracy, "scope", "all"), "label_accuracy"), EPS);
        String markdown = Files.readString(byName.resolve("report.md"));
        assertTrue(markdown.contains("Only one model is analysed."));
        assertFalse(markdown.contains("beta"));

        Path byId = dir.resolve("by-id");
        Run run =
                run(
                        "--db",
                        db.toString(),
                        "--model",
                        String.valueOf(beta.id()),
                        "--out",
                        byId.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                List.of("beta | pipes"),
                readCsv(byId.resolve("models.csv")).stream().map(row -> row.get("model")).toList());
    }

    @Test
    void refusesWithAClearMessageWhenThereIsNothingToReport() throws IOException {
        Path empty = dir.resolve("empty.db");
        try (PreferenceStore store = PreferenceStore.open(empty)) {
            addPair(store, "d", 1, "s", "a", "b");
        }
        Path out = dir.resolve("out");
        Run noScores = run("--db", empty.toString(), "--out", out.toString());
        assertEquals(CliErrors.REFUSED, noScores.exitCode());
        assertTrue(noScores.err().contains("no model scores in " + empty), noScores.err());
        assertFalse(Files.exists(out.resolve("report.md")));

        Run unscoredModel =
                run("--db", db.toString(), "--model", "unscored", "--out", out.toString());
        assertEquals(CliErrors.REFUSED, unscoredModel.exitCode());
        assertTrue(unscoredModel.err().contains("no model scores"), unscoredModel.err());

        Run unknownModel = run("--db", db.toString(), "--model", "gamma", "--out", out.toString());
        assertEquals(CliErrors.REFUSED, unknownModel.exitCode());
        assertTrue(
                unknownModel.err().contains("no model named or numbered 'gamma'")
                        && unknownModel.err().contains(alpha.id() + " alpha"),
                unknownModel.err());

        Run unknownDataset =
                run("--db", db.toString(), "--dataset", "nope", "--out", out.toString());
        assertEquals(CliErrors.REFUSED, unknownDataset.exitCode());
        assertTrue(
                unknownDataset.err().contains("no dataset named 'nope'")
                        && unknownDataset.err().contains("d, other"),
                unknownDataset.err());

        Run missing = run("--db", dir.resolve("missing.db").toString(), "--out", out.toString());
        assertEquals(CliErrors.REFUSED, missing.exitCode());
        assertTrue(
                missing.err().contains("no database " + dir.resolve("missing.db")), missing.err());
        assertFalse(Files.exists(dir.resolve("missing.db")), "a missing store is not created");

        Run badBuckets =
                run("--db", db.toString(), "--out", out.toString(), "--calibration-buckets", "0");
        assertEquals(2, badBuckets.exitCode());
    }
}
