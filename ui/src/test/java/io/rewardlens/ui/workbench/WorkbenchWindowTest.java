package io.rewardlens.ui.workbench;

import static io.rewardlens.ui.workbench.WorkbenchFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.DisplayOrder;
import io.rewardlens.ui.annotate.PreparedPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
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

/**
 * The real workbench window under headless Monocle, driven with the keyboard only, on a real SQLite
 * file seeded with the sample pairs and the real demo model; the rows it writes are read back
 * through a second connection.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    private static final String ME = "tester";

    @TempDir Path dir;

    private Path database;
    private WorkbenchFixture workbench;
    private WorkbenchViewModel viewModel;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        database = dir.resolve("workbench.db");
        workbench = new WorkbenchFixture(stage, dir.resolve("config/settings.json"), ME);
        viewModel = workbench.viewModel();
        window = workbench.window();
        workbench.openSampleDatabase(database, dir, store -> {});
        workbench.openDemoModel();
    }

    @AfterEach
    void stop(FxRobot robot) {
        workbench.close(robot);
    }

    private AnnotationViewModel annotation() {
        return viewModel.annotation();
    }

    private void waitForWrites() throws TimeoutException {
        waitFor("verdict writes", () -> annotation().pendingWritesProperty().get() == 0);
    }

    private long currentId() {
        PreparedPair pair = annotation().currentProperty().get();
        return pair == null ? -1 : pair.id();
    }

    private static List<Annotation> annotations(PreferenceStore store, long pairId) {
        return store.annotations(pairId).stream().map(StoredAnnotation::annotation).toList();
    }

    @Test
    void annotatesSkipsAndUndoesWithTheKeyboardOnly(FxRobot robot) throws Exception {
        workbench.waitForScores();
        saveSnapshot(robot, Path.of("target", "screenshots", "workbench-light.png"));
        List<StoredPair> pairs;
        try (PreferenceStore store = PreferenceStore.open(database)) {
            pairs = store.pairs(PairQuery.all());
        }
        assertEquals(pairs.get(0).id(), currentId());

        // Pair 1: strength 2, tag 1 ("incorrect"), a rationale, then "A better".
        robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT2).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        robot.type(KeyCode.R);
        robot.write("clearer");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.DIGIT1);
        waitFor("pair 2", () -> currentId() == pairs.get(1).id());
        // Pair 2: "B better"; pair 3: skip; pair 4: tie.
        robot.type(KeyCode.DIGIT2);
        waitFor("pair 3", () -> currentId() == pairs.get(2).id());
        robot.type(KeyCode.S);
        waitFor("pair 4", () -> currentId() == pairs.get(3).id());
        robot.type(KeyCode.DIGIT3);
        waitFor("pair 5", () -> currentId() == pairs.get(4).id());
        waitForWrites();

        try (PreferenceStore store = PreferenceStore.open(database)) {
            Annotation first = annotations(store, pairs.get(0).id()).get(0);
            assertEquals(ME, first.annotator());
            assertEquals(Verdict.A_BETTER, first.verdict());
            assertEquals(2, first.strength());
            assertEquals(List.of("incorrect"), first.tags());
            assertEquals("clearer", first.rationale());
            assertEquals(DisplayOrder.shownAsA(pairs.get(0).id(), ME), first.displayedAsA());
            assertTrue(first.timeTakenMs() > 0);
            assertEquals(Verdict.B_BETTER, annotations(store, pairs.get(1).id()).get(0).verdict());
            assertEquals(Verdict.SKIP, annotations(store, pairs.get(2).id()).get(0).verdict());
            assertEquals(Verdict.TIE, annotations(store, pairs.get(3).id()).get(0).verdict());
        }

        // Ctrl+Z takes back the tie and shows pair 4 again; another Ctrl+Z the skip.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor("pair 4 again", () -> currentId() == pairs.get(3).id());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor("pair 3 again", () -> currentId() == pairs.get(2).id());
        waitForWrites();
        try (PreferenceStore store = PreferenceStore.open(database)) {
            assertEquals(List.of(), annotations(store, pairs.get(3).id()));
            assertEquals(List.of(), annotations(store, pairs.get(2).id()));
            assertEquals(1, annotations(store, pairs.get(1).id()).size());
        }

        // Arrows move without judging; "4" (both bad) on pair 2 replaces its verdict.
        robot.type(KeyCode.LEFT);
        waitFor("pair 2", () -> currentId() == pairs.get(1).id());
        assertEquals(Verdict.B_BETTER, annotation().verdictProperty().get());
        robot.type(KeyCode.DIGIT4);
        waitFor("pair 3", () -> currentId() == pairs.get(2).id());
        robot.type(KeyCode.RIGHT);
        waitFor("pair 4", () -> currentId() == pairs.get(3).id());
        waitForWrites();
        try (PreferenceStore store = PreferenceStore.open(database)) {
            List<Annotation> second = annotations(store, pairs.get(1).id());
            assertEquals(1, second.size());
            assertEquals(Verdict.BOTH_BAD, second.get(0).verdict());
            assertEquals(List.of(), annotations(store, pairs.get(2).id()));
        }
        Label progress = robot.lookup(".queue-progress").queryAs(Label.class);
        assertEquals("2 / " + pairs.size() + " annotated", progress.getText());
    }

    @Test
    void blindModeHidesTheScoresOnScreenUntilTheVerdict(FxRobot robot) throws Exception {
        workbench.waitForScores();
        robot.interact(() -> viewModel.setBlindMode(true));
        Label scoreA = robot.lookup(".response-a .response-score").queryAs(Label.class);
        Label badge = robot.lookup(".response-a .label-badge").queryAs(Label.class);
        assertEquals("score hidden", scoreA.getText());
        assertFalse(badge.isVisible());
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.LEFT);
        workbench.waitForScores();
        assertTrue(scoreA.getText().matches("-?\\d+\\.\\d{3}.*"), scoreA.getText());
        assertTrue(badge.isVisible());
    }

    @Test
    void rendersCodeBlocksTheWordDiffAndTheDarkTheme(FxRobot robot) throws Exception {
        workbench.waitForScores();
        robot.type(KeyCode.RIGHT);
        workbench.waitForScores();
        assertFalse(
                robot.lookup(".md-code-block .md-code-keyword").queryAll().isEmpty(),
                "the code pair's code blocks are coloured");
        saveSnapshot(robot, Path.of("target", "screenshots", "workbench-code.png"));

        robot.type(KeyCode.D);
        waitFor("the word diff", () -> !robot.lookup(".diff-only-a").queryAll().isEmpty());
        assertFalse(robot.lookup(".diff-only-b").queryAll().isEmpty());
        saveSnapshot(robot, Path.of("target", "screenshots", "workbench-diff.png"));
        robot.type(KeyCode.D);
        waitFor("the rendered responses", () -> robot.lookup(".diff-only-a").queryAll().isEmpty());

        robot.interact(() -> viewModel.setTheme(io.rewardlens.ui.settings.Theme.DARK));
        robot.type(KeyCode.E);
        waitFor("the editor", () -> viewModel.edit().editingProperty().get() != null);
        saveSnapshot(robot, Path.of("target", "screenshots", "workbench-dark-edit.png"));
        robot.type(KeyCode.ESCAPE);
        waitFor("the editor to close", () -> viewModel.edit().editingProperty().get() == null);
        robot.interact(() -> viewModel.setTheme(io.rewardlens.ui.settings.Theme.LIGHT));
    }

    @Test
    void theQueueFiltersWorkFromTheMenuByKeyboard(FxRobot robot) throws Exception {
        workbench.waitForScores();
        long first = currentId();
        robot.type(KeyCode.DIGIT1);
        waitFor("the next pair", () -> currentId() != first);
        // Alt+Q opens the Queue menu; Dataset, Source, then "Unannotated only".
        robot.press(KeyCode.ALT).type(KeyCode.Q).release(KeyCode.ALT);
        robot.type(KeyCode.DOWN, 3).type(KeyCode.ENTER);
        waitFor(
                "the unannotated filter",
                () -> annotation().filterProperty().get().unannotatedOnly());
        workbench.waitForScores();
        assertTrue(currentId() != first, "the judged pair left the queue");
        assertTrue(
                robot.lookup(".queue-bar .check-box").queryAll().stream()
                        .map(javafx.scene.control.CheckBox.class::cast)
                        .anyMatch(javafx.scene.control.CheckBox::isSelected),
                "the queue bar shows the filter");
    }

    private void saveSnapshot(FxRobot robot, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = window.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
