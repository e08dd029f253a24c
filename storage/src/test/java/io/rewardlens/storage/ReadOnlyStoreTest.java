package io.rewardlens.storage;

import static io.rewardlens.storage.PreferenceStoreTest.importPairs;
import static io.rewardlens.storage.PreferenceStoreTest.modelInfo;
import static io.rewardlens.storage.PreferenceStoreTest.pair;
import static io.rewardlens.storage.PreferenceStoreTest.verdict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store opened read-only: everything reads, every write is refused, the file stays as it was. */
class ReadOnlyStoreTest {
    @TempDir Path dir;

    private Path storeWithOneAnnotatedPair() {
        Path file = dir.resolve("shared.db");
        try (PreferenceStore store = PreferenceStore.open(file)) {
            List<StoredPair> pairs =
                    importPairs(store, "kept", pair(1, "s", "first"), pair(2, "s", "second"));
            store.saveAnnotation(verdict(pairs.get(0).id(), "ann", Verdict.A_BETTER, Side.CHOSEN));
            store.registerModel(modelInfo("known"));
        }
        return file;
    }

    @Test
    void readsEverythingAndRefusesEveryWriteLeavingTheFileAsItWas() throws Exception {
        Path file = storeWithOneAnnotatedPair();
        byte[] before = Files.readAllBytes(file);
        try (PreferenceStore store = PreferenceStore.openReadOnly(file)) {
            assertEquals(Optional.of("opened read-only"), store.readOnlyReason());
            assertEquals(2, store.stats().pairs());
            StoredPair first = store.pairs(PairQuery.all().withDataset("kept")).get(0);
            assertEquals(1, store.annotations(first.id()).size());

            StoreReadOnlyException refused =
                    assertThrows(
                            StoreReadOnlyException.class,
                            () ->
                                    store.saveAnnotation(
                                            verdict(
                                                    first.id(),
                                                    "ann",
                                                    Verdict.B_BETTER,
                                                    Side.CHOSEN)));
            assertTrue(
                    refused.getMessage().contains(file.toString())
                            && refused.getMessage()
                                    .contains("the database is read-only (opened read-only)"),
                    refused.getMessage());
            assertThrows(StoreReadOnlyException.class, () -> store.beginImport("new", null));
            assertThrows(StoreReadOnlyException.class, store::beginVerdictMerge);
            assertThrows(StoreReadOnlyException.class, () -> store.deleteDataset("kept"));
            assertThrows(StoreReadOnlyException.class, () -> store.putSetting("k", "v"));

            // A model scores in memory: the registration found, or one that is in no table.
            assertEquals("known", store.registerModel(modelInfo("known")).info().name());
            StoredModel unknown = store.registerModel(modelInfo("unknown"));
            assertEquals(PreferenceStore.UNREGISTERED_MODEL_ID, unknown.id());
            assertEquals(1, store.models().size());
            assertEquals(1, store.annotations(first.id()).size());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aWritableStoreHasNoReadOnlyReason() {
        try (PreferenceStore store = PreferenceStore.open(storeWithOneAnnotatedPair())) {
            assertEquals(Optional.empty(), store.readOnlyReason());
        }
    }

    @Test
    void refusesAMissingFileAndAnOlderSchemaItCannotUpgrade() throws Exception {
        StoreException missing =
                assertThrows(
                        StoreException.class,
                        () -> PreferenceStore.openReadOnly(dir.resolve("absent.db")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        assertTrue(Files.notExists(dir.resolve("absent.db")));

        Path file = storeWithOneAnnotatedPair();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (SchemaMigrations.LATEST_VERSION - 1));
        }
        StoreException older =
                assertThrows(StoreException.class, () -> PreferenceStore.openReadOnly(file));
        assertTrue(
                older.getMessage().contains("written by an older RewardLens")
                        && older.getMessage().contains("open it once where it can be written"),
                older.getMessage());
    }
}
