package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreTableTest {
    @TempDir Path dir;
    private Connection c;
    private long inA;
    private long inB;
    private long model;

    @BeforeEach
    void open() throws Exception {
        c = MigratedConnection.open(dir);
        DatasetTable.insert(c, "a", null, null);
        DatasetTable.insert(c, "b", null, null);
        inA = PairTable.add(c, "a", PreferenceStoreTest.pair(1, "s", "q")).id();
        inB = PairTable.add(c, "b", PreferenceStoreTest.pair(1, "s", "q")).id();
        model = ModelTable.register(c, PreferenceStoreTest.modelInfo("m")).id();
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    @Test
    void savesReplacesAndFindsScoresWithTheirTokenDetail() throws Exception {
        PairScore first =
                new PairScore(
                        inA,
                        model,
                        1.5,
                        -0.5,
                        new float[] {0.25f, 1.5f},
                        new float[] {-0.5f},
                        PreferenceStoreTest.score(inA, model, 0, 0).provenance());
        ScoreTable.saveAll(c, List.of(first));
        PairScore found = ScoreTable.find(c, inA, model).orElseThrow();
        assertEquals(1.5, found.chosenScore());
        assertEquals(List.of(0.25f, 1.5f), floats(found.chosenTokenScores()));

        ScoreTable.saveAll(c, List.of(PreferenceStoreTest.score(inA, model, 3, 4)));
        assertEquals(4.0, ScoreTable.find(c, inA, model).orElseThrow().rejectedScore());
        assertEquals(Optional.empty(), ScoreTable.find(c, inB, model));
    }

    @Test
    void refusesAScoreOfAMissingPairOrModel() {
        StoreException e =
                assertThrows(
                        StoreException.class,
                        () ->
                                ScoreTable.saveAll(
                                        c,
                                        List.of(PreferenceStoreTest.score(inA, model + 7, 1, 0))));
        assertTrue(e.getMessage().contains("no such pair or model"), e.getMessage());
    }

    @Test
    void streamsOneModelsScoresOfTheChosenDatasets() throws Exception {
        long other = ModelTable.register(c, PreferenceStoreTest.modelInfo("other")).id();
        ScoreTable.saveAll(
                c,
                List.of(
                        PreferenceStoreTest.score(inB, model, 2, 0),
                        PreferenceStoreTest.score(inA, model, 1, 0),
                        PreferenceStoreTest.score(inA, other, 9, 0)));
        List<Long> all = new ArrayList<>();
        ScoreTable.forEach(c, model, Set.of(), s -> all.add(s.pairId()));
        assertEquals(List.of(inA, inB), all);
        List<Double> ofB = new ArrayList<>();
        ScoreTable.forEach(c, model, Set.of("b"), s -> ofB.add(s.chosenScore()));
        assertEquals(List.of(2.0), ofB);
    }

    private static List<Float> floats(float[] values) {
        List<Float> list = new ArrayList<>();
        for (float value : values) {
            list.add(value);
        }
        return list;
    }
}
