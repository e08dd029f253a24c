package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferenceStoreTest {
    @TempDir Path dir;

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    static PreferencePair pair(long position, String source, String question) {
        return PreferencePair.fromConversations(
                source,
                position,
                List.of(
                        new ChatMessage("user", question),
                        new ChatMessage("assistant", "good " + question)),
                List.of(
                        new ChatMessage("user", question),
                        new ChatMessage("assistant", "bad " + question)),
                null);
    }

    static List<StoredPair> importPairs(
            PreferenceStore store, String dataset, PreferencePair... pairs) {
        try (PairImport pairImport = store.beginImport(dataset, "test")) {
            for (PreferencePair pair : pairs) {
                pairImport.add(pair);
            }
            pairImport.commit();
        }
        return store.pairs(PairQuery.all().withDataset(dataset));
    }

    static Annotation verdict(long pairId, String annotator, Verdict verdict, Side displayedAsA) {
        return new Annotation(
                pairId, annotator, verdict, 2, List.of("tag"), "why", displayedAsA, 1500, T0);
    }

    static RewardModelInfo modelInfo(String name) {
        return new RewardModelInfo("hash-" + name, name, "float32", "cpu", "DJL 0.36.0", "tmpl");
    }

    static PairScore score(long pairId, long modelId, double chosen, double rejected) {
        return new PairScore(
                pairId,
                modelId,
                chosen,
                rejected,
                null,
                null,
                new ScoreProvenance("hash", "float32", "cpu", "tmpl", false, T0));
    }

    @Test
    void createsTheSchemaInWalModeAndReopensIt() throws Exception {
        Path file = dir.resolve("store.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            importPairs(store, "d", pair(1, "s", "q"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            assertEquals("wal", single(s, "PRAGMA journal_mode"));
            assertEquals(
                    String.valueOf(SchemaMigrations.LATEST_VERSION),
                    single(s, "PRAGMA user_version"));
            assertEquals(String.valueOf(0x524C4E53), single(s, "PRAGMA application_id"));
            assertEquals(String.valueOf(PreferenceStore.PAGE_SIZE), single(s, "PRAGMA page_size"));
        }
        try (PreferenceStore store = PreferenceStore.open(file)) {
            assertEquals(1, store.stats().pairs());
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void refusesFilesThatAreNotRewardLensStores() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(
                text, "this is not a database, just some text that is long enough ".repeat(20));
        StoreException notSqlite =
                assertThrows(StoreException.class, () -> PreferenceStore.open(text));
        assertTrue(
                notSqlite.getMessage().contains("not an SQLite database"), notSqlite.getMessage());

        Path foreign = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (x)");
        }
        StoreException notOurs =
                assertThrows(StoreException.class, () -> PreferenceStore.open(foreign));
        assertTrue(notOurs.getMessage().contains("not a RewardLens store"), notOurs.getMessage());

        StoreException noFolder =
                assertThrows(
                        StoreException.class,
                        () -> PreferenceStore.open(dir.resolve("missing/store.db")));
        assertTrue(noFolder.getMessage().contains("folder does not exist"));
    }

    @Test
    void refusesAStoreWrittenByANewerSchema() throws Exception {
        Path file = dir.resolve("store.db");
        PreferenceStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = " + (SchemaMigrations.LATEST_VERSION + 1));
        }
        StoreException e = assertThrows(StoreException.class, () -> PreferenceStore.open(file));
        assertTrue(e.getMessage().contains("newer RewardLens"), e.getMessage());
    }

    @Test
    void storeWideSettingsAreSetReplacedRemovedAndKept() {
        Path file = dir.resolve("store.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            assertEquals(Optional.empty(), store.setting("annotation.blind"));
            store.putSetting("annotation.blind", "true");
            store.putSetting("other", "x");
            store.putSetting("annotation.blind", "false");
            assertEquals(Optional.of("false"), store.setting("annotation.blind"));
        }
        try (PreferenceStore store = PreferenceStore.open(file)) {
            assertEquals(Optional.of("false"), store.setting("annotation.blind"));
            store.putSetting("annotation.blind", null);
            assertEquals(Optional.empty(), store.setting("annotation.blind"));
            assertEquals(Optional.of("x"), store.setting("other"));
        }
    }

    /** Writes a store of an older schema version holding dataset 'old' with one pair. */
    private static void writeStoreOfVersion(Path file, int version) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (int step = 1; step <= version; step++) {
                String script;
                try (var in =
                        SchemaMigrations.class.getResourceAsStream("schema/v" + step + ".sql")) {
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String sql : SchemaMigrations.statements(script)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA application_id = " + SchemaMigrations.APPLICATION_ID);
            s.execute("PRAGMA user_version = " + version);
            s.execute("INSERT INTO dataset (name, origin, created_at_ms) VALUES ('old', NULL, 0)");
            s.execute(
                    "INSERT INTO pair (dataset_id, position, source, prompt, chosen, rejected,"
                            + " diverging) VALUES (1, 1, 's', '[]',"
                            + " '[{\"role\":\"assistant\",\"content\":\"a\"}]',"
                            + " '[{\"role\":\"assistant\",\"content\":\"b\"}]', 0)");
        }
    }

    @Test
    void aVersionThreeStoreIsMigratedWithItsDatasetsComplete() throws Exception {
        Path file = dir.resolve("v3.db");
        writeStoreOfVersion(file, 3);
        try (PreferenceStore store = PreferenceStore.open(file)) {
            assertEquals(
                    List.of("old"), store.datasets().stream().map(DatasetSummary::name).toList());
            assertEquals(1, store.stats().pairs());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            assertEquals("4", single(s, "PRAGMA user_version"));
            assertEquals("1", single(s, "SELECT count(*) FROM dataset WHERE import_owner IS NULL"));
        }
    }

    @Test
    void aVersionOneStoreIsMigratedKeepingItsPairs() throws Exception {
        Path file = dir.resolve("v1.db");
        writeStoreOfVersion(file, 1);
        try (PreferenceStore store = PreferenceStore.open(file)) {
            assertEquals(1, store.stats().pairs());
            store.putSetting("k", "v");
            assertEquals(Optional.of("v"), store.setting("k"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            assertEquals(
                    String.valueOf(SchemaMigrations.LATEST_VERSION),
                    single(s, "PRAGMA user_version"));
        }
    }

    @Test
    void anAbandonedImportLeavesNoTrace() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            try (PairImport pairImport = store.beginImport("d", null)) {
                pairImport.add(pair(1, null, "q"));
                pairImport.add(pair(2, null, "r"));
            }
            assertEquals(0, store.stats().datasets());
            assertEquals(0, store.stats().pairs());
            importPairs(store, "d", pair(1, null, "q"));
            assertThrows(DatasetExistsException.class, () -> store.beginImport("d", null));
            assertEquals(1, store.stats().pairs());
        }
    }

    @Test
    void storesPairsExactlyAndQueriesThem() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            PreferencePair unicode =
                    PreferencePair.fromConversations(
                            "web",
                            3,
                            List.of(
                                    new ChatMessage("system", ""),
                                    new ChatMessage("user", "مرحبا 你好 👋 \"quoted\" \\ \n\t\u0001"),
                                    new ChatMessage("assistant", "")),
                            List.of(
                                    new ChatMessage("system", ""),
                                    new ChatMessage("user", "مرحبا 你好 👋 \"quoted\" \\ \n\t\u0001"),
                                    new ChatMessage("tool", "🦀")),
                            "{\"id\":5}");
            List<StoredPair> stored =
                    importPairs(store, "a", pair(1, "s1", "one"), unicode, pair(2, "s2", "two"));
            assertEquals(
                    List.of(1L, 2L, 3L), stored.stream().map(p -> p.pair().position()).toList());
            StoredPair third = stored.get(2);
            assertEquals(unicode, third.pair());
            assertEquals(Optional.of(third), store.pair(third.id()));

            importPairs(store, "b", pair(1, "s1", "bee"));
            assertEquals(2, store.pairs(PairQuery.all().withSources(Set.of("s1"))).size());
            assertEquals(1, store.pairs(PairQuery.all().withDataset("b")).size());
            assertEquals(
                    List.of("a", "a", "a", "b"),
                    store.pairs(PairQuery.all()).stream().map(StoredPair::dataset).toList());
            assertEquals(
                    List.of(2L, 3L),
                    store.pairs(PairQuery.all().withDataset("a").withAfterPosition(1)).stream()
                            .map(p -> p.pair().position())
                            .toList());
            assertEquals(
                    List.of(2L),
                    store
                            .pairs(PairQuery.all().withDataset("a").withOffset(1).withLimit(1))
                            .stream()
                            .map(p -> p.pair().position())
                            .toList());
            assertEquals(4, store.countPairs(PairQuery.all()));
        }
    }

    @Test
    void annotationsAreSavedReplacedAndUndone() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<StoredPair> pairs =
                    importPairs(
                            store, "d", pair(1, null, "a"), pair(2, null, "b"), pair(3, null, "c"));
            long first = pairs.get(0).id();

            StoredAnnotation saved =
                    store.saveAnnotation(verdict(first, "ann", Verdict.A_BETTER, Side.REJECTED));
            assertEquals(List.of(saved), store.annotations(first));
            assertEquals(
                    Side.REJECTED,
                    store.annotations(first).get(0).annotation().preferredSide().get());

            StoredAnnotation replaced =
                    store.saveAnnotation(verdict(first, "ann", Verdict.TIE, Side.CHOSEN));
            assertEquals(saved.id(), replaced.id());
            assertEquals(List.of(replaced), store.annotations(first));

            StoredAnnotation other =
                    store.saveAnnotation(verdict(first, "bob", Verdict.SKIP, Side.CHOSEN));
            assertEquals(2, store.annotations(first).size());
            assertEquals(1, store.stats().annotatedPairs());
            assertEquals(2, store.stats().annotations());

            assertTrue(store.deleteAnnotation(other.id()));
            assertFalse(store.deleteAnnotation(other.id()));
            assertEquals(List.of(replaced), store.annotations(first));

            StoreException missing =
                    assertThrows(
                            StoreException.class,
                            () ->
                                    store.saveAnnotation(
                                            verdict(999, "ann", Verdict.TIE, Side.CHOSEN)));
            assertTrue(missing.getMessage().contains("no pair with id 999"));
        }
    }

    @Test
    void nextUnannotatedWalksTheDatasetInImportOrder() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<StoredPair> pairs =
                    importPairs(
                            store,
                            "d",
                            pair(10, null, "a"),
                            pair(20, null, "b"),
                            pair(30, null, "c"));
            importPairs(store, "other", pair(5, null, "z"));
            store.saveAnnotation(verdict(pairs.get(1).id(), "ann", Verdict.SKIP, Side.CHOSEN));

            StoredPair first =
                    store.nextUnannotated("d", Long.MIN_VALUE, Long.MIN_VALUE).orElseThrow();
            assertEquals(pairs.get(0).id(), first.id());
            StoredPair next =
                    store.nextUnannotated("d", first.pair().position(), first.id()).orElseThrow();
            assertEquals(pairs.get(2).id(), next.id());
            assertTrue(store.nextUnannotated("d", next.pair().position(), next.id()).isEmpty());

            StoredPair variant =
                    store.addPair("d", pairs.get(0).pair().withParent(pairs.get(0).id()));
            assertEquals(pairs.get(0).id(), variant.pair().parentPairId());
            assertEquals(
                    variant.id(),
                    store.nextUnannotated("d", first.pair().position(), first.id())
                            .orElseThrow()
                            .id());
            assertEquals(
                    List.of(pairs.get(0).id(), variant.id(), pairs.get(2).id()),
                    store
                            .pairs(
                                    PairQuery.all()
                                            .withDataset("d")
                                            .withAnnotation(AnnotationState.UNANNOTATED))
                            .stream()
                            .map(StoredPair::id)
                            .toList());
            assertEquals(
                    List.of(pairs.get(1).id()),
                    store.pairs(PairQuery.all().withAnnotation(AnnotationState.ANNOTATED)).stream()
                            .map(StoredPair::id)
                            .toList());
        }
    }

    @Test
    void modelsAreRegisteredOnceAndScoresReplaced() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<StoredPair> pairs = importPairs(store, "d", pair(1, null, "a"));
            StoredModel model = store.registerModel(modelInfo("m"));
            StoredModel again = store.registerModel(modelInfo("m"));
            assertEquals(model.id(), again.id());
            StoredModel renamed =
                    store.registerModel(
                            new RewardModelInfo(
                                    "hash-m", "renamed", "float32", "cpu", "DJL 0.36.0", "tmpl"));
            assertEquals(model.id(), renamed.id());
            assertEquals("renamed", store.model(model.id()).orElseThrow().info().name());
            StoredModel gpu =
                    store.registerModel(
                            new RewardModelInfo(
                                    "hash-m", "m", "bfloat16", "cuda:0", "DJL 0.36.0", "tmpl"));
            assertTrue(gpu.id() != model.id());
            assertEquals(2, store.models().size());

            long pairId = pairs.get(0).id();
            PairScore withTokens =
                    new PairScore(
                            pairId,
                            model.id(),
                            1.5,
                            -0.25,
                            new float[] {0.1f, -2f, Float.NaN},
                            new float[] {},
                            new ScoreProvenance("hash-m", "float32", "cpu", "tmpl", true, T0));
            store.saveScore(withTokens);
            assertEquals(Optional.of(withTokens), store.score(pairId, model.id()));
            PairScore replaced = score(pairId, model.id(), -1, 2);
            store.saveScore(replaced);
            assertEquals(Optional.of(replaced), store.score(pairId, model.id()));
            assertEquals(1, store.stats().scoredPairs());

            StoreException noModel =
                    assertThrows(
                            StoreException.class, () -> store.saveScore(score(pairId, 999, 0, 0)));
            assertTrue(
                    noModel.getMessage().contains("no such pair or model"), noModel.getMessage());
        }
    }

    @Test
    void disagreementsAreOrderedByHowConfidentlyWrongTheModelIs() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<StoredPair> p =
                    importPairs(
                            store,
                            "d",
                            pair(1, null, "a"),
                            pair(2, null, "b"),
                            pair(3, null, "c"),
                            pair(4, null, "d"));
            long m = store.registerModel(modelInfo("m")).id();
            long other = store.registerModel(modelInfo("other")).id();
            store.saveScores(
                    List.of(
                            score(p.get(0).id(), m, 2.0, 1.0), // agrees with the label
                            score(p.get(1).id(), m, 0.0, 0.5), // against the label by 0.5
                            score(p.get(2).id(), m, -3.0, 1.0), // against the label by 4
                            score(p.get(3).id(), m, 5.0, 1.0), // agrees with the label
                            score(p.get(2).id(), other, -9.0, 9.0)));
            // A human prefers the rejected side of pair 4 (shown as A): the model is wrong by 4.
            StoredAnnotation human =
                    store.saveAnnotation(
                            verdict(p.get(3).id(), "ann", Verdict.A_BETTER, Side.REJECTED));
            // A human agrees with the label on pair 3: the model is wrong against them too.
            store.saveAnnotation(verdict(p.get(2).id(), "ann", Verdict.B_BETTER, Side.REJECTED));

            List<Disagreement> all = store.disagreements(DisagreementQuery.forModel(m));
            assertEquals(4, all.size());
            assertEquals(p.get(2).id(), all.get(0).pair().id());
            assertEquals(4.0, all.get(0).wrongness());
            assertEquals(4.0, all.get(1).wrongness());
            assertEquals(0.5, all.get(3).wrongness());
            assertEquals(p.get(1).id(), all.get(3).pair().id());
            assertEquals(DisagreementKind.LABEL, all.get(3).kind());

            List<Disagreement> humans =
                    store.disagreements(
                            DisagreementQuery.forModel(m)
                                    .withKinds(EnumSet.of(DisagreementKind.HUMAN)));
            assertEquals(2, humans.size());
            Disagreement onFour =
                    humans.stream()
                            .filter(d -> d.pair().id() == p.get(3).id())
                            .findFirst()
                            .orElseThrow();
            assertEquals(Side.REJECTED, onFour.expectedSide());
            assertEquals(4.0, onFour.margin());
            assertEquals(human.id(), onFour.annotationId());
            assertEquals("ann", onFour.annotator());

            assertEquals(
                    3,
                    store.disagreements(DisagreementQuery.forModel(m).withMinWrongness(1)).size());
            assertEquals(1, store.disagreements(DisagreementQuery.forModel(m).withLimit(1)).size());
            assertEquals(
                    0,
                    store.disagreements(
                                    DisagreementQuery.forModel(m)
                                            .withPairs(
                                                    PairFilter.all().withDatasets(Set.of("nope"))))
                            .size());
        }
    }

    @Test
    void disagreementQueueFiltersBySourceTagsAndLengthAndShowsItsColumns() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            // Completion lengths: "good " + q and "bad " + q characters.
            List<StoredPair> p =
                    importPairs(
                            store,
                            "d",
                            pair(1, "math", "q1"), // 7 and 6 characters
                            pair(2, "code", "a much longer question"), // 27 and 26
                            pair(3, "math", "\uD83D\uDE00\uD83D\uDE00"), // 7 and 6
                            pair(4, "chat", "q4"));
            long m = store.registerModel(modelInfo("m")).id();
            store.saveScores(
                    List.of(
                            score(p.get(0).id(), m, 1.0, 3.0), // wrong by 2
                            score(p.get(1).id(), m, 0.0, 5.0), // wrong by 5
                            score(p.get(2).id(), m, 1.0, 2.0), // wrong by 1
                            score(p.get(3).id(), m, 4.0, 1.0))); // right
            StoredAnnotation first =
                    store.saveAnnotation(
                            new Annotation(
                                    p.get(0).id(),
                                    "ann",
                                    Verdict.A_BETTER,
                                    null,
                                    List.of("hallucination", "style"),
                                    "",
                                    Side.CHOSEN,
                                    10,
                                    T0));
            StoredAnnotation second =
                    store.saveAnnotation(
                            new Annotation(
                                    p.get(0).id(),
                                    "bob",
                                    Verdict.TIE,
                                    null,
                                    List.of(),
                                    "",
                                    Side.CHOSEN,
                                    10,
                                    T0.plusSeconds(1)));

            List<Disagreement> all = store.disagreements(DisagreementQuery.forModel(m));
            assertEquals(
                    List.of(p.get(1).id(), p.get(0).id(), p.get(0).id(), p.get(2).id()),
                    all.stream().map(d -> d.pair().id()).toList());
            Disagreement label =
                    all.stream()
                            .filter(
                                    d ->
                                            d.pair().id() == p.get(0).id()
                                                    && d.kind() == DisagreementKind.LABEL)
                            .findFirst()
                            .orElseThrow();
            assertEquals(1.0, label.chosenScore());
            assertEquals(3.0, label.rejectedScore());
            assertEquals(-2.0, label.margin());
            assertEquals(7, label.chosenLength());
            assertEquals(6, label.rejectedLength());
            assertEquals(List.of(first, second), label.annotations());
            assertTrue(label.contradictedAnnotation().isEmpty());
            Disagreement human =
                    all.stream()
                            .filter(d -> d.kind() == DisagreementKind.HUMAN)
                            .findFirst()
                            .orElseThrow();
            assertEquals(Optional.of(first), human.contradictedAnnotation());
            assertEquals(7, all.get(3).chosenLength(), "an emoji counts as one character");

            DisagreementQuery query = DisagreementQuery.forModel(m);
            assertEquals(
                    List.of(p.get(0).id(), p.get(0).id(), p.get(2).id()),
                    ids(
                            store.disagreements(
                                    query.withPairs(
                                            PairFilter.all().withSources(Set.of("math"))))));
            assertEquals(
                    List.of(p.get(0).id(), p.get(0).id()),
                    ids(store.disagreements(query.withTags(Set.of("style", "unused")))));
            assertEquals(List.of(), ids(store.disagreements(query.withTags(Set.of("unused")))));
            // Both completions must lie in the range: 27 and 26 characters pass [26, 27] only.
            assertEquals(
                    List.of(p.get(1).id()),
                    ids(store.disagreements(query.withLengthRange(26, 27))));
            assertEquals(List.of(), ids(store.disagreements(query.withLengthRange(27, 100))));
            assertEquals(
                    List.of(p.get(0).id(), p.get(0).id(), p.get(2).id()),
                    ids(store.disagreements(query.withLengthRange(0, 7))));
            assertEquals(
                    List.of(p.get(0).id(), p.get(0).id()),
                    ids(store.disagreements(query.withOffset(1).withLimit(2))));
            assertEquals(List.of(p.get(2).id()), ids(store.disagreements(query.withOffset(3))));
            assertThrows(IllegalArgumentException.class, () -> query.withLengthRange(5, 4));
        }
    }

    private static List<Long> ids(List<Disagreement> disagreements) {
        return disagreements.stream().map(d -> d.pair().id()).toList();
    }

    @Test
    void listsScoredModelsAndStreamsTheirScoresPerDataset() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<StoredPair> a = importPairs(store, "a", pair(1, "x", "1"), pair(2, "x", "2"));
            List<StoredPair> b = importPairs(store, "b", pair(1, "y", "3"));
            long first = store.registerModel(modelInfo("first")).id();
            long second = store.registerModel(modelInfo("second")).id();
            store.registerModel(modelInfo("unused"));
            store.saveScores(
                    List.of(
                            score(a.get(1).id(), first, 1, 2),
                            score(a.get(0).id(), first, 3, 4),
                            score(b.get(0).id(), first, 5, 6),
                            score(b.get(0).id(), second, 7, 8)));

            assertEquals(
                    List.of(first, second),
                    store.scoredModels(Set.of()).stream().map(StoredModel::id).toList());
            assertEquals(
                    List.of(first),
                    store.scoredModels(Set.of("a")).stream().map(StoredModel::id).toList());
            assertEquals(List.of(), store.scoredModels(Set.of("nope")));

            List<PairScore> all = new ArrayList<>();
            store.forEachScore(first, Set.of(), all::add);
            assertEquals(
                    List.of(a.get(0).id(), a.get(1).id(), b.get(0).id()),
                    all.stream().map(PairScore::pairId).toList());
            assertEquals(score(a.get(0).id(), first, 3, 4), all.get(0));

            List<PairScore> inA = new ArrayList<>();
            store.forEachScore(first, Set.of("a"), inA::add);
            assertEquals(List.of(-1.0, -1.0), inA.stream().map(PairScore::margin).toList());
            List<PairScore> secondInA = new ArrayList<>();
            store.forEachScore(second, Set.of("a"), secondInA::add);
            assertTrue(secondInA.isEmpty());
        }
    }

    @Test
    void statsCountPerDatasetAndSource() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<StoredPair> a =
                    importPairs(
                            store, "a", pair(1, "x", "1"), pair(2, "y", "2"), pair(3, null, "3"));
            importPairs(store, "b", pair(1, "x", "4"));
            store.saveAnnotation(verdict(a.get(0).id(), "ann", Verdict.TIE, Side.CHOSEN));
            long m = store.registerModel(modelInfo("m")).id();
            store.saveScore(score(a.get(1).id(), m, 1, 0));
            store.scoreCache()
                    .put(
                            "h",
                            TokenKey.ofTokenIds(new long[] {1, 2}),
                            new CachedScore(1, null, "{\"device\":\"cpu\"}"));

            StoreStats stats = store.stats();
            assertEquals(2, stats.datasets());
            assertEquals(4, stats.pairs());
            assertEquals(1, stats.annotatedPairs());
            assertEquals(1, stats.scoredPairs());
            assertEquals(1, stats.models());
            assertEquals(1, stats.cachedScores());
            assertEquals(
                    List.of("a", "b"),
                    stats.perDataset().stream().map(DatasetSummary::name).toList());
            assertEquals(3, stats.perDataset().get(0).pairs());
            assertEquals(1, stats.perDataset().get(0).annotatedPairs());
            List<SourceSummary> sources = stats.perSource();
            assertEquals(
                    List.of(
                            new SourceSummary(null, 1, 0, 0),
                            new SourceSummary("x", 2, 1, 0),
                            new SourceSummary("y", 1, 0, 1)),
                    sources);
        }
    }

    @Test
    void deletingADatasetRemovesItsPairsAnnotationsAndScores() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<StoredPair> a = importPairs(store, "a", pair(1, null, "1"));
            importPairs(store, "b", pair(1, null, "2"));
            store.saveAnnotation(verdict(a.get(0).id(), "ann", Verdict.TIE, Side.CHOSEN));
            long m = store.registerModel(modelInfo("m")).id();
            store.saveScore(score(a.get(0).id(), m, 1, 0));
            assertTrue(store.deleteDataset("a"));
            assertFalse(store.deleteDataset("a"));
            StoreStats stats = store.stats();
            assertEquals(1, stats.pairs());
            assertEquals(0, stats.annotations());
            assertEquals(0, stats.scoredPairs());
            assertEquals(1, stats.models());
        }
    }

    @Test
    void theScoreCacheAnswersBatchLookups() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            StoredScoreCache cache = store.scoreCache();
            List<TokenKey> keys = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                keys.add(TokenKey.ofTokenIds(new int[] {i, i + 1, 128000}));
            }
            cache.putAll(
                    "bundle",
                    Map.of(
                            keys.get(0),
                            new CachedScore(0.5, new float[] {1f, 2f}, "{\"device\":\"gpu(0)\"}")));
            cache.putAll(
                    "bundle",
                    keys.subList(1, 1000).stream()
                            .collect(
                                    java.util.stream.Collectors.toMap(
                                            k -> k,
                                            k -> new CachedScore(k.hashCode(), null, "{}"))));
            assertEquals(1000, cache.size("bundle"));
            Map<TokenKey, CachedScore> found = cache.lookupAll("bundle", keys);
            assertEquals(1000, found.size());
            assertArrayEquals(new float[] {1f, 2f}, found.get(keys.get(0)).tokenScores());
            assertEquals("{\"device\":\"gpu(0)\"}", found.get(keys.get(0)).provenanceJson());
            assertEquals(keys.get(5).hashCode(), found.get(keys.get(5)).score());
            assertTrue(cache.lookup("bundle", keys.get(1100)).isEmpty());
            assertTrue(cache.lookup("other-bundle", keys.get(0)).isEmpty());
            cache.put("bundle", keys.get(0), new CachedScore(-1, null, "{\"n\":1}"));
            assertEquals(
                    new CachedScore(-1, null, "{\"n\":1}"),
                    cache.lookup("bundle", keys.get(0)).orElseThrow());
            assertEquals(1000, cache.clear("bundle"));
            assertEquals(0, cache.size("bundle"));
        }
    }

    @Test
    void tokenKeysDependOnlyOnTheIds() {
        assertEquals(
                TokenKey.ofTokenIds(new int[] {1, 2, 3}),
                TokenKey.ofTokenIds(new long[] {1, 2, 3}));
        assertFalse(
                TokenKey.ofTokenIds(new int[] {1, 2, 3})
                        .equals(TokenKey.ofTokenIds(new int[] {3, 2, 1})));
        // SHA-256 of nothing: a published constant.
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                TokenKey.ofTokenIds(new long[0]).toString());
        byte[] one = new byte[8];
        one[0] = 1;
        assertEquals(sha256Hex(one), TokenKey.ofTokenIds(new long[] {1}).toString());
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void streamingAnExportNeverSortsTheWholeDataset() throws Exception {
        Path file = dir.resolve("s.db");
        PreferenceStore.open(file).close();
        PairQuery query = PairQuery.all().withSources(Set.of("x")).withDatasets(Set.of("a", "b"));
        for (PairSql sql :
                List.of(PairSql.selectWithDatasetId(query), PairSql.selectWithScore(query, 1))) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    var statement = c.prepareStatement("EXPLAIN QUERY PLAN " + sql.sql)) {
                PairSql.bind(statement, sql.parameters);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(4)).append('\n');
                    }
                }
                assertFalse(plan.toString().contains("TEMP B-TREE"), plan.toString());
            }
        }
    }

    @Test
    void messagesSurviveTheStoredJsonForm() throws Exception {
        List<ChatMessage> messages =
                List.of(
                        new ChatMessage("user", "a\"b\\c\u0000\u2028\n\t 你好 👋 مرحبا"),
                        new ChatMessage("lone", "\ud800 x \udc00"),
                        new ChatMessage("", ""));
        Utf8JsonBuffer buffer = new Utf8JsonBuffer();
        buffer.appendMessages(messages);
        byte[] json = buffer.toByteArray();
        assertEquals(messages, MessageJson.read(json));
        // Valid UTF-8 that any JSON reader accepts, with unpaired surrogates escaped.
        String text =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(json))
                        .toString();
        assertTrue(text.contains("\\ud800 x \\udc00"), text);
        buffer.reset();
        buffer.appendMessages(List.of(new ChatMessage("x", "é")));
        assertEquals(
                "[{\"role\":\"x\",\"content\":\"é\"}]",
                new String(buffer.toByteArray(), StandardCharsets.UTF_8));
        assertEquals(
                List.of("a", "b\"c\n"),
                StringListJson.read(StringListJson.write(List.of("a", "b\"c\n"))));
    }
}
