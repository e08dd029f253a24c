package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTableTest {
    @TempDir Path dir;
    private Connection c;

    @BeforeEach
    void open() throws Exception {
        c = MigratedConnection.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    @Test
    void createsFindsAndRefusesATakenName() throws Exception {
        DatasetSummary a = DatasetTable.create(c, "a", "a.jsonl");
        long b = DatasetTable.insert(c, "b", null, null);
        assertEquals(a.id(), DatasetTable.id(c, "a"));
        assertEquals(b, DatasetTable.id(c, "b"));
        assertEquals("a.jsonl", a.origin());
        assertEquals(0, a.pairs());
        assertThrows(
                DatasetExistsException.class, () -> DatasetTable.insert(c, "a", "again", null));
        StoreException missing = assertThrows(StoreException.class, () -> DatasetTable.id(c, "z"));
        assertTrue(missing.getMessage().contains("'z'"));
    }

    @Test
    void summarizesPairsAnnotationsAndScoresPerDataset() throws Exception {
        DatasetTable.insert(c, "a", null, null);
        DatasetTable.insert(c, "b", null, null);
        StoredPair first = PairTable.add(c, "a", PreferenceStoreTest.pair(1, "s", "q1"));
        PairTable.add(c, "a", PreferenceStoreTest.pair(2, "s", "q2"));
        PairTable.add(c, "a", PreferenceStoreTest.pair(3, "s", "q3"));
        AnnotationTable.save(
                c, PreferenceStoreTest.verdict(first.id(), "ann", Verdict.TIE, Side.CHOSEN));

        List<DatasetSummary> all = DatasetTable.summaries(c, null);
        assertEquals(List.of("a", "b"), all.stream().map(DatasetSummary::name).toList());
        assertEquals(3, all.get(0).pairs());
        assertEquals(1, all.get(0).annotatedPairs());
        assertEquals(0, all.get(0).scoredPairs());
        assertEquals(0, all.get(1).pairs());
        assertEquals(List.of(all.get(1)), DatasetTable.summaries(c, "b"));
        assertEquals(List.of(), DatasetTable.summaries(c, "nope"));
    }

    @Test
    void deletesADatasetWithItsPairs() throws Exception {
        DatasetTable.insert(c, "a", null, null);
        StoredPair pair = PairTable.add(c, "a", PreferenceStoreTest.pair(1, "s", "q"));
        assertTrue(DatasetTable.delete(c, "a"));
        assertFalse(DatasetTable.delete(c, "a"));
        assertFalse(PairTable.exists(c, pair.id()));
    }
}
