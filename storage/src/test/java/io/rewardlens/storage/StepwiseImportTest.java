package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk import commits in steps ({@link PairImport#STEP_BYTES}), yet nothing of it is visible
 * before {@link PairImport#commit()}, and nothing of it is left when it is abandoned, fails, or its
 * process is gone.
 */
class StepwiseImportTest {
    /** About 100 KB encoded: a step holds some 330 of them. */
    private static final String LONG_ANSWER = "lorem ipsum ".repeat(4_200);

    /** Pairs for more than two steps; the first two are committed once they have all been added. */
    private static final int PAIRS = 800;

    private static final ImportedVerdict VERDICT =
            new ImportedVerdict("ann", Verdict.A_BETTER, 2, List.of("t"), "why", Instant.EPOCH);

    @TempDir Path dir;

    private static PreferencePair bigPair(long position) {
        return PreferencePair.fromConversations(
                "s",
                position,
                List.of(
                        new ChatMessage("user", "question " + position),
                        new ChatMessage("assistant", "good " + LONG_ANSWER)),
                List.of(
                        new ChatMessage("user", "question " + position),
                        new ChatMessage("assistant", "bad " + LONG_ANSWER)),
                null);
    }

    /** Adds the pairs, every tenth with a verdict. */
    private static List<PreferencePair> addBigPairs(PairImport pairImport, int count) {
        List<PreferencePair> added = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            PreferencePair pair = bigPair(i);
            pairImport.add(pair, i % 10 == 0 ? List.of(VERDICT) : List.of());
            added.add(pair);
        }
        return added;
    }

    /** A count straight from the file, past the store's filters. */
    private static long rawCount(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void assertNothingOfTheImportIsLeft(Path file) throws Exception {
        assertEquals(0, rawCount(file, "SELECT count(*) FROM dataset"));
        assertEquals(0, rawCount(file, "SELECT count(*) FROM pair"));
        assertEquals(0, rawCount(file, "SELECT count(*) FROM annotation"));
    }

    @Test
    void anImportCommitsInStepsButIsInvisibleUntilItsCommit() throws Exception {
        Path file = dir.resolve("s.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            List<PreferencePair> added;
            try (PairImport pairImport = store.beginImport("big", "big.jsonl")) {
                added = addBigPairs(pairImport, PAIRS);
                long committedPairs = rawCount(file, "SELECT count(*) FROM pair");
                assertTrue(committedPairs >= 512, "steps committed: " + committedPairs);
                long someId = rawCount(file, "SELECT min(id) FROM pair");

                assertEquals(List.of(), store.datasets());
                assertTrue(store.dataset("big").isEmpty());
                StoreStats stats = store.stats();
                assertEquals(0, stats.datasets());
                assertEquals(0, stats.pairs());
                assertEquals(0, stats.annotations());
                assertEquals(List.of(), stats.perSource());
                assertEquals(0, store.countPairs(PairQuery.all()));
                assertEquals(List.of(), store.pairs(PairQuery.all()));
                assertTrue(store.pair(someId).isEmpty());
                assertTrue(store.nextUnannotated("big", Long.MIN_VALUE, Long.MIN_VALUE).isEmpty());
                List<PairDetails> streamed = new ArrayList<>();
                store.forEachPairWithDetails(PairQuery.all(), null, streamed::add);
                assertEquals(List.of(), streamed);

                pairImport.commit();
            }
            DatasetSummary big = store.dataset("big").orElseThrow();
            assertEquals(PAIRS, big.pairs());
            assertEquals(PAIRS / 10, big.annotatedPairs());
            assertEquals(
                    added,
                    store.pairs(PairQuery.all().withDataset("big")).stream()
                            .map(StoredPair::pair)
                            .toList());
            assertEquals(PAIRS / 10, store.stats().annotations());
        }
        assertEquals(
                0, rawCount(file, "SELECT count(*) FROM dataset WHERE import_owner IS NOT NULL"));
    }

    @Test
    void closingWithoutCommitDeletesWhatTheStepsCommitted() throws Exception {
        Path file = dir.resolve("s.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            try (PairImport pairImport = store.beginImport("big", null)) {
                addBigPairs(pairImport, PAIRS);
                assertTrue(rawCount(file, "SELECT count(*) FROM pair") >= 512);
            }
            assertNothingOfTheImportIsLeft(file);
            PreferenceStoreTest.importPairs(store, "big", PreferenceStoreTest.pair(1, "s", "q"));
            assertEquals(1, store.stats().pairs());
        }
    }

    @Test
    void aFailingImportDeletesWhatTheStepsCommitted() throws Exception {
        Path file = dir.resolve("s.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            PairImport pairImport = store.beginImport("big", null);
            addBigPairs(pairImport, PAIRS);
            assertThrows(
                    StoreException.class,
                    () -> {
                        // A parent that does not exist breaks the foreign key in a later step.
                        pairImport.add(bigPair(PAIRS + 1).withParent(999_999_999L));
                        pairImport.commit();
                    });
            assertFalse(pairImport.committed());
            pairImport.close();
            assertNothingOfTheImportIsLeft(file);
            assertEquals(List.of(), store.datasets());
        }
    }

    @Test
    void theNameOfADatasetBeingImportedStaysTaken() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            store.createDataset("other", null);
            try (PairImport pairImport = store.beginImport("d", null)) {
                pairImport.add(PreferenceStoreTest.pair(1, "s", "q"));
                assertThrows(DatasetExistsException.class, () -> store.beginImport("d", null));
                assertThrows(DatasetExistsException.class, () -> store.createDataset("d", null));
                assertThrows(DatasetExistsException.class, () -> store.renameDataset("other", "d"));
                assertFalse(store.renameDataset("d", "e"));
                assertFalse(store.deleteDataset("d"));
            }
            assertEquals("d", store.createDataset("d", null).name());
        }
    }

    @Test
    void openingTheStoreAgainLeavesALiveImportAlone() throws Exception {
        Path file = dir.resolve("s.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            PreferenceStoreTest.importPairs(store, "small", PreferenceStoreTest.pair(1, "s", "q"));
            try (PairImport pairImport = store.beginImport("big", null)) {
                addBigPairs(pairImport, PAIRS);
                long committedPairs = rawCount(file, "SELECT count(*) FROM pair");
                assertTrue(committedPairs > 1);
                try (PreferenceStore second = PreferenceStore.open(file)) {
                    assertEquals(List.of("small"), names(second.datasets()));
                }
                assertEquals(committedPairs, rawCount(file, "SELECT count(*) FROM pair"));
                pairImport.commit();
            }
            assertEquals(List.of("small", "big"), names(store.datasets()));
            assertEquals(PAIRS + 1, store.stats().pairs());
        }
    }

    @Test
    void importsWhoseProcessIsGoneAreDeletedWhenTheStoreIsOpened() throws Exception {
        Path file = dir.resolve("s.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            PreferenceStoreTest.importPairs(store, "before", PreferenceStoreTest.pair(1, "s", "q"));
        }
        Process finished =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-version")
                        .start();
        finished.getErrorStream().readAllBytes();
        assertTrue(finished.waitFor(1, TimeUnit.MINUTES));
        ImportOwner self = ImportOwner.current();
        String dead = new ImportOwner(self.host(), finished.pid(), Optional.empty()).text();
        String reusedPid =
                new ImportOwner(self.host(), self.pid(), Optional.of(Instant.EPOCH)).text();
        String otherHost = new ImportOwner("elsewhere.example", 1, Optional.empty()).text();
        try (Connection c = PreferenceStore.connect(file)) {
            // More pairs than one deletion step, with annotations.
            unfinishedImport(c, "dead", dead, 5_000);
            unfinishedImport(c, "reused-pid", reusedPid, 10);
            unfinishedImport(c, "other-host", otherHost, 10);
            unfinishedImport(c, "unreadable-owner", "a future format", 10);
        }

        try (PreferenceStore store = PreferenceStore.open(file)) {
            assertEquals(List.of("before"), names(store.datasets()));
            assertEquals(1, store.stats().pairs());
            assertEquals(0, store.stats().annotations());
        }
        assertEquals(
                List.of("other-host", "unreadable-owner"),
                rawNames(file, "SELECT name FROM dataset WHERE import_owner IS NOT NULL"));
        assertEquals(21, rawCount(file, "SELECT count(*) FROM pair"));
        assertEquals(4, rawCount(file, "SELECT count(*) FROM annotation"));
    }

    /** Writes a dataset with an owner, as an import's committed steps leave it. */
    private static void unfinishedImport(Connection c, String name, String owner, int pairs)
            throws Exception {
        SqlTransaction.write(
                c,
                x -> {
                    long datasetId = DatasetTable.insert(x, name, null, owner);
                    try (PreparedStatement insert = x.prepareStatement(PairImport.INSERT_PAIR)) {
                        for (int i = 1; i <= pairs; i++) {
                            PairImport.bind(
                                    insert, datasetId, PreferenceStoreTest.pair(i, "s", "q" + i));
                            insert.executeUpdate();
                            if (i <= 2) {
                                AnnotationTable.save(
                                        x,
                                        PreferenceStoreTest.verdict(
                                                SqlRows.lastInsertId(x),
                                                "ann",
                                                Verdict.TIE,
                                                Side.CHOSEN));
                            }
                        }
                    }
                    return null;
                });
    }

    private static List<String> names(List<DatasetSummary> datasets) {
        return datasets.stream().map(DatasetSummary::name).toList();
    }

    private static List<String> rawNames(Path file, String sql) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql + " ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
