package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.skywork.ImportMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one store file: real second JVMs writing while this one writes and imports.
 * Nothing may be lost or corrupted, and a process killed in the middle of an import leaves no
 * trace.
 */
class ConcurrentProcessesTest {
    private static final int PAIRS = 150;

    /**
     * The most the write-ahead log may hold during an import, however large: two steps (a reader
     * may keep the log from being rewritten from its start after one) and the journal size limit.
     */
    private static final long WAL_BOUND = 2 * PairImport.STEP_BYTES + (64L << 20);

    @TempDir Path dir;

    private static Process startJava(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void twoOtherProcessesWriteWhileThisOneWritesAndImports() throws Exception {
        Path file = dir.resolve("shared.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            try (PairImport pairImport = store.beginImport("shared", null)) {
                for (int i = 1; i <= PAIRS; i++) {
                    pairImport.add(PreferenceStoreTest.pair(i, "s", "question " + i));
                }
                pairImport.commit();
            }
        }
        Process first = startJava(ConcurrentWriterMain.class, file.toString(), "shared", "alice");
        Process second = startJava(ConcurrentWriterMain.class, file.toString(), "shared", "bob");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            List<StoredPair> pairs = store.pairs(PairQuery.all().withDataset("shared"));
            for (int round = 0; round < 3; round++) {
                // A bulk import holds the write lock for a step at a time; the others must wait,
                // not fail.
                try (PairImport pairImport = store.beginImport("bulk-" + round, null)) {
                    for (int i = 1; i <= 2000; i++) {
                        pairImport.add(PreferenceStoreTest.pair(i, "bulk", "bulk question " + i));
                    }
                    pairImport.commit();
                }
                for (StoredPair pair : pairs.subList(round * PAIRS / 3, (round + 1) * PAIRS / 3)) {
                    store.saveAnnotation(
                            new Annotation(
                                    pair.id(),
                                    "parent",
                                    Verdict.TIE,
                                    null,
                                    List.of(),
                                    "",
                                    Side.REJECTED,
                                    1,
                                    Instant.now()));
                }
            }
        }
        assertTrue(finish(first).contains("wrote " + PAIRS));
        assertTrue(finish(second).contains("wrote " + PAIRS));

        try (PreferenceStore store = PreferenceStore.open(file)) {
            StoreStats stats = store.stats();
            assertEquals(4, stats.datasets());
            assertEquals(PAIRS + 3 * 2000, stats.pairs());
            assertEquals(3L * PAIRS, stats.annotations());
            assertEquals(PAIRS, stats.annotatedPairs());
            assertEquals(PAIRS, stats.scoredPairs());
            assertEquals(2, stats.models());
            assertEquals(2L * PAIRS, stats.cachedScores());
        }
        assertEquals("ok", integrityCheck(file));
    }

    @Test
    void aProcessKilledDuringAnImportLeavesTheStoreAsItWas() throws Exception {
        Path input = dir.resolve("big.jsonl");
        io.rewardlens.sampledata.SkyworkPairGenerator.write(input, 20_000, 3);
        Path file = dir.resolve("store.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            try (PairImport pairImport = store.beginImport("before", null)) {
                pairImport.add(PreferenceStoreTest.pair(1, "s", "kept"));
                pairImport.commit();
            }
        }
        Process child =
                startJava(
                        ImportMain.class, file.toString(), input.toString(), "doomed", "--verbose");
        BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith("progress ")) {
            // Wait until the import is under way.
        }
        assertTrue(line != null && line.startsWith("progress "), "the import never started");
        child.destroyForcibly().waitFor(1, TimeUnit.MINUTES);

        try (PreferenceStore store = PreferenceStore.open(file)) {
            StoreStats stats = store.stats();
            assertEquals(
                    List.of("before"),
                    stats.perDataset().stream().map(DatasetSummary::name).toList());
            assertEquals(1, stats.pairs());
        }
        assertEquals("ok", integrityCheck(file));
    }

    @Test
    void aProcessKilledAfterSeveralStepsKeptTheLogSmallAndLeavesNoTrace() throws Exception {
        Path input = dir.resolve("large.jsonl");
        io.rewardlens.sampledata.SkyworkPairGenerator.write(input, 60_000, 5);
        Path file = dir.resolve("store.db");
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            PreferenceStoreTest.importPairs(store, "before", PreferenceStoreTest.pair(1, "s", "q"));
        }
        Process child = startJava(ImportMain.class, file.toString(), input.toString(), "doomed");
        long walPeak = 0;
        long committedPairs = 0;
        // Opening the store while the import runs must not delete it: its owner is alive.
        try (PreferenceStore reader = PreferenceStore.open(file)) {
            while (committedPairs < 30_000) {
                assertTrue(child.isAlive(), "the import ended before it could be killed");
                walPeak = Math.max(walPeak, Files.exists(wal) ? Files.size(wal) : 0);
                StoreStats stats = reader.stats();
                assertEquals(
                        List.of("before"),
                        stats.perDataset().stream().map(DatasetSummary::name).toList());
                assertEquals(1, stats.pairs());
                assertEquals(1, reader.countPairs(PairQuery.all()));
                committedPairs = rawCount(file, "SELECT count(*) FROM pair") - 1;
                Thread.sleep(20);
            }
        }
        child.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        walPeak = Math.max(walPeak, Files.exists(wal) ? Files.size(wal) : 0);
        // What the steps committed is well over the bound: one transaction would have logged it
        // all.
        assertTrue(Files.size(file) > WAL_BOUND, "database " + Files.size(file) + " bytes");
        assertTrue(walPeak <= WAL_BOUND, "write-ahead log peaked at " + walPeak + " bytes");

        try (PreferenceStore store = PreferenceStore.open(file)) {
            StoreStats stats = store.stats();
            assertEquals(
                    List.of("before"),
                    stats.perDataset().stream().map(DatasetSummary::name).toList());
            assertEquals(1, stats.pairs());
        }
        assertEquals(1, rawCount(file, "SELECT count(*) FROM pair"));
        assertEquals(1, rawCount(file, "SELECT count(*) FROM dataset"));
        assertEquals("ok", integrityCheck(file));
    }

    private static long rawCount(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String integrityCheck(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
