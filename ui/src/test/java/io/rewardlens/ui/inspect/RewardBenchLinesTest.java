package io.rewardlens.ui.inspect;

import static io.rewardlens.testsupport.ConstructedStore.addPair;
import static io.rewardlens.testsupport.ConstructedStore.score;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.testsupport.ConstructedStore;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports' RewardBench table through the view model, without the toolkit, on a real store with
 * a RewardBench dataset and a RewardBench 2 dataset.
 */
class RewardBenchLinesTest {
    @TempDir Path dir;

    @Test
    void theReportHasALinePerSectionSubsetAndOverall() {
        List<String> errors = new ArrayList<>();
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("rb.db"))) {
            StoredModel model = ConstructedStore.model(store, "m");
            List<StoredPair> pairs =
                    List.of(
                            addPair(store, "rb", 0, "alpacaeval-easy", "good", "bad"),
                            addPair(store, "rb", 1, "alpacaeval-easy", "good", "bad"),
                            addPair(store, "rb", 2, "math-prm", "good", "bad"));
            store.createDataset("rb2", null);
            StoredPair rb2 =
                    store.addPair(
                            "rb2",
                            new PreferencePair(
                                    "Focus",
                                    0,
                                    List.of(new ChatMessage("user", "q")),
                                    List.of(new ChatMessage("assistant", "c")),
                                    List.of(new ChatMessage("assistant", "r")),
                                    false,
                                    "{\"rewardbench2\":{\"id\":\"1\",\"chosen_index\":0,"
                                            + "\"rejected_index\":0,\"num_correct\":1}}",
                                    null));
            store.saveScores(
                    List.of(
                            score(pairs.get(0), model, 2, 1),
                            score(pairs.get(1), model, 1, 1),
                            score(pairs.get(2), model, 1, 0),
                            score(rb2, model, 3, 1)));
            AnalysisViewModel vm = new AnalysisViewModel(new DirectExecutor(), errors::add);
            vm.setStore(store);
            vm.refresh();

            String missingHard =
                    "missing: mt-bench-hard, llmbar-natural, llmbar-adver-neighbor,"
                            + " llmbar-adver-GPTInst, llmbar-adver-GPTOut, llmbar-adver-manual";
            String missingSafety =
                    "missing: refusals-dangerous, refusals-offensive, xstest-should-refuse,"
                            + " xstest-should-respond, donotanswer";
            String missingChat =
                    "missing: alpacaeval-length, alpacaeval-hard, mt-bench-easy, mt-bench-med";
            String missingReasoning =
                    "missing: hep-cpp, hep-go, hep-java, hep-js, hep-python, hep-rust";
            assertEquals(
                    List.of(
                            new RewardBenchLines.Line(
                                    "RewardBench", "rb", "m", "Chat", "50.0", missingChat),
                            new RewardBenchLines.Line(
                                    "RewardBench", "rb", "m", "Chat Hard", "n/a", missingHard),
                            new RewardBenchLines.Line(
                                    "RewardBench", "rb", "m", "Safety", "n/a", missingSafety),
                            new RewardBenchLines.Line(
                                    "RewardBench",
                                    "rb",
                                    "m",
                                    "Reasoning",
                                    "100.0",
                                    missingReasoning),
                            new RewardBenchLines.Line(
                                    "RewardBench", "rb", "m", "overall", "75.0", "partial"),
                            new RewardBenchLines.Line(
                                    "RewardBench 2", "rb2", "m", "Focus", "100.0", "1 row"),
                            new RewardBenchLines.Line(
                                    "RewardBench 2", "rb2", "m", "overall", "100.0", "partial")),
                    vm.reportProperty().get().rewardBench());
        }
        assertEquals(List.of(), errors);
    }
}
