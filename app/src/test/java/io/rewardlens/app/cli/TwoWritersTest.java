package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.sampledata.SkyworkPairGenerator;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.charset.StandardCharsets;
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
 * Two writers and more, as real processes: this JVM gives verdicts the way the workbench does (a
 * write refused by a busy database waits and is tried again) while three command-line processes
 * import, score and import again into the same database. No verdict, pair or score may be lost,
 * every batch job finishes or says why, and SQLite's integrity check passes.
 */
class TwoWritersTest {
    /** Large enough that an import holds the write lock for a while on a small machine. */
    private static final int BIG_PAIRS = 3000;

    @TempDir Path dir;

    private static Process cli(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("io.rewardlens.app.RewardLensMain");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "a child did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void verdictsImportsAndScoringTogetherLoseNothing() throws Exception {
        Path model = SampleData.installDemoModel(dir.resolve("demo"));
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        Path big = dir.resolve("big.jsonl");
        SkyworkPairGenerator.write(big, BIG_PAIRS, 5);
        Path db = dir.resolve("shared.db");
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());

        Process firstImport =
                cli("import", "--db", db.toString(), "--dataset", "big", big.toString());
        Process scoring =
                cli(
                        "score",
                        "--db",
                        db.toString(),
                        "--model",
                        model.toString(),
                        "--dataset",
                        "samples");
        Process secondImport =
                cli("import", "--db", db.toString(), "--dataset", "big-again", big.toString());

        // Re-judge the sample pairs over and over until every child is done, so that verdicts
        // are written while the imports and the scoring hold or want the write lock.
        int busyWaits = 0;
        int writes = 0;
        List<StoredPair> pairs;
        Verdict[] last;
        try (PreferenceStore store = PreferenceStore.open(db)) {
            pairs = store.pairs(PairQuery.all().withDataset("samples"));
            last = new Verdict[pairs.size()];
            while (writes < pairs.size()
                    || firstImport.isAlive()
                    || scoring.isAlive()
                    || secondImport.isAlive()) {
                int i = writes % pairs.size();
                Verdict verdict =
                        writes / pairs.size() % 2 == 0 ? Verdict.A_BETTER : Verdict.B_BETTER;
                Annotation annotation =
                        new Annotation(
                                pairs.get(i).id(),
                                "workbench",
                                verdict,
                                2,
                                List.of(),
                                "",
                                Side.CHOSEN,
                                700,
                                Instant.now());
                while (true) {
                    try {
                        store.saveAnnotation(annotation);
                        break;
                    } catch (StoreBusyException busy) {
                        busyWaits++; // as the workbench's verdict writer: wait, try again
                        Thread.sleep(200);
                    }
                }
                last[i] = verdict;
                writes++;
                Thread.sleep(10); // a fast annotator's pace, far above a person's
            }
            for (int i = 0; i < pairs.size(); i++) {
                List<io.rewardlens.storage.StoredAnnotation> saved =
                        store.annotations(pairs.get(i).id());
                assertEquals(1, saved.size());
                assertEquals(
                        last[i], saved.get(0).annotation().verdict(), "the last verdict holds");
            }
        }
        String firstOut = finish(firstImport);
        String scoreOut = finish(scoring);
        String secondOut = finish(secondImport);
        assertTrue(firstOut.contains(BIG_PAIRS + " pairs into dataset 'big'"), firstOut);
        assertTrue(secondOut.contains(BIG_PAIRS + " pairs into dataset 'big-again'"), secondOut);

        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(64 + 2L * BIG_PAIRS, store.stats().pairs(), "every pair accounted for");
            assertEquals(pairs.size(), store.stats().annotations(), "no verdict lost");
            assertEquals(64, store.dataset("samples").orElseThrow().scoredPairs(), scoreOut);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rows.next());
            assertEquals("ok", rows.getString(1));
        }
        System.out.println(
                "two writers: "
                        + writes
                        + " verdict writes, "
                        + busyWaits
                        + " of them waited for a busy database");
    }
}
