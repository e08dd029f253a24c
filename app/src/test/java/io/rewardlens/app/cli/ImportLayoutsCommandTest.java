package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewardlens import} on other layouts: what it says it detected, and --format. */
class ImportLayoutsCommandTest {
    @TempDir Path dir;

    @Test
    void theSummarySaysWhichLayoutWasDetectedAndWhy() throws Exception {
        Path db = dir.resolve("s.db");
        Path rb =
                Files.writeString(
                        dir.resolve("rb.jsonl"),
                        "{\"prompt\": \"hi\", \"chosen\": \"hello\", \"rejected\": \"bye\","
                                + " \"subset\": \"alpacaeval-easy\", \"id\": 3}\n");
        Cli.Result imported = Cli.run("import", "--db", db.toString(), rb.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("1 pair into dataset 'rb'"), imported.out());
        assertTrue(
                imported.out().contains("rb.jsonl: read as rewardbench (detected: string"),
                imported.out());

        // Without "subset" the same shape is TRL's; --format says which it is.
        Cli.Result forced =
                Cli.run(
                        "import",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "forced",
                        "--format",
                        "trl",
                        rb.toString());
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.out().contains("read as trl (--format)"), forced.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            StoredPair pair = store.pairs(PairQuery.all().withDataset("forced")).get(0);
            assertEquals(null, pair.pair().source()); // TRL has no subset
        }
    }

    @Test
    void labelStudioAnswersAreCountedAsVerdicts() throws Exception {
        Path db = dir.resolve("s.db");
        Path tasks =
                Files.writeString(
                        dir.resolve("tasks.json"),
                        "[{\"data\": {\"prompt\": \"p\", \"text1\": \"a\", \"text2\": \"b\"},"
                                + " \"annotations\": [{\"completed_by\": 5, \"result\": [{\"type\":"
                                + " \"pairwise\", \"value\": {\"selected\": \"left\"}}]}]}]");
        Cli.Result imported = Cli.run("import", "--db", db.toString(), tasks.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(
                imported.out().contains("tasks.json: 1 human verdict stored as annotations"),
                imported.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            List<StoredPair> pairs = store.pairs(PairQuery.all());
            assertEquals("5", store.annotations(pairs.get(0).id()).get(0).annotation().annotator());
        }
    }
}
