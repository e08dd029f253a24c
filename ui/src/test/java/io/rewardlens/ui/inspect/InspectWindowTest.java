package io.rewardlens.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.testsupport.FixtureBundles;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.DisplayOrder;
import io.rewardlens.ui.annotate.PreparedPair;
import io.rewardlens.ui.annotate.QueueState;
import io.rewardlens.ui.annotate.ScoreState;
import io.rewardlens.ui.settings.Theme;
import io.rewardlens.ui.workbench.WorkbenchFixture;
import io.rewardlens.ui.workbench.WorkbenchViewModel;
import io.rewardlens.ui.workbench.WorkbenchWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspection window beside the real workbench window under headless Monocle, on a real SQLite
 * file of the sample pairs with the demo model in the pair view and tiny-llama3 added in the models
 * tab: both score every pair, each tab shows what the view models computed, and a disagreement
 * opened with Enter gets a verdict from the keyboard in the pair view, read back from the file.
 * Saves a snapshot of each tab under {@code target/screenshots/inspect}.
 */
@ExtendWith(ApplicationExtension.class)
class InspectWindowTest {
    private static final String ME = "tester";
    private static final Path SHOTS = Path.of("target", "screenshots", "inspect");

    @TempDir Path dir;

    private Path database;
    private WorkbenchFixture workbench;
    private WorkbenchViewModel viewModel;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        database = dir.resolve("inspect.db");
        workbench = new WorkbenchFixture(stage, dir.resolve("config/settings.json"), ME);
        viewModel = workbench.viewModel();
        window = workbench.window();
        workbench.openSampleDatabase(database, dir, InspectWindowTest::seedVerdicts);
        workbench.openDemoModel();
    }

    /**
     * Verdicts of two other annotators on the first 40 pairs, so that the reports have human
     * figures: ann1 judges every pair (a side, the other side, a side, a tie, both bad, in turn),
     * ann2 every second pair.
     */
    private static void seedVerdicts(PreferenceStore store) {
        Verdict[] cycle = {
            Verdict.A_BETTER, Verdict.B_BETTER, Verdict.A_BETTER, Verdict.TIE, Verdict.BOTH_BAD
        };
        List<StoredPair> pairs = store.pairs(PairQuery.all().withLimit(40));
        for (int i = 0; i < pairs.size(); i++) {
            long pairId = pairs.get(i).id();
            store.saveAnnotation(
                    new Annotation(
                            pairId,
                            "ann1",
                            cycle[i % cycle.length],
                            null,
                            i % 4 == 0 ? List.of("verbosity") : List.of(),
                            "",
                            Side.CHOSEN,
                            5000,
                            Instant.parse("2026-03-01T10:00:00Z")));
            if (i % 2 == 0) {
                store.saveAnnotation(
                        new Annotation(
                                pairId,
                                "ann2",
                                i % 3 == 0 ? Verdict.B_BETTER : Verdict.A_BETTER,
                                2,
                                List.of(),
                                "",
                                Side.REJECTED,
                                7000,
                                Instant.parse("2026-03-01T11:00:00Z")));
            }
        }
    }

    @AfterEach
    void stop(FxRobot robot) {
        workbench.close(robot);
    }

    private final java.util.function.Supplier<String> state =
            () ->
                    "inspect error: "
                            + inspect().errorProperty().get()
                            + ", workbench error: "
                            + viewModel.errorProperty().get()
                            + ", jobs: "
                            + inspect().models().jobsProperty().get().stream()
                                    .map(
                                            job ->
                                                    job.title()
                                                            + " "
                                                            + job.stateProperty().get()
                                                            + " "
                                                            + job.messageProperty().get())
                                    .toList();

    private void waitFor(String what, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting for " + what + "; " + state.get());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private AnnotationViewModel annotation() {
        return viewModel.annotation();
    }

    private InspectViewModel inspect() {
        return viewModel.inspect();
    }

    private long currentId() {
        PreparedPair pair = annotation().currentProperty().get();
        return pair == null ? -1 : pair.id();
    }

    @Test
    void everyTabShowsItsNumbersAndADisagreementGetsAKeyboardVerdict(FxRobot robot)
            throws Exception {
        waitFor(
                "the first pair's scores",
                () ->
                        annotation().queueStateProperty().get() == QueueState.SHOWING
                                && annotation().scoreViewProperty().get().state()
                                        == ScoreState.READY);
        long total;
        try (PreferenceStore store = PreferenceStore.open(database)) {
            total = store.countPairs(PairQuery.all());
        }

        // Models: the pair view's demo model, plus tiny-llama3; both score every pair.
        InspectWindow[] shown = new InspectWindow[1];
        robot.interact(() -> shown[0] = window.showInspect(InspectTab.MODELS));
        InspectWindow inspectWindow = shown[0];
        ModelsViewModel models = inspect().models();
        waitFor(
                "the pair view's model in the panel",
                () -> models.modelsProperty().get().size() == 1);
        robot.interact(
                () -> models.addModel(FixtureBundles.bundle("tiny-llama3"), DeviceChoice.CPU));
        waitFor(
                "tiny-llama3 connected",
                () ->
                        models.modelsProperty().get().size() == 2
                                && models.modelsProperty().get().get(1).storedModelId() != null);
        robot.clickOn("#score-all");
        waitFor(
                "both scoring jobs",
                () ->
                        models.jobsProperty().get().size() == 2
                                && models.jobsProperty().get().stream()
                                        .allMatch(
                                                job ->
                                                        job.stateProperty().get()
                                                                == ScoringJob.State.DONE));
        TableView<?> modelTable = robot.lookup("#model-table").queryAs(TableView.class);
        assertEquals(2, modelTable.getItems().size());
        try (PreferenceStore store = PreferenceStore.open(database)) {
            for (ModelRow row : models.modelsProperty().get()) {
                long scored =
                        store.pairs(PairQuery.all()).stream()
                                .filter(
                                        pair ->
                                                store.score(pair.id(), row.storedModelId())
                                                        .isPresent())
                                .count();
                assertEquals(total, scored, row.name());
            }
        }
        saveSnapshot(robot, inspectWindow, "models.png");

        // Disagreements of the pair view's model with the labels, most confidently wrong first.
        robot.interact(() -> window.showInspect(InspectTab.DISAGREEMENTS));
        DisagreementQueueViewModel queue = inspect().disagreements();
        waitFor("the disagreements", () -> !queue.rowsProperty().get().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<DisagreementRow> table =
                robot.lookup("#disagreement-table").queryAs(TableView.class);
        assertEquals(queue.rowsProperty().get(), table.getItems());
        List<DisagreementRow> rows = queue.rowsProperty().get();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).wrongness() >= rows.get(i).wrongness());
        }
        saveSnapshot(robot, inspectWindow, "disagreements.png");

        // Reports: computed on the first look, one bar per model in the accuracy chart.
        robot.interact(() -> window.showInspect(InspectTab.CHARTS));
        AnalysisViewModel analysis = inspect().analysis();
        waitFor(
                "the reports",
                () ->
                        analysis.chartsProperty().get() != null
                                && analysis.jobProperty().get() == null);
        InspectionCharts charts = analysis.chartsProperty().get();
        @SuppressWarnings("unchecked")
        XYChart<String, Number> accuracy =
                (XYChart<String, Number>)
                        robot.lookup(".report-chart").queryAll().iterator().next();
        assertEquals(2, accuracy.getData().size());
        for (int s = 0; s < 2; s++) {
            List<CategorySeries.CategoryValue> expected = charts.accuracyOverall().get(s).values();
            List<XYChart.Data<String, Number>> bars = accuracy.getData().get(s).getData();
            assertEquals(expected.size(), bars.size());
            for (int b = 0; b < bars.size(); b++) {
                assertEquals(expected.get(b).category(), bars.get(b).getXValue());
                assertEquals(expected.get(b).value(), bars.get(b).getYValue().doubleValue());
            }
        }
        assertEquals(2, charts.lengthBias().size());
        saveSnapshot(robot, inspectWindow, "charts.png");
        saveNodeSnapshot(robot, robot.lookup(".report-sections").query(), "charts-all.png");

        // Model comparison: both models on every pair.
        robot.interact(() -> window.showInspect(InspectTab.COMPARISON));
        TableView<?> scores = robot.lookup("#score-table").queryAs(TableView.class);
        waitFor("the score table", () -> scores.getItems().size() == total);
        assertEquals(3 + 2, scores.getColumns().size());
        assertFalse(robot.lookup("#conflict-table").queryAs(TableView.class).getItems().isEmpty());
        saveSnapshot(robot, inspectWindow, "comparison.png");
        robot.interact(() -> viewModel.setTheme(Theme.DARK));
        saveSnapshot(robot, inspectWindow, "comparison-dark.png");
        robot.interact(() -> viewModel.setTheme(Theme.LIGHT));

        // Enter on a disagreement shows its pair in the pair view; "2" there gives "B better".
        robot.interact(() -> window.showInspect(InspectTab.DISAGREEMENTS));
        DisagreementRow row = queue.rowsProperty().get().get(0);
        robot.interact(
                () -> {
                    table.getSelectionModel().select(0);
                    table.requestFocus();
                });
        robot.type(KeyCode.ENTER);
        waitFor(
                "the disagreement in the pair view",
                () ->
                        currentId() == row.pairId()
                                && annotation().queueStateProperty().get() == QueueState.SHOWING);
        saveSnapshot(robot, window.scene().getRoot(), "pair-view-after-open.png");
        robot.type(KeyCode.DIGIT2);
        waitFor("the pair view to move on", () -> currentId() != row.pairId());
        waitFor("the verdict write", () -> annotation().pendingWritesProperty().get() == 0);
        try (PreferenceStore store = PreferenceStore.open(database)) {
            List<Annotation> saved =
                    store.annotations(row.pairId()).stream()
                            .map(StoredAnnotation::annotation)
                            .filter(annotation -> annotation.annotator().equals(ME))
                            .toList();
            assertEquals(1, saved.size());
            assertEquals(ME, saved.get(0).annotator());
            assertEquals(Verdict.B_BETTER, saved.get(0).verdict());
            assertEquals(DisplayOrder.shownAsA(row.pairId(), ME), saved.get(0).displayedAsA());
        }

        // The queue shows the new verdict once read again.
        robot.interact(queue::refresh);
        waitFor(
                "the refreshed queue",
                () ->
                        !queue.loadingProperty().get()
                                && queue.rowsProperty().get().stream()
                                        .anyMatch(
                                                r ->
                                                        r.pairId() == row.pairId()
                                                                && r.verdicts()
                                                                        .contains(ME + ": ")));
    }

    private static void saveSnapshot(FxRobot robot, InspectWindow window, String name)
            throws Exception {
        saveSnapshot(robot, window.scene().getRoot(), name);
    }

    private static void saveSnapshot(FxRobot robot, Node root, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(SHOTS);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = root.getScene().snapshot(null));
        ImageIO.write(
                SwingFXUtils.fromFXImage(image[0], null), "png", SHOTS.resolve(name).toFile());
    }

    private static void saveNodeSnapshot(FxRobot robot, Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(SHOTS);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        ImageIO.write(
                SwingFXUtils.fromFXImage(image[0], null), "png", SHOTS.resolve(name).toFile());
    }
}
