package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.app.RewardLensMain;
import io.rewardlens.sampledata.SampleData;
import io.rewardlens.sampledata.SkyworkPairGenerator;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.testsupport.ConfinedFolders;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite ({@code ./mvnw -B -Preliability verify}; not part of the default run): kill
 * -9 while verdicts are written and while imports run, malformed input, two writers and a full
 * disk, each tried many times with real processes and real files. It prints one table of what was
 * tried, what survived and what was lost, and fails if anything was lost.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilitySuiteTest {
    private static final int VERDICT_KILLS = 20;
    private static final int IMPORT_KILLS = 5;
    private static final long WAL_BOUND = 2 * (32L << 20) + (64L << 20);

    /** One row of the table: what was tried, how often it survived, and what it lost. */
    private record Row(String what, long tried, long survived, String lost) {}

    private static final List<Row> TABLE = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private final Random random = new Random(20261207);

    @AfterAll
    static void printTable() {
        StringBuilder table = new StringBuilder("\nReliability suite\n");
        table.append(String.format("%-58s %7s %9s  %s%n", "tried", "times", "survived", "lost"));
        for (Row row : TABLE) {
            table.append(
                    String.format(
                            "%-58s %7d %9d  %s%n",
                            row.what(), row.tried(), row.survived(), row.lost()));
        }
        System.out.println(table);
    }

    private Path samplesStore(String name) throws Exception {
        Path db = dir.resolve(name);
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());
        return db;
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Process start(List<String> command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Reads the child's {@code acked PAIR ROUND} lines into the last round acknowledged per pair.
     */
    private static long readAcked(BufferedReader lines, Map<Long, Long> lastAcked, long until)
            throws Exception {
        long acknowledged = 0;
        String line;
        while ((System.nanoTime() - until < 0 || lastAcked.isEmpty())
                && (line = lines.readLine()) != null) {
            if (line.startsWith("acked ")) {
                String[] parts = line.split(" ");
                lastAcked.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                acknowledged++;
            }
        }
        return acknowledged;
    }

    /** How many pairs lack the last verdict the annotator was told was saved (or a later one). */
    private static long lostVerdicts(Path db, String annotator, Map<Long, Long> lastAcked) {
        long lost = 0;
        try (PreferenceStore store = PreferenceStore.open(db)) {
            for (Map.Entry<Long, Long> acked : lastAcked.entrySet()) {
                long inForce = -1;
                for (StoredAnnotation saved : store.annotations(acked.getKey())) {
                    if (saved.annotation().annotator().equals(annotator)) {
                        inForce =
                                Long.parseLong(
                                        saved.annotation()
                                                .rationale()
                                                .substring("round ".length()));
                    }
                }
                // The write after the last acknowledged one may have committed as well.
                if (inForce < acked.getValue()) {
                    lost++;
                }
            }
        }
        return lost;
    }

    @Test
    @Order(5)
    void verdictsWhileTwoImportsRun() throws Exception {
        Path db = samplesStore("two-writers.db");
        Path big = dir.resolve("two-writers.jsonl");
        SkyworkPairGenerator.write(big, 3000, 5);
        int rounds = 3;
        long survived = 0;
        long acknowledged = 0;
        long lost = 0;
        for (int round = 0; round < rounds; round++) {
            String annotator = "workbench-" + round;
            Process verdicts =
                    start(
                            ConfinedFolders.java(
                                    VerdictLoopMain.class.getName(),
                                    db.toString(),
                                    "samples",
                                    annotator));
            List<Process> imports = new ArrayList<>();
            for (String name : List.of("first-" + round, "second-" + round)) {
                imports.add(
                        start(
                                ConfinedFolders.java(
                                        RewardLensMain.class.getName(),
                                        "import",
                                        "--db",
                                        db.toString(),
                                        "--dataset",
                                        name,
                                        big.toString())));
            }
            BufferedReader lines =
                    new BufferedReader(
                            new InputStreamReader(
                                    verdicts.getInputStream(), StandardCharsets.UTF_8));
            Map<Long, Long> lastAcked = new HashMap<>();
            boolean importsOk = true;
            for (Process importing : imports) {
                while (importing.isAlive()) {
                    acknowledged += readAcked(lines, lastAcked, System.nanoTime() + 200_000_000L);
                }
                importing.getInputStream().readAllBytes();
                importsOk &= importing.exitValue() == 0;
            }
            verdicts.toHandle().destroyForcibly();
            verdicts.waitFor(1, TimeUnit.MINUTES);
            acknowledged += readAcked(lines, lastAcked, Long.MAX_VALUE); // to the end
            long lostNow = lostVerdicts(db, annotator, lastAcked);
            lost += lostNow;
            long pairs;
            try (PreferenceStore store = PreferenceStore.open(db)) {
                pairs = store.stats().pairs();
            }
            if (importsOk
                    && lostNow == 0
                    && pairs == 64 + 2L * 3000 * (round + 1)
                    && integrity(db).equals("ok")) {
                survived++;
            }
        }
        TABLE.add(
                new Row(
                        "verdicts while two imports run (" + acknowledged + " acknowledged)",
                        rounds,
                        survived,
                        lost + " verdicts"));
        assertEquals(0, lost);
        assertEquals(rounds, survived);
    }

    @Test
    @Order(1)
    void killNineWhileVerdictsAreWritten() throws Exception {
        Path db = samplesStore("verdicts.db");
        long acknowledged = 0;
        long lost = 0;
        long survived = 0;
        for (int kill = 0; kill < VERDICT_KILLS; kill++) {
            String annotator = "annotator-" + kill;
            Process child =
                    start(
                            ConfinedFolders.java(
                                    VerdictLoopMain.class.getName(),
                                    db.toString(),
                                    "samples",
                                    annotator));
            Map<Long, Long> lastAcked = new HashMap<>();
            BufferedReader lines =
                    new BufferedReader(
                            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            acknowledged +=
                    readAcked(
                            lines,
                            lastAcked,
                            System.nanoTime() + (300 + random.nextInt(1500)) * 1_000_000L);
            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe, and
            // what the child printed before it died was acknowledged too.
            child.toHandle().destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
            acknowledged += readAcked(lines, lastAcked, Long.MAX_VALUE); // to the end
            long lostNow = lostVerdicts(db, annotator, lastAcked);
            lost += lostNow;
            if (lostNow == 0 && integrity(db).equals("ok")) {
                survived++;
            }
        }
        TABLE.add(
                new Row(
                        "kill -9 while verdicts are written (" + acknowledged + " acknowledged)",
                        VERDICT_KILLS,
                        survived,
                        lost + " verdicts"));
        assertEquals(0, lost);
        assertEquals(VERDICT_KILLS, survived);
    }

    @Test
    @Order(2)
    void killNineDuringAnImport() throws Exception {
        Path db = samplesStore("imports.db");
        Path big = dir.resolve("big.jsonl");
        SkyworkPairGenerator.write(big, 40_000, 3);
        Path log = db.resolveSibling(db.getFileName() + "-wal");
        long survived = 0;
        long walPeak = 0;
        List<String> problems = new ArrayList<>();
        for (int kill = 0; kill < IMPORT_KILLS; kill++) {
            Process child =
                    start(
                            ConfinedFolders.java(
                                    RewardLensMain.class.getName(),
                                    "import",
                                    "--db",
                                    db.toString(),
                                    "--dataset",
                                    "doomed",
                                    big.toString()));
            long deadline = System.nanoTime() + (1500 + random.nextInt(6000)) * 1_000_000L;
            while (System.nanoTime() < deadline && child.isAlive()) {
                walPeak = Math.max(walPeak, Files.exists(log) ? Files.size(log) : 0);
                Thread.sleep(50);
            }
            boolean finished = !child.isAlive();
            child.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            try (PreferenceStore store = PreferenceStore.open(db)) {
                List<String> names = store.datasets().stream().map(d -> d.name()).toList();
                boolean asBefore = names.equals(List.of("samples"));
                boolean complete =
                        finished
                                && names.equals(List.of("samples", "doomed"))
                                && store.dataset("doomed").orElseThrow().pairs() == 40_000;
                if ((asBefore || complete) && integrity(db).equals("ok")) {
                    survived++;
                } else {
                    problems.add("kill " + kill + ": datasets " + names);
                }
                if (complete) {
                    store.deleteDataset("doomed");
                }
            }
        }
        TABLE.add(
                new Row(
                        "kill -9 during an import of 40,000 pairs (WAL peak "
                                + (walPeak >> 20)
                                + " MiB)",
                        IMPORT_KILLS,
                        survived,
                        problems.isEmpty() ? "0 partial datasets" : problems.toString()));
        assertEquals(List.of(), problems);
        assertTrue(walPeak <= WAL_BOUND, "write-ahead log peaked at " + walPeak + " bytes");
    }

    /** Malformed versions of a line of the sample file. */
    private static Map<String, UnaryOperator<byte[]>> malformations() {
        Map<String, UnaryOperator<byte[]>> all = new LinkedHashMap<>();
        all.put("byte 0xff in a content", line -> intoContent(line, 0xff));
        all.put("overlong c0 af", line -> intoContent(line, 0xc0, 0xaf));
        all.put("overlong e0 80 af", line -> intoContent(line, 0xe0, 0x80, 0xaf));
        all.put("UTF-8 surrogate ed a0 80", line -> intoContent(line, 0xed, 0xa0, 0x80));
        all.put("above U+10FFFF f4 90 80 80", line -> intoContent(line, 0xf4, 0x90, 0x80, 0x80));
        all.put("truncated sequence e2 82", line -> intoContent(line, 0xe2, 0x82));
        all.put("escaped lone surrogate", line -> intoContent(line, "\\ud800".getBytes()));
        all.put("escaped NUL", line -> intoContent(line, "a\\u0000b".getBytes()));
        all.put("line cut in half", line -> java.util.Arrays.copyOf(line, line.length / 2));
        all.put("closing brace missing", line -> java.util.Arrays.copyOf(line, line.length - 1));
        all.put(
                "content a number",
                line -> edit(line, pair -> first(pair, "chosen").put("content", 7)));
        all.put(
                "role unknown",
                line -> edit(line, pair -> first(pair, "rejected").put("role", "robot")));
        all.put("chosen a string", line -> edit(line, pair -> pair.put("chosen", "text")));
        all.put("rejected missing", line -> edit(line, pair -> pair.remove("rejected")));
        all.put(
                "conversations end with the user",
                line ->
                        edit(
                                line,
                                pair -> {
                                    ((ArrayNode) pair.get("chosen"))
                                            .remove(pair.get("chosen").size() - 1);
                                    ((ArrayNode) pair.get("rejected"))
                                            .remove(pair.get("rejected").size() - 1);
                                }));
        all.put("empty object", line -> "{}".getBytes());
        all.put(
                "nested 5000 deep",
                line -> ("{\"chosen\": " + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes());
        return all;
    }

    private static ObjectNode first(ObjectNode pair, String side) {
        return (ObjectNode) pair.get(side).get(0);
    }

    private static byte[] edit(byte[] line, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode pair = (ObjectNode) JSON.readTree(line);
            change.accept(pair);
            return JSON.writeValueAsBytes(pair);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] intoContent(byte[] line, int... bytes) {
        byte[] inserted = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            inserted[i] = (byte) bytes[i];
        }
        return intoContent(line, inserted);
    }

    /** Inserts bytes at the start of the line's last content string. */
    private static byte[] intoContent(byte[] line, byte[] inserted) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("\"content\": \"") + "\"content\": \"".length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line, 0, at);
        out.writeBytes(inserted);
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }

    @Test
    @Order(3)
    void malformedInput() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("clean.jsonl"));
        List<byte[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(samples)) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        long tried = 0;
        long survived = 0;
        long refused = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<byte[]>> malformation : malformations().entrySet()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                tried++;
                int lineNumber = 1 + random.nextInt(lines.size());
                Path file = dir.resolve("fuzz-" + tried + ".jsonl");
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int i = 0; i < lines.size(); i++) {
                    byte[] line = lines.get(i);
                    content.writeBytes(
                            i + 1 == lineNumber ? malformation.getValue().apply(line) : line);
                    content.write('\n');
                }
                Files.write(file, content.toByteArray());
                Path db = dir.resolve("fuzz-" + tried + ".db");
                Cli.Result result = Cli.run("import", "--db", db.toString(), file.toString());
                String err = result.err().strip();
                boolean ok;
                if (result.exit() == 0) {
                    // Accepted: the store must read back every pair and export them all.
                    try (PreferenceStore store = PreferenceStore.open(db)) {
                        List<StoredPair> pairs = store.pairs(PairQuery.all());
                        ok = pairs.size() == lines.size();
                    }
                    Cli.Result export =
                            Cli.run(
                                    "export",
                                    "--db",
                                    db.toString(),
                                    "--out",
                                    dir.resolve("fuzz-" + tried + ".out.jsonl").toString());
                    ok &= export.exit() == 0;
                } else {
                    refused++;
                    ok =
                            result.exit() == CliErrors.REFUSED
                                    && err.lines().count() == 1
                                    && err.startsWith("rewardlens: ")
                                    && err.contains(file.getFileName().toString())
                                    && err.contains("line " + lineNumber)
                                    && Files.notExists(db);
                }
                if (ok) {
                    survived++;
                } else {
                    problems.add(malformation.getKey() + " at line " + lineNumber + ": " + err);
                }
            }
        }
        TABLE.add(
                new Row(
                        "malformed files, 17 kinds (" + refused + " refused by file and line)",
                        tried,
                        survived,
                        problems.size() + " unclear or unreadable"));
        assertEquals(List.of(), problems);
    }

    @Test
    @Order(4)
    void aFullDisk() throws Exception {
        if (!ConfinedFolders.available()) {
            TABLE.add(new Row("full disk: not tried (no mount namespaces here)", 0, 0, "-"));
            return;
        }
        Map<String, String> seen = DiskFullProbe.runOnSmallDisk(dir);
        String out = seen.get("output");
        long acknowledged = Long.parseLong(seen.getOrDefault("acknowledged_total", "0"));
        long found = Long.parseLong(seen.getOrDefault("annotations_found", "-1"));
        boolean refusedClearly =
                String.valueOf(CliErrors.FAILED).equals(seen.get("full_import_exit"))
                        && String.valueOf(CliErrors.FAILED).equals(seen.get("full_score_exit"))
                        && seen.getOrDefault("verdict_error", "")
                                .contains("disk holding the database is full");
        boolean recovered =
                "0".equals(seen.get("freed_import_exit"))
                        && "0".equals(seen.get("freed_score_exit"))
                        && "ok".equals(seen.get("integrity"));
        TABLE.add(
                new Row(
                        "full disk: import, score, verdicts, then space freed",
                        3,
                        (refusedClearly && recovered ? 3 : 0),
                        Math.max(0, acknowledged - found) + " of " + acknowledged + " verdicts"));
        assertEquals("0", seen.get("exit"), out);
        assertEquals(acknowledged, found, out);
        assertTrue(refusedClearly && recovered, out);
    }
}
