package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairTableTest {
    @TempDir Path dir;
    private Connection c;

    @BeforeEach
    void open() throws Exception {
        c = MigratedConnection.open(dir);
        DatasetTable.insert(c, "d", null, null);
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    @Test
    void addsAndFindsAPairWithItsParent() throws Exception {
        StoredPair parent = PairTable.add(c, "d", PreferenceStoreTest.pair(1, "s", "q"));
        StoredPair child =
                PairTable.add(
                        c, "d", PreferenceStoreTest.pair(1, "s", "edited").withParent(parent.id()));
        StoredPair found = PairTable.find(c, child.id()).orElseThrow();
        assertEquals("d", found.dataset());
        assertEquals(parent.id(), found.pair().parentPairId());
        assertEquals("good edited", found.pair().chosen().get(0).content());
        assertTrue(PairTable.exists(c, parent.id()));
        assertEquals(Optional.empty(), PairTable.find(c, child.id() + 100));

        assertThrows(
                StoreException.class,
                () -> PairTable.add(c, "d", PreferenceStoreTest.pair(2, "s", "x").withParent(999)));
        assertThrows(
                StoreException.class,
                () -> PairTable.add(c, "nope", PreferenceStoreTest.pair(2, "s", "x")));
        assertFalse(PairTable.exists(c, 999));
    }

    @Test
    void selectsCountsAndWalksUnannotatedPairsInImportOrder() throws Exception {
        StoredPair third = PairTable.add(c, "d", PreferenceStoreTest.pair(3, "b", "q3"));
        StoredPair first = PairTable.add(c, "d", PreferenceStoreTest.pair(1, "a", "q1"));
        StoredPair second = PairTable.add(c, "d", PreferenceStoreTest.pair(2, "a", "q2"));
        AnnotationTable.save(
                c, PreferenceStoreTest.verdict(second.id(), "ann", Verdict.SKIP, Side.CHOSEN));

        assertEquals(
                List.of(first.id(), second.id(), third.id()),
                PairTable.select(c, PairQuery.all()).stream().map(StoredPair::id).toList());
        assertEquals(2, PairTable.count(c, PairQuery.all().withSources(java.util.Set.of("a"))));
        assertEquals(
                first.id(),
                PairTable.nextUnannotated(c, "d", Long.MIN_VALUE, Long.MIN_VALUE)
                        .orElseThrow()
                        .id());
        assertEquals(
                third.id(),
                PairTable.nextUnannotated(c, "d", 1, first.id()).orElseThrow().id(),
                "the annotated second pair is passed over");
        assertEquals(Optional.empty(), PairTable.nextUnannotated(c, "d", 3, third.id()));

        assertEquals(
                List.of(new SourceSummary("a", 2, 1, 0), new SourceSummary("b", 1, 0, 0)),
                PairTable.sourceSummaries(c));
    }
}
