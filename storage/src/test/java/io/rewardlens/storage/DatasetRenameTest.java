package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renaming a dataset keeps its pairs and annotations and never takes another's name. */
class DatasetRenameTest {
    @TempDir Path dir;

    @Test
    void aRenamedDatasetKeepsItsPairsAndAnnotations() {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("r.db"))) {
            List<StoredPair> pairs =
                    PreferenceStoreTest.importPairs(
                            store,
                            "old",
                            PreferenceStoreTest.pair(1, "s", "q1"),
                            PreferenceStoreTest.pair(2, "s", "q2"));
            store.saveAnnotation(
                    new Annotation(
                            pairs.get(0).id(),
                            "ann",
                            Verdict.A_BETTER,
                            1,
                            List.of(),
                            "",
                            Side.CHOSEN,
                            10,
                            Instant.now()));
            PreferenceStoreTest.importPairs(store, "other", PreferenceStoreTest.pair(1, "s", "q"));

            assertTrue(store.renameDataset("old", "new"));
            assertTrue(store.dataset("old").isEmpty());
            DatasetSummary renamed = store.dataset("new").orElseThrow();
            assertEquals(2, renamed.pairs());
            assertEquals(1, renamed.annotatedPairs());

            DatasetExistsException taken =
                    assertThrows(
                            DatasetExistsException.class,
                            () -> store.renameDataset("new", "other"));
            assertEquals("other", taken.dataset());
            assertEquals(2, store.dataset("new").orElseThrow().pairs());
            assertEquals(1, store.dataset("other").orElseThrow().pairs());

            assertFalse(store.renameDataset("absent", "whatever"));
            assertTrue(store.dataset("whatever").isEmpty());
        }
    }
}
