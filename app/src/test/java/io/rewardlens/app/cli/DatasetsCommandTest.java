package io.rewardlens.app.cli;

import static io.rewardlens.testsupport.ConstructedStore.addPair;
import static io.rewardlens.testsupport.ConstructedStore.model;
import static io.rewardlens.testsupport.ConstructedStore.prefers;
import static io.rewardlens.testsupport.ConstructedStore.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreStats;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewardlens datasets list|rename|delete} on a real SQLite store. */
class DatasetsCommandTest {
    @TempDir Path dir;

    private Path db;

    /** Dataset "work": 3 pairs, 1 annotated, 2 scored; dataset "keep": 1 annotated, scored pair. */
    @BeforeEach
    void aStoreWithTwoDatasets() {
        db = dir.resolve("r.db");
        try (PreferenceStore store = PreferenceStore.open(db)) {
            StoredModel model = model(store, "m");
            StoredPair first = addPair(store, "work", 1, "s", "yes", "no");
            StoredPair second = addPair(store, "work", 2, "s", "yes!", "no!");
            addPair(store, "work", 3, "s", "fine", "bad");
            StoredPair kept = addPair(store, "keep", 1, "t", "a", "b");
            prefers(store, first, "ann", Side.CHOSEN);
            prefers(store, kept, "ann", Side.REJECTED);
            store.saveScores(
                    List.of(
                            score(first, model, 1, 0),
                            score(second, model, 0, 1),
                            score(kept, model, 2, 1)));
        }
    }

    private String lineOf(String out, String dataset) {
        return out.lines()
                .filter(line -> line.startsWith(dataset + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + dataset + " in\n" + out));
    }

    @Test
    void listShowsEachDatasetWithItsCountsAndSource() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("samples.jsonl"));
        assertEquals(0, Cli.run("import", "--db", db.toString(), samples.toString()).exit());

        Cli.Result listed = Cli.run("datasets", "list", "--db", db.toString());
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().startsWith("dataset "), listed.out());
        assertTrue(lineOf(listed.out(), "work").matches("work\\s+3\\s+1\\s+2\\s+constructed"));
        assertTrue(lineOf(listed.out(), "keep").matches("keep\\s+1\\s+1\\s+1\\s+constructed"));
        assertTrue(
                lineOf(listed.out(), "samples")
                        .matches("samples\\s+64\\s+0\\s+0\\s+" + samples.toAbsolutePath()),
                listed.out());
    }

    @Test
    void renameKeepsEverythingAndRefusesATakenName() {
        Cli.Result taken = Cli.run("datasets", "rename", "--db", db.toString(), "work", "keep");
        assertEquals(CliErrors.REFUSED, taken.exit());
        assertTrue(
                taken.err().startsWith("rewardlens: there already is a dataset named 'keep'"),
                taken.err());
        assertEquals(1, taken.err().lines().count(), taken.err());

        Cli.Result unknown = Cli.run("datasets", "rename", "--db", db.toString(), "nope", "x");
        assertEquals(CliErrors.REFUSED, unknown.exit());
        assertTrue(unknown.err().contains("no dataset 'nope'"), unknown.err());
        assertTrue(unknown.err().contains("datasets there: work, keep"), unknown.err());

        Cli.Result renamed = Cli.run("datasets", "rename", "--db", db.toString(), "work", "done");
        assertEquals(0, renamed.exit(), renamed.err());
        assertEquals("dataset 'work' is now named 'done'\n", renamed.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertTrue(store.dataset("work").isEmpty());
            DatasetSummary done = store.dataset("done").orElseThrow();
            assertEquals(
                    List.of(3L, 1L, 2L),
                    List.of(done.pairs(), done.annotatedPairs(), done.scoredPairs()));
            assertEquals(1, store.dataset("keep").orElseThrow().pairs());
        }
    }

    @Test
    void deleteRemovesTheDatasetWithItsPairsAnnotationsAndScoresOnly() {
        Cli.Result unknown = Cli.run("datasets", "delete", "--db", db.toString(), "nope");
        assertEquals(CliErrors.REFUSED, unknown.exit());
        assertTrue(unknown.err().startsWith("rewardlens: no dataset 'nope'"), unknown.err());

        Cli.Result deleted = Cli.run("datasets", "delete", "--db", db.toString(), "work");
        assertEquals(0, deleted.exit(), deleted.err());
        assertEquals("deleted dataset 'work': 3 pairs, 1 annotated, 2 scored\n", deleted.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            StoreStats stats = store.stats();
            assertEquals(1, stats.datasets());
            assertEquals(1, stats.pairs());
            assertEquals(1, stats.annotations());
            assertEquals(1, stats.scoredPairs());
            assertTrue(store.dataset("work").isEmpty());
        }
        Cli.Result again = Cli.run("datasets", "delete", "--db", db.toString(), "work");
        assertEquals(CliErrors.REFUSED, again.exit());
    }

    @Test
    void theImportRefusalForATakenNameLeadsHere() throws Exception {
        Path samples = SampleData.writeSamplePairs(dir.resolve("work.jsonl"));
        Cli.Result refused = Cli.run("import", "--db", db.toString(), samples.toString());
        assertEquals(CliErrors.REFUSED, refused.exit());
        assertTrue(refused.err().contains("'rewardlens datasets delete work'"), refused.err());

        assertEquals(0, Cli.run("datasets", "delete", "--db", db.toString(), "work").exit());
        Cli.Result imported = Cli.run("import", "--db", db.toString(), samples.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("64 pairs into dataset 'work'"), imported.out());
    }

    @Test
    void withoutASubcommandItSaysWhichThereAre() {
        Cli.Result bare = Cli.run("datasets");
        assertEquals(CliErrors.REFUSED, bare.exit());
        List<String> lines = bare.err().lines().toList();
        assertEquals(
                "rewardlens: datasets needs a subcommand: list, rename or delete; see"
                        + " 'rewardlens datasets --help'",
                lines.get(lines.size() - 1));
    }
}
