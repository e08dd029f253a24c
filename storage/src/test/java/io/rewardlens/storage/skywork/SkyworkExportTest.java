package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.AnnotationState;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairFilter;
import io.rewardlens.storage.PairImport;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.RewardModelInfo;
import io.rewardlens.storage.ScoreAgreement;
import io.rewardlens.storage.ScoreProvenance;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreException;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.ToolVersion;
import io.rewardlens.storage.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export filters, orientation by human verdicts, score filters and the provenance sidecar. */
class SkyworkExportTest {
    @TempDir Path dir;
    private PreferenceStore store;

    /** Pairs p0..p7 of dataset "main", questions q0..q7, chosen "good qN", rejected "bad qN". */
    private List<StoredPair> pairs;

    private static PreferencePair pair(int i, String source) {
        return PreferencePair.fromConversations(
                source,
                i + 1,
                List.of(
                        new ChatMessage("user", "q" + i),
                        new ChatMessage("assistant", "good q" + i)),
                List.of(
                        new ChatMessage("user", "q" + i),
                        new ChatMessage("assistant", "bad q" + i)),
                null);
    }

    @BeforeEach
    void fill() {
        store = PreferenceStore.open(dir.resolve("s.db"));
        try (PairImport pairImport = store.beginImport("main", "main.jsonl")) {
            for (int i = 0; i < 8; i++) {
                pairImport.add(pair(i, i % 2 == 0 ? "even" : "odd"));
            }
            pairImport.commit();
        }
        try (PairImport pairImport = store.beginImport("other", "other.jsonl")) {
            pairImport.add(pair(100, "even"));
            pairImport.commit();
        }
        pairs = store.pairs(PairQuery.all().withDataset("main"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void annotate(int pair, String annotator, Verdict verdict, Side displayedAsA) {
        store.saveAnnotation(
                new Annotation(
                        pairs.get(pair).id(),
                        annotator,
                        verdict,
                        verdict == Verdict.A_BETTER || verdict == Verdict.B_BETTER ? 3 : null,
                        List.of(),
                        "",
                        displayedAsA,
                        1000,
                        Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static ExportOptions byLabel(PairFilter pairs) {
        return ExportOptions.defaults().withPairs(pairs);
    }

    private ExportReport export(String name, ExportOptions options) throws Exception {
        return SkyworkExporter.export(store, dir.resolve(name), options, ProgressListener.NONE);
    }

    /** (question, chosen answer) of every exported line, in order. */
    private List<String> exported(String name) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<String> lines = Files.lines(dir.resolve(name))) {
            return lines.map(
                            line -> {
                                try {
                                    JsonNode record = mapper.readTree(line);
                                    return record.get("chosen").get(1).get("content").asText();
                                } catch (Exception e) {
                                    throw new AssertionError(e);
                                }
                            })
                    .toList();
        }
    }

    @Test
    void theExportAndItsSidecarGetTheUsualPermissionsOfANewFileNotThoseOfATemporaryOne()
            throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        export("all.jsonl", ExportOptions.defaults());
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("all.jsonl")));
        assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("all.jsonl.meta.json")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".part"))
                            .toList());
        }
    }

    @Test
    void filtersByDatasetAndSource() throws Exception {
        ExportReport report =
                export(
                        "even.jsonl",
                        ExportOptions.defaults()
                                .withPairs(
                                        PairFilter.all()
                                                .withDatasets(Set.of("main"))
                                                .withSources(Set.of("even"))));
        assertEquals(4, report.exported());
        assertEquals(4, report.considered());
        assertEquals(Map.of(), report.leftOut());
        assertEquals(List.of("good q0", "good q2", "good q4", "good q6"), exported("even.jsonl"));

        assertEquals(
                5,
                export(
                                "all-even.jsonl",
                                ExportOptions.defaults()
                                        .withPairs(PairFilter.all().withSources(Set.of("even"))))
                        .exported());
        assertEquals(
                List.of("good q0", "good q2", "good q4", "good q6", "good q100"),
                exported("all-even.jsonl"));

        assertThrows(
                StoreException.class,
                () ->
                        export(
                                "x.jsonl",
                                ExportOptions.defaults()
                                        .withPairs(PairFilter.all().withDatasets(Set.of("typo")))));
    }

    @Test
    void annotatedOnlyKeepsTheLabelAndLeavesOutSkips() throws Exception {
        annotate(1, "ann", Verdict.A_BETTER, Side.REJECTED); // human prefers the rejected side
        annotate(2, "ann", Verdict.SKIP, Side.CHOSEN);
        annotate(3, "ann", Verdict.TIE, Side.CHOSEN);
        ExportReport report =
                export(
                        "annotated.jsonl",
                        ExportOptions.defaults()
                                .withPairs(
                                        PairFilter.all()
                                                .withDatasets(Set.of("main"))
                                                .withAnnotation(AnnotationState.ANNOTATED)));
        assertEquals(List.of("good q1", "good q3"), exported("annotated.jsonl"));
        assertEquals(
                Map.of(LeftOutReason.NOT_ANNOTATED, 5L, LeftOutReason.SKIPPED, 1L),
                report.leftOut());
        assertEquals(8, report.considered());
    }

    @Test
    void unannotatedOnlyLeavesOutAnnotatedPairs() throws Exception {
        annotate(1, "ann", Verdict.A_BETTER, Side.CHOSEN);
        annotate(2, "bob", Verdict.SKIP, Side.CHOSEN);
        PairFilter unannotated =
                PairFilter.all()
                        .withDatasets(Set.of("main"))
                        .withAnnotation(AnnotationState.UNANNOTATED);
        ExportReport report = export("fresh.jsonl", byLabel(unannotated));
        assertEquals(
                List.of("good q0", "good q3", "good q4", "good q5", "good q6", "good q7"),
                exported("fresh.jsonl"));
        assertEquals(Map.of(LeftOutReason.ANNOTATED, 2L), report.leftOut());

        // Not annotated by bob: his skip on q2 is the only verdict that counts.
        export("not-bob.jsonl", byLabel(unannotated.withAnnotators(Set.of("bob"))));
        assertEquals(7, exported("not-bob.jsonl").size());

        assertThrows(
                IllegalArgumentException.class,
                () -> byLabel(unannotated).withOrientation(Orientation.HUMAN_VERDICT));
    }

    @Test
    void humanVerdictOrientationPutsThePreferredSideFirst() throws Exception {
        annotate(0, "ann", Verdict.A_BETTER, Side.CHOSEN); // agrees with the label
        annotate(1, "ann", Verdict.A_BETTER, Side.REJECTED); // rejected side shown as A won
        annotate(2, "ann", Verdict.B_BETTER, Side.CHOSEN); // rejected side shown as B won
        annotate(3, "ann", Verdict.TIE, Side.CHOSEN);
        annotate(4, "ann", Verdict.BOTH_BAD, Side.CHOSEN);
        annotate(5, "ann", Verdict.SKIP, Side.CHOSEN);
        annotate(6, "ann", Verdict.A_BETTER, Side.CHOSEN);
        annotate(6, "bob", Verdict.A_BETTER, Side.REJECTED); // bob disagrees with ann
        ExportOptions byHumans =
                ExportOptions.defaults()
                        .withPairs(PairFilter.all().withDatasets(Set.of("main")))
                        .withOrientation(Orientation.HUMAN_VERDICT);
        ExportReport report = export("human.jsonl", byHumans);
        assertEquals(List.of("good q0", "bad q1", "bad q2"), exported("human.jsonl"));
        assertEquals(
                Map.of(
                        LeftOutReason.TIE, 1L,
                        LeftOutReason.BOTH_BAD, 1L,
                        LeftOutReason.SKIPPED, 1L,
                        LeftOutReason.ANNOTATORS_DISAGREE, 1L,
                        LeftOutReason.NOT_ANNOTATED, 1L),
                report.leftOut());
        assertEquals(Set.of("ann"), report.annotators());

        // The rejected side of q1 became chosen: its record has "bad q1" first, "good q1" second.
        List<String> lines = Files.readAllLines(dir.resolve("human.jsonl"));
        JsonNode q1 = new ObjectMapper().readTree(lines.get(1));
        assertEquals("good q1", q1.get("rejected").get(1).get("content").asText());
        assertEquals("q1", q1.get("rejected").get(0).get("content").asText());

        ExportReport withTies = export("ties.jsonl", byHumans.withIncluded(true, true, false));
        assertEquals(5, withTies.exported());
        assertEquals(
                List.of("good q0", "bad q1", "bad q2", "good q3", "good q4"),
                exported("ties.jsonl"));

        ExportReport onlyBob =
                export(
                        "bob.jsonl",
                        byHumans.withPairs(byHumans.pairs().withAnnotators(Set.of("bob"))));
        assertEquals(List.of("bad q6"), exported("bob.jsonl"));
        assertEquals(Set.of("bob"), onlyBob.annotators());
        assertEquals(7L, onlyBob.leftOut().get(LeftOutReason.NOT_ANNOTATED));
    }

    @Test
    void scoreFiltersUseTheMarginOfTheExportedOrientation() throws Exception {
        long model =
                store.registerModel(
                                new RewardModelInfo(
                                        "bh", "tiny", "float32", "cpu", "DJL 0.36.0", "th"))
                        .id();
        double[][] scores = {{2, 0}, {0, 2}, {0.1, 0}, {0, 0.1}, {5, 5}};
        for (int i = 0; i < scores.length; i++) {
            store.saveScore(
                    new PairScore(
                            pairs.get(i).id(),
                            model,
                            scores[i][0],
                            scores[i][1],
                            null,
                            null,
                            new ScoreProvenance(
                                    "bh", "float32", "cpu", "th", false, Instant.now())));
        }
        PairFilter main = PairFilter.all().withDatasets(Set.of("main"));

        ExportReport agrees =
                export("agrees.jsonl", byLabel(main.withModel(model, 0, ScoreAgreement.AGREES)));
        assertEquals(List.of("good q0", "good q2"), exported("agrees.jsonl"));
        assertEquals(3L, agrees.leftOut().get(LeftOutReason.NOT_SCORED));
        assertEquals(3L, agrees.leftOut().get(LeftOutReason.MODEL_DOES_NOT_AGREE));

        export("disagrees.jsonl", byLabel(main.withModel(model, 0, ScoreAgreement.DISAGREES)));
        assertEquals(List.of("good q1", "good q3"), exported("disagrees.jsonl"));

        ExportReport confident =
                export(
                        "confident.jsonl",
                        byLabel(main.withModel(model, 1.0, ScoreAgreement.DISAGREES)));
        assertEquals(List.of("good q1"), exported("confident.jsonl"));
        assertEquals(3L, confident.leftOut().get(LeftOutReason.MARGIN_TOO_SMALL));

        // Oriented by a human who prefers the rejected side of q1, the model agrees with the
        // export.
        annotate(1, "ann", Verdict.B_BETTER, Side.CHOSEN);
        export(
                "human-agrees.jsonl",
                byLabel(
                                main.withAnnotation(AnnotationState.ANNOTATED)
                                        .withModel(model, 0, ScoreAgreement.AGREES))
                        .withOrientation(Orientation.HUMAN_VERDICT));
        assertEquals(List.of("bad q1"), exported("human-agrees.jsonl"));

        assertThrows(
                IllegalArgumentException.class,
                () -> PairFilter.all().withModel(model, -1, ScoreAgreement.ANY));
        assertThrows(
                StoreException.class,
                () -> export("x.jsonl", byLabel(main.withModel(999, 0, ScoreAgreement.AGREES))));
    }

    @Test
    void writesAProvenanceSidecar() throws Exception {
        annotate(0, "ann", Verdict.A_BETTER, Side.CHOSEN);
        annotate(1, "zoe", Verdict.TIE, Side.CHOSEN);
        long model =
                store.registerModel(
                                new RewardModelInfo(
                                        "bh", "tiny", "float32", "cpu", "DJL 0.36.0", "th"))
                        .id();
        ExportReport report =
                export(
                        "curated.jsonl",
                        ExportOptions.defaults()
                                .withPairs(
                                        PairFilter.all()
                                                .withDatasets(Set.of("main"))
                                                .withModel(model, 0, ScoreAgreement.ANY))
                                .withOrientation(Orientation.HUMAN_VERDICT));
        assertEquals(dir.resolve("curated.jsonl.meta.json").toAbsolutePath(), report.sidecar());
        JsonNode meta = new ObjectMapper().readTree(report.sidecar().toFile());
        assertEquals("RewardLens", meta.get("tool").asText());
        assertEquals(ToolVersion.current(), meta.get("toolVersion").asText());
        assertFalse(ToolVersion.current().contains("${"), "the version is filled in by the build");
        assertEquals("curated.jsonl", meta.get("output").asText());
        assertEquals("jsonl", meta.get("format").asText());
        assertTrue(
                Instant.parse(meta.get("exportedAt").asText())
                        .isAfter(Instant.now().minusSeconds(60)));
        assertEquals("human_verdict", meta.get("filters").get("orientation").asText());
        assertEquals("main", meta.get("filters").get("datasets").get(0).asText());
        assertEquals(8, meta.get("counts").get("considered").asLong());
        assertEquals(1, meta.get("counts").get("exported").asLong());
        assertEquals(
                6, meta.get("counts").get("leftOut").get("not_annotated").get("count").asLong());
        assertEquals(1, meta.get("counts").get("leftOut").get("tie").get("count").asLong());
        assertEquals(
                "the verdict is a tie",
                meta.get("counts").get("leftOut").get("tie").get("why").asText());
        assertEquals("[\"ann\"]", meta.get("annotators").toString());
        assertEquals("tiny", meta.get("models").get(0).get("name").asText());
        assertEquals("bh", meta.get("models").get(0).get("bundleHash").asText());
        assertEquals("main.jsonl", meta.get("datasets").get(0).get("origin").asText());
        // No temporary files are left behind.
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void reportsProgressOverTheSelectedPairs() throws Exception {
        List<long[]> calls = new java.util.ArrayList<>();
        SkyworkExporter.export(
                store,
                dir.resolve("p.jsonl"),
                ExportOptions.defaults(),
                (done, total, message) -> calls.add(new long[] {done, total}));
        long[] last = calls.get(calls.size() - 1);
        assertEquals(9, last[0]);
        assertEquals(9, last[1]);
    }
}
