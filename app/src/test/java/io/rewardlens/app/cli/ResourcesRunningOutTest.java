package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rewardlens.app.RewardLensMain;
import io.rewardlens.sampledata.SampleData;
import io.rewardlens.testsupport.ConfinedFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database on a read-only file system and on a disk that fills up, for real: the commands run
 * in child processes that see the folder as a read-only mount or as a small tmpfs (see {@link
 * ConfinedFolders}). Every refusal is one clear line, nothing acknowledged is lost, and the
 * database works again once there is space.
 */
class ResourcesRunningOutTest {
    @TempDir Path dir;

    @BeforeAll
    static void needsMountNamespaces() {
        assumeTrue(
                ConfinedFolders.available(),
                "this kernel gives no unprivileged mount namespaces (unshare --user --mount)");
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        // Read both streams fully before waiting: a child blocked on a full pipe never ends.
        var err = process.getErrorStream();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String error = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the child did not finish: " + out);
        return new Result(process.exitValue(), out, error);
    }

    private record Result(int exit, String out, String err) {}

    private static List<String> cli(String... args) {
        return ConfinedFolders.java(RewardLensMain.class.getName(), args);
    }

    @Test
    void aDatabaseOnAReadOnlyFileSystemIsReadAndNeverWritten() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path db = data.resolve("shared.db");
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());
        byte[] before = Files.readAllBytes(db);

        Result stats = run(ConfinedFolders.readOnly(data, cli("stats", "--db", db.toString())));
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("64"), stats.out());

        Result imported =
                run(
                        ConfinedFolders.readOnly(
                                data,
                                cli(
                                        "import",
                                        "--db",
                                        db.toString(),
                                        "--dataset",
                                        "more",
                                        samples.toString())));
        assertEquals(CliErrors.REFUSED, imported.exit(), imported.err());
        assertEquals(
                "rewardlens: cannot import into more in "
                        + db
                        + ": the database is read-only (it is on a read-only file system)",
                imported.err().strip());

        Path fresh = data.resolve("fresh.db");
        Result created =
                run(
                        ConfinedFolders.readOnly(
                                data, cli("import", "--db", fresh.toString(), samples.toString())));
        assertEquals(CliErrors.REFUSED, created.exit(), created.err());
        assertTrue(
                created.err().strip().startsWith("rewardlens: cannot create store " + fresh)
                        && created.err().contains("its folder " + data + " is not writable")
                        && created.err().strip().lines().count() == 1,
                created.err());

        assertArrayEquals(before, Files.readAllBytes(db));
        assertTrue(Files.notExists(fresh));
    }

    @Test
    void aFullDiskRefusesClearlyLosesNothingAndWorksAgainOnceSpaceIsFreed() throws Exception {
        Map<String, String> seen = DiskFullProbe.runOnSmallDisk(dir);
        String all = seen.get("output");
        assertEquals("0", seen.get("exit"), all);

        assertEquals("0", seen.get("first_import_exit"), all);
        assertEquals(String.valueOf(CliErrors.FAILED), seen.get("full_import_exit"), all);
        assertTrue(
                seen.get("full_import_err").startsWith("rewardlens: ")
                        && seen.get("full_import_err")
                                .contains("the disk holding the database is full")
                        && !seen.get("full_import_err").contains("|"),
                all);
        assertTrue(
                seen.get("verdict_error").contains("the disk holding the database is full"), all);
        assertTrue(Long.parseLong(seen.get("acknowledged")) > 0, all);
        assertEquals(String.valueOf(CliErrors.FAILED), seen.get("full_score_exit"), all);
        assertTrue(
                seen.get("full_score_err").contains("the disk holding the database is full"), all);

        assertEquals("0", seen.get("freed_score_exit"), all);
        assertEquals("0", seen.get("freed_import_exit"), all);
        assertEquals(seen.get("acknowledged_total"), seen.get("annotations_found"), all);
        assertEquals("kept:64,big:3000", seen.get("datasets"), all);
        assertEquals("ok", seen.get("integrity"), all);
    }
}
