package io.rewardlens.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.testsupport.FixtureBundles;
import io.rewardlens.ui.annotate.TestBench;
import io.rewardlens.ui.task.BackgroundExecutor;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models panel without the toolkit, on a real SQLite store of the sample pairs with two real
 * models: the demo model (tiny-qwen3) as the pair view's, and the tiny-llama3 fixture loaded into
 * the panel. Scores saved by its jobs are checked against the models run directly.
 */
class ModelsViewModelTest {
    private static final String LLAMA = "tiny-llama3";

    @TempDir Path dir;

    private PreferenceStore store;
    private ScoringContext pairView;
    private final List<String> errors = new ArrayList<>();
    private final List<String> switched = new ArrayList<>();
    private int scoreChanges;
    private ModelsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = TestBench.sampleStore(dir);
        pairView = TestBench.scoring(store);
        vm = panel(new DirectExecutor());
    }

    private ModelsViewModel panel(BackgroundExecutor executor) {
        ModelsViewModel panel =
                new ModelsViewModel(
                        executor,
                        errors::add,
                        FixtureBundles::load,
                        (directory, device) -> switched.add(directory + " on " + device),
                        () -> scoreChanges++);
        panel.setStore(store);
        panel.setPairViewScoring(pairView);
        return panel;
    }

    @AfterEach
    void close() {
        vm.close();
        pairView.service().close();
        store.close();
    }

    private ModelRow llamaRow() {
        return vm.modelsProperty().get().stream()
                .filter(row -> !row.pairView())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void scoresTheSampleDatasetWithBothModelsIntoTheStore() throws Exception {
        assertEquals(1, vm.modelsProperty().get().size());
        ModelRow demo = vm.modelsProperty().get().get(0);
        assertTrue(demo.pairView());
        assertEquals("pair view", demo.role());
        assertEquals(pairView.model().id(), demo.storedModelId());

        Path llamaDir = FixtureBundles.bundle(LLAMA);
        vm.addModel(llamaDir, DeviceChoice.CPU);
        assertEquals(List.of(), errors);
        assertFalse(vm.loadingProperty().get());
        ModelRow llama = llamaRow();
        assertEquals(LLAMA, llama.name());
        assertEquals("cpu", llama.device());
        assertTrue(llama.engine().contains("PyTorch"), llama.engine());
        assertEquals(llamaDir, llama.directory());
        assertNotNull(llama.storedModelId());
        assertNotEquals(demo.storedModelId(), llama.storedModelId());
        assertEquals(LLAMA, store.model(llama.storedModelId()).orElseThrow().info().name());

        vm.scoreDataset(TestBench.SAMPLE);
        List<StoredPair> pairs = store.pairs(PairQuery.all());
        List<ScoringJob> jobs = vm.jobsProperty().get();
        assertEquals(2, jobs.size());
        for (ScoringJob job : jobs) {
            assertEquals(ScoringJob.State.DONE, job.stateProperty().get(), job.title());
            DatasetScoring.Report report = job.reportProperty().get();
            assertEquals(pairs.size(), report.considered());
            assertEquals(pairs.size(), report.scored());
            assertEquals(0, report.failed());
            assertEquals(1.0, job.progressProperty().get());
            assertEquals(
                    "scored " + pairs.size() + " of " + pairs.size() + " pairs (0 scored before)",
                    job.messageProperty().get());
        }
        assertEquals("tiny-llama3 (cpu) on \u201csample\u201d", jobs.get(1).title());
        assertEquals(2, scoreChanges);
        for (StoredPair pair : pairs) {
            assertTrue(store.score(pair.id(), demo.storedModelId()).isPresent());
            assertTrue(store.score(pair.id(), llama.storedModelId()).isPresent());
        }

        // The saved scores are the models' own, run directly outside the panel.
        try (RewardModel direct = FixtureBundles.load(llamaDir, DeviceChoice.CPU)) {
            for (StoredPair pair : List.of(pairs.get(0), pairs.get(17), pairs.get(63))) {
                PairScore demoScore = store.score(pair.id(), demo.storedModelId()).orElseThrow();
                assertEquals(
                        TestBench.directScore(PairConversations.of(pair.pair(), Side.CHOSEN)),
                        demoScore.chosenScore(),
                        1e-5);
                PairScore llamaScore = store.score(pair.id(), llama.storedModelId()).orElseThrow();
                for (Side side : Side.values()) {
                    double expected =
                            direct.score(
                                            PairConversations.of(pair.pair(), side),
                                            ScoringContext.LENGTH_POLICY)
                                    .score();
                    assertEquals(expected, llamaScore.score(side), 1e-5, side + " " + pair.id());
                }
            }
        }

        // Scoring again finds everything scored.
        vm.scoreDataset(llama, TestBench.SAMPLE);
        ScoringJob again = vm.jobsProperty().get().get(2);
        assertEquals(0, again.reportProperty().get().scored());
        assertEquals(pairs.size(), again.reportProperty().get().alreadyScored());
        vm.clearFinishedJobs();
        assertEquals(List.of(), vm.jobsProperty().get());

        // The comparison sees both models on every pair.
        AnalysisViewModel analysis = new AnalysisViewModel(new DirectExecutor(), errors::add);
        analysis.setStore(store);
        analysis.refresh();
        ModelComparison comparison = analysis.comparisonProperty().get();
        assertEquals(
                List.of(demo.storedModelId(), llama.storedModelId()),
                comparison.models().stream().map(model -> model.id()).toList());
        assertEquals(pairs.size(), comparison.scoredPairs().size());
        assertTrue(comparison.scoredPairs().stream().allMatch(p -> p.scores().size() == 2));
        assertEquals(pairs.size(), comparison.conflicts().size());
        assertEquals(List.of(), errors);
    }

    @Test
    void refusesABundleLoadedAlreadyAndNamesAFolderThatIsNoBundle() throws Exception {
        vm.addModel(pairView.service().model().info().directory(), DeviceChoice.CPU);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("is loaded already"), errors.get(0));
        assertEquals(1, vm.modelsProperty().get().size());

        Path empty = Files.createDirectories(dir.resolve("not-a-bundle"));
        vm.addModel(empty, DeviceChoice.CPU);
        assertEquals(2, errors.size());
        assertTrue(errors.get(1).startsWith("Cannot load the model in " + empty), errors.get(1));
        assertEquals(1, vm.modelsProperty().get().size());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void handsAModelToThePairViewOrUnloadsIt() {
        Path llamaDir = FixtureBundles.bundle(LLAMA);
        vm.addModel(llamaDir, DeviceChoice.CPU);
        vm.useForPairView(llamaRow());
        assertEquals(List.of(llamaDir + " on CPU"), switched);
        assertEquals(1, vm.modelsProperty().get().size());

        vm.addModel(llamaDir, DeviceChoice.CPU);
        assertEquals(2, vm.modelsProperty().get().size());
        vm.remove(llamaRow());
        assertEquals(1, vm.modelsProperty().get().size());
        // The pair view's model is not the panel's to unload.
        vm.remove(vm.modelsProperty().get().get(0));
        assertEquals(1, vm.modelsProperty().get().size());
        assertEquals(List.of(), errors);
    }

    @Test
    void followsTheOpenStoreRegisteringItsModelsThere() throws Exception {
        vm.addModel(FixtureBundles.bundle(LLAMA), DeviceChoice.CPU);
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        try (PreferenceStore other = TestBench.sampleStore(otherDir)) {
            // The pair view reconnects separately; until then only the compared model is listed.
            vm.setPairViewScoring(null);
            vm.setStore(other);
            ModelRow llama = llamaRow();
            assertEquals(1, vm.modelsProperty().get().size());
            assertEquals(LLAMA, other.model(llama.storedModelId()).orElseThrow().info().name());
            vm.scoreDataset(TestBench.SAMPLE);
            ScoringJob job = vm.jobsProperty().get().get(0);
            assertEquals(ScoringJob.State.DONE, job.stateProperty().get());
            long otherPairs = other.countPairs(PairQuery.all());
            assertEquals(otherPairs, job.reportProperty().get().scored());
            vm.setStore(null);
            assertEquals(null, llamaRow().storedModelId());
            vm.scoreDataset(TestBench.SAMPLE);
            assertEquals("Open a database before scoring", errors.get(errors.size() - 1));
        }
    }

    @Test
    void aCancelledJobSavesNothingAndSaysSo() {
        vm.close();
        DirectExecutor cancelling = new DirectExecutor();
        cancelling.cancelFromStart(title -> title.startsWith("Scoring with"));
        vm = panel(cancelling);
        vm.scoreDataset(TestBench.SAMPLE);
        ScoringJob job = vm.jobsProperty().get().get(0);
        assertEquals(ScoringJob.State.CANCELLED, job.stateProperty().get());
        assertEquals("cancelled; the scores saved so far are kept", job.messageProperty().get());
        List<StoredPair> pairs = store.pairs(PairQuery.all());
        for (StoredPair pair : pairs) {
            assertFalse(store.score(pair.id(), pairView.model().id()).isPresent());
        }
        assertEquals(List.of(), errors);
    }
}
