package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationTableTest {
    @TempDir Path dir;
    private Connection c;
    private long pairId;

    @BeforeEach
    void open() throws Exception {
        c = MigratedConnection.open(dir);
        DatasetTable.insert(c, "d", null, null);
        pairId = PairTable.add(c, "d", PreferenceStoreTest.pair(1, "s", "q")).id();
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    @Test
    void savesOneVerdictPerAnnotatorAndReadsThemBackOldestFirst() throws Exception {
        Annotation late =
                new Annotation(
                        pairId,
                        "zoe",
                        Verdict.B_BETTER,
                        null,
                        List.of("style", "length"),
                        "",
                        Side.REJECTED,
                        10,
                        Instant.parse("2026-03-01T00:00:00Z"));
        StoredAnnotation zoe = AnnotationTable.save(c, late);
        StoredAnnotation ann =
                AnnotationTable.save(
                        c, PreferenceStoreTest.verdict(pairId, "ann", Verdict.TIE, Side.CHOSEN));
        assertEquals(List.of(ann, zoe), AnnotationTable.ofPair(c, pairId));

        StoredAnnotation replaced =
                AnnotationTable.save(
                        c,
                        PreferenceStoreTest.verdict(pairId, "ann", Verdict.A_BETTER, Side.CHOSEN));
        assertEquals(ann.id(), replaced.id(), "saving again keeps the id");
        assertEquals(
                List.of(Verdict.A_BETTER, Verdict.B_BETTER),
                AnnotationTable.ofPair(c, pairId).stream()
                        .map(a -> a.annotation().verdict())
                        .toList());
        assertEquals(late, AnnotationTable.ofPair(c, pairId).get(1).annotation());
    }

    @Test
    void aReplacedVerdictIsKeptInTheHistoryUnlessItWasTheSame() throws Exception {
        Annotation first = PreferenceStoreTest.verdict(pairId, "ann", Verdict.TIE, Side.CHOSEN);
        AnnotationTable.save(c, first);
        AnnotationTable.save(c, first);
        assertEquals(List.of(), AnnotationTable.historyOfPair(c, pairId), "nothing was replaced");

        Annotation second =
                PreferenceStoreTest.verdict(pairId, "ann", Verdict.B_BETTER, Side.REJECTED);
        AnnotationTable.save(c, second);
        assertEquals(List.of(first), AnnotationTable.historyOfPair(c, pairId));
        assertEquals(second, AnnotationTable.ofPair(c, pairId).get(0).annotation());
    }

    @Test
    void deletesAndRefusesAMissingPair() throws Exception {
        StoredAnnotation saved =
                AnnotationTable.save(
                        c, PreferenceStoreTest.verdict(pairId, "ann", Verdict.SKIP, Side.CHOSEN));
        assertTrue(AnnotationTable.delete(c, saved.id()));
        assertFalse(AnnotationTable.delete(c, saved.id()));
        assertEquals(List.of(), AnnotationTable.ofPair(c, pairId));
        assertThrows(
                StoreException.class,
                () ->
                        AnnotationTable.save(
                                c,
                                PreferenceStoreTest.verdict(
                                        pairId + 1, "ann", Verdict.SKIP, Side.CHOSEN)));
    }
}
