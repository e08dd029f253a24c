package io.rewardlens.app.cli;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.sampledata.SkyworkPairGenerator;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreFullException;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.testsupport.ConfinedFolders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs in a child process whose folder is a small disk (see {@code ConfinedFolders.smallDisk}): it
 * imports, fills the disk, then imports, scores and gives verdicts on the full disk, frees the
 * space and does it all again. It prints what happened as {@code key=value} lines, since the small
 * disk and everything on it vanish with the process.
 *
 * <p>Arguments: the small disk's folder, a small and a large Skywork JSONL file (outside it) and
 * the demo model's folder.
 */
public final class DiskFullProbe {
    private DiskFullProbe() {}

    /**
     * Runs the probe on a 48 MiB disk in a folder of {@code dir}, with its inputs beside it.
     *
     * @return what the probe printed, key by key; {@code "output"} holds it all and {@code "exit"}
     *     the probe's exit code
     */
    static Map<String, String> runOnSmallDisk(Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Path samples = SampleData.writeSamplePairs(dir.resolve("disk-samples.jsonl"));
        Path big = dir.resolve("disk-big.jsonl");
        SkyworkPairGenerator.write(big, 3000, 11);
        Path model = SampleData.installDemoModel(dir.resolve("disk-demo"));
        Process probe =
                ConfinedFolders.smallDisk(
                                disk,
                                48L << 20,
                                ConfinedFolders.java(
                                        DiskFullProbe.class.getName(),
                                        disk.toString(),
                                        samples.toString(),
                                        big.toString(),
                                        model.toString()))
                        .redirectErrorStream(true)
                        .start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the disk-full probe did not finish: " + out);
        }
        Map<String, String> seen = new HashMap<>();
        out.lines()
                .filter(line -> line.contains("="))
                .forEach(
                        line ->
                                seen.put(
                                        line.substring(0, line.indexOf('=')),
                                        line.substring(line.indexOf('=') + 1)));
        seen.put("output", out);
        seen.put("exit", String.valueOf(probe.exitValue()));
        return seen;
    }

    public static void main(String[] args) throws Exception {
        Path disk = Path.of(args[0]);
        String small = args[1];
        String big = args[2];
        String model = args[3];
        Path db = disk.resolve("store.db");
        report(
                "first_import",
                Cli.run("import", "--db", db.toString(), "--dataset", "kept", small));

        Path ballast = disk.resolve("ballast");
        fill(ballast, 2 * 1024 * 1024);
        report("full_import", Cli.run("import", "--db", db.toString(), "--dataset", "big", big));

        long acknowledged = 0;
        String verdictError = "never full";
        try (PreferenceStore store = PreferenceStore.open(db)) {
            List<StoredPair> pairs = store.pairs(PairQuery.all().withDataset("kept"));
            String rationale = "r".repeat(4096);
            outer:
            for (int round = 0; round < 50; round++) {
                for (StoredPair pair : pairs) {
                    try {
                        store.saveAnnotation(verdict(pair.id(), "ann" + round, rationale));
                        acknowledged++;
                    } catch (StoreFullException full) {
                        verdictError = full.getMessage();
                        break outer;
                    }
                }
            }
        }
        System.out.println("acknowledged=" + acknowledged);
        System.out.println("verdict_error=" + verdictError);
        report(
                "full_score",
                Cli.run("score", "--db", db.toString(), "--model", model, "--dataset", "kept"));

        Files.delete(ballast);
        try (PreferenceStore store = PreferenceStore.open(db)) {
            StoredPair first = store.pairs(PairQuery.all().withDataset("kept")).get(0);
            store.saveAnnotation(verdict(first.id(), "after", "space again"));
            acknowledged++;
        }
        report(
                "freed_score",
                Cli.run("score", "--db", db.toString(), "--model", model, "--dataset", "kept"));
        report("freed_import", Cli.run("import", "--db", db.toString(), "--dataset", "big", big));

        try (PreferenceStore store = PreferenceStore.open(db)) {
            System.out.println("acknowledged_total=" + acknowledged);
            System.out.println("annotations_found=" + store.stats().annotations());
            System.out.println(
                    "datasets="
                            + String.join(
                                    ",",
                                    store.datasets().stream()
                                            .map(d -> d.name() + ":" + d.pairs())
                                            .toList()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            System.out.println("integrity=" + rows.getString(1));
        }
    }

    private static Annotation verdict(long pairId, String annotator, String rationale) {
        return new Annotation(
                pairId,
                annotator,
                Verdict.A_BETTER,
                1,
                List.of(),
                rationale,
                Side.CHOSEN,
                1000,
                Instant.now());
    }

    /** Writes a file until the disk is full, then gives back {@code leave} bytes of it. */
    private static void fill(Path ballast, long leave) throws IOException {
        byte[] block = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            // The disk is full.
        }
        try (var channel =
                java.nio.channels.FileChannel.open(
                        ballast, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, Files.size(ballast) - leave));
        }
        System.out.println("ballast_bytes=" + written);
    }

    private static void report(String step, Cli.Result result) {
        System.out.println(step + "_exit=" + result.exit());
        System.out.println(step + "_err=" + result.err().strip().replace('\n', '|'));
    }
}
