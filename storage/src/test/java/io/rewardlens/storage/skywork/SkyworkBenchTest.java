package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.sampledata.SkyworkPairGenerator;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Import and export of 80k Skywork pairs, each against the plain-Python baseline in {@code
 * bench/python/} run on the same file in the same run; and a 2 GB import in a child JVM with a 256
 * MB heap. Prints its figures; asserts only correctness.
 */
@Tag("bench")
class SkyworkBenchTest {
    private static final Path WORK = Path.of("target", "bench");
    private static final Path PYTHON_BASELINE =
            Path.of("..", "bench", "python", "skywork_baseline.py");
    private static final Path SCHEMA =
            Path.of("src", "main", "resources", "io", "rewardlens", "storage", "schema", "v1.sql");
    private static final int PAIRS = 80_000;

    /** Wall-clock and CPU seconds of one run. */
    private record Timing(double seconds, double cpuSeconds) {}

    @Test
    void importAndExportAgainstThePythonBaseline() throws Exception {
        Files.createDirectories(WORK);
        Path input = WORK.resolve("skywork-80k.jsonl");
        if (!Files.exists(input)) {
            SkyworkPairGenerator.write(input, PAIRS, 42);
        }
        System.out.printf(
                "input: %s, %d pairs, %.1f MB; load average at start: %s%n",
                input, PAIRS, Files.size(input) / 1e6, loadAverage());
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Timing[]> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Timing javaImport;
            Timing javaExport;
            Path javaDb = fresh(WORK.resolve("java.db"));
            Path javaOut = WORK.resolve("java-export.jsonl");
            try (PreferenceStore store = PreferenceStore.open(javaDb)) {
                long[] started = now();
                ImportReport imported =
                        SkyworkImporter.importFile(
                                store,
                                input,
                                ImportOptions.intoDataset("bench"),
                                ProgressListener.NONE);
                javaImport = since(started);
                assertEquals(PAIRS, imported.imported());
                started = now();
                ExportReport exported =
                        SkyworkExporter.export(
                                store, javaOut, ExportOptions.defaults(), ProgressListener.NONE);
                javaExport = since(started);
                assertEquals(PAIRS, exported.exported());
            }
            Path pythonDb = fresh(WORK.resolve("python.db"));
            Path pythonOut = WORK.resolve("python-export.jsonl");
            Timing pythonImport =
                    python(
                            "import",
                            "--db",
                            pythonDb,
                            "--schema",
                            SCHEMA,
                            "--dataset",
                            "bench",
                            input);
            Timing pythonExport =
                    python("export", "--db", pythonDb, "--dataset", "bench", pythonOut);
            if (round == 1) {
                assertSameRecords(input, javaOut);
                assertSameRecords(input, pythonOut);
            }
            results.add(new Timing[] {javaImport, pythonImport, javaExport, pythonExport});
            System.out.printf(
                    "round %d: import java %.2f s (cpu %.2f), python %.2f s (cpu %.2f);"
                            + " export java %.2f s (cpu %.2f), python %.2f s (cpu %.2f)%n",
                    round,
                    javaImport.seconds(),
                    javaImport.cpuSeconds(),
                    pythonImport.seconds(),
                    pythonImport.cpuSeconds(),
                    javaExport.seconds(),
                    javaExport.cpuSeconds(),
                    pythonExport.seconds(),
                    pythonExport.cpuSeconds());
        }
        System.out.printf("best of %d rounds (load average now: %s):%n", rounds, loadAverage());
        line("import", best(results, 0), best(results, 1));
        line("export", best(results, 2), best(results, 3));
    }

    private static Timing best(List<Timing[]> results, int column) {
        return results.stream()
                .map(r -> r[column])
                .min(java.util.Comparator.comparingDouble(Timing::seconds))
                .orElseThrow();
    }

    private static void line(String what, Timing java, Timing python) {
        System.out.printf(
                "%s: pairs %d | java %.2f s, %.0f pairs/s | python %.2f s, %.0f pairs/s |"
                        + " java/python speed ratio %.2fx (cpu seconds: java %.2f, python %.2f)%n",
                what,
                PAIRS,
                java.seconds(),
                PAIRS / java.seconds(),
                python.seconds(),
                PAIRS / python.seconds(),
                python.seconds() / java.seconds(),
                java.cpuSeconds(),
                python.cpuSeconds());
    }

    /** Wall-clock nanos and this process's CPU nanos (all threads: workers, JIT, GC). */
    private static long[] now() {
        return new long[] {System.nanoTime(), processCpuNanos()};
    }

    private static Timing since(long[] started) {
        return new Timing(
                (System.nanoTime() - started[0]) / 1e9, (processCpuNanos() - started[1]) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Test
    void twoGigabytesImportWithA256MegabyteHeap() throws Exception {
        Files.createDirectories(WORK);
        Path input = WORK.resolve("skywork-2gb.jsonl");
        long target = 2L * 1024 * 1024 * 1024 + 1;
        if (!Files.exists(input) || Files.size(input) < target) {
            SkyworkPairGenerator.write(input, 430_000, 7);
        }
        long size = Files.size(input);
        assertTrue(size >= target, "input must be at least 2 GiB, is " + size);
        long lines;
        try (Stream<String> all = Files.lines(input)) {
            lines = all.count();
        }
        Path db = fresh(WORK.resolve("big.db"));
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                ImportMain.class.getName(),
                                db.toString(),
                                input.toString(),
                                "big")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.MINUTES));
        System.out.printf(
                "2 GiB import (%.2f GB, %d pairs), child JVM -Xmx256m:%n%s",
                size / 1e9, lines, output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("imported=" + lines), output);
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
    }

    private static Timing python(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", PYTHON_BASELINE.toString()));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        JsonNode result =
                new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(PAIRS, result.get("pairs").asLong());
        return new Timing(result.get("seconds").asDouble(), result.get("cpu_seconds").asDouble());
    }

    private static Path fresh(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        return db;
    }

    /** Both files hold the same records in the same order (compared as parsed JSON). */
    private static void assertSameRecords(Path expected, Path actual) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader a = Files.newBufferedReader(expected);
                BufferedReader b = Files.newBufferedReader(actual)) {
            String left;
            long line = 0;
            while ((left = a.readLine()) != null) {
                line++;
                String right = b.readLine();
                assertEquals(
                        mapper.readTree(left),
                        right == null ? null : mapper.readTree(right),
                        "line " + line);
            }
            assertEquals(null, b.readLine());
        }
    }
}
