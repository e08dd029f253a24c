package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTableTest {
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
    void registersOncePerRunIdentityAndFollowsARename() throws Exception {
        RewardModelInfo info = PreferenceStoreTest.modelInfo("m");
        StoredModel first = ModelTable.register(c, info);
        RewardModelInfo renamed =
                new RewardModelInfo(
                        info.bundleHash(),
                        "renamed",
                        info.dtype(),
                        info.device(),
                        info.engineVersion(),
                        info.templateHash());
        StoredModel again = ModelTable.register(c, renamed);
        assertEquals(first.id(), again.id());
        assertEquals(first.registeredAt(), again.registeredAt());
        RewardModelInfo onGpu =
                new RewardModelInfo(
                        info.bundleHash(),
                        "m",
                        info.dtype(),
                        "cuda",
                        info.engineVersion(),
                        info.templateHash());
        StoredModel gpu = ModelTable.register(c, onGpu);

        assertEquals(
                List.of("renamed", "m"),
                ModelTable.list(c, null).stream().map(m -> m.info().name()).toList());
        assertEquals(List.of(gpu), ModelTable.list(c, gpu.id()));
        assertEquals(List.of(), ModelTable.list(c, gpu.id() + 1));
    }

    @Test
    void listsTheModelsThatScoredPairsOfTheDatasets() throws Exception {
        DatasetTable.insert(c, "a", null, null);
        DatasetTable.insert(c, "b", null, null);
        long inA = PairTable.add(c, "a", PreferenceStoreTest.pair(1, "s", "q")).id();
        StoredModel scoresA = ModelTable.register(c, PreferenceStoreTest.modelInfo("x"));
        ModelTable.register(c, PreferenceStoreTest.modelInfo("idle"));
        ScoreTable.saveAll(c, List.of(PreferenceStoreTest.score(inA, scoresA.id(), 1, 0)));
        assertEquals(List.of(scoresA), ModelTable.scored(c, Set.of()));
        assertEquals(List.of(scoresA), ModelTable.scored(c, Set.of("a", "b")));
        assertEquals(List.of(), ModelTable.scored(c, Set.of("b")));
    }
}
