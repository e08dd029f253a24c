package io.rewardlens.ui.inspect;

import static io.rewardlens.testsupport.ConstructedStore.addPair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.testsupport.ConstructedStore;
import io.rewardlens.ui.task.DirectExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports' agreement table through the view model, without the toolkit, on a real store. */
class AgreementLinesTest {
    @TempDir Path dir;

    @Test
    void theReportsShowTheTeamsAgreement() {
        List<String> errors = new ArrayList<>();
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("team.db"))) {
            StoredPair one = addPair(store, "d", 0, "math", "a", "b");
            StoredPair two = addPair(store, "d", 1, "math", "c", "d");
            ConstructedStore.verdict(store, one, "ann", Verdict.A_BETTER, Side.CHOSEN);
            ConstructedStore.verdict(store, one, "bob", Verdict.A_BETTER, Side.CHOSEN);
            ConstructedStore.verdict(store, two, "ann", Verdict.A_BETTER, Side.CHOSEN);
            store.saveAnnotation(
                    new Annotation(
                            two.id(),
                            "bob",
                            Verdict.B_BETTER,
                            null,
                            List.of("verbose"),
                            "",
                            Side.CHOSEN,
                            1,
                            ConstructedStore.T0));
            AnalysisViewModel vm = new AnalysisViewModel(new DirectExecutor(), errors::add);
            vm.setStore(store);
            vm.refresh();
            List<AgreementLines.Line> lines = vm.reportProperty().get().teamAgreement();
            assertEquals(
                    new AgreementLines.Line("percent agreement", "", "0.500", "2 pairs"),
                    lines.get(0));
            assertTrue(
                    lines.contains(
                            new AgreementLines.Line("Cohen's kappa", "ann|bob", "0.000", "")),
                    lines.toString());
            assertTrue(
                    lines.contains(
                            new AgreementLines.Line(
                                    "with the label", "bob", "0.500", "2 verdicts")),
                    lines.toString());
            assertTrue(
                    lines.contains(
                            new AgreementLines.Line(
                                    "percent agreement", "tag verbose", "0.000", "1 pair")),
                    lines.toString());
        }
        assertEquals(List.of(), errors);
    }
}
