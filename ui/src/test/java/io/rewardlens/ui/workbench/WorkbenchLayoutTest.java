package io.rewardlens.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real workbench window under headless Monocle at a laptop's 1280 px: the key row and the tag
 * row each stay on one line, the status bar shows the model's whole name, and the "RM disagrees
 * with label" filter is usable once a model is loaded, even after garbage collection ran between
 * building the window and loading the model.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLayoutTest {
    private static final double LAPTOP_WIDTH = 1280;

    @TempDir Path dir;

    private WorkbenchFixture workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = new WorkbenchFixture(stage, dir.resolve("config/settings.json"), "tester");
        workbench.openSampleDatabase(dir.resolve("workbench.db"), dir, store -> {});
    }

    @AfterEach
    void stop(FxRobot robot) {
        workbench.close(robot);
    }

    @Test
    void theDisagreementFilterIsEnabledOnceAModelIsLoaded(FxRobot robot) throws Exception {
        WorkbenchFixture.waitFor("the first pair", this::queueShowsAPair);
        CheckBox disagrees = disagreementFilter(robot);
        assertTrue(disagrees.isDisabled(), "no model yet");
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        openDemoModel(robot);
        workbench.waitForScores();
        assertFalse(disagrees.isDisabled(), "a model is loaded and the pair is scored");

        robot.clickOn(disagrees);
        WorkbenchFixture.waitFor(
                "the disagreement filter",
                () ->
                        workbench
                                .viewModel()
                                .annotation()
                                .filterProperty()
                                .get()
                                .disagreesWithLabel());
    }

    @Test
    void atALaptopsWidthNoRowWrapsAndTheModelNameIsWhole(FxRobot robot) throws Exception {
        openDemoModel(robot);
        workbench.waitForScores();
        robot.interact(() -> stage.setWidth(LAPTOP_WIDTH));
        WorkbenchFixture.waitFor(
                "the window at 1280 px",
                () -> workbench.window().scene().getWidth() <= LAPTOP_WIDTH);

        Pane keyRow = robot.lookup(".verdict-row").queryAs(Pane.class);
        assertEquals(1, rowsOf(keyRow), "the key row is one line: " + labelsOf(keyRow));
        Pane tags = robot.lookup(".tag-pane").queryAs(Pane.class);
        assertEquals(7, tags.getChildren().size(), "the seven default tags");
        assertEquals(1, rowsOf(tags), "the tags are one line: " + labelsOf(tags));

        Label model = robot.lookup(".status-model").queryAs(Label.class);
        Text shown = (Text) model.lookup(".text");
        assertTrue(model.getText().contains("tiny-qwen3"), model.getText());
        assertEquals(model.getText(), shown.getText(), "the status bar shows the whole name");
    }

    private void openDemoModel(FxRobot robot) {
        robot.interact(
                () -> {
                    try {
                        workbench.openDemoModel();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    private boolean queueShowsAPair() {
        return workbench.viewModel().annotation().currentProperty().get() != null;
    }

    private static CheckBox disagreementFilter(FxRobot robot) {
        return robot.lookup(".queue-bar .check-box").queryAllAs(CheckBox.class).stream()
                .filter(box -> box.getText().startsWith("RM disagrees"))
                .findFirst()
                .orElseThrow();
    }

    /** Counts the lines a flow pane's children are laid out on, in their order. */
    private static int rowsOf(Pane pane) {
        int rows = 0;
        double lineBottom = Double.NEGATIVE_INFINITY;
        for (Node node : pane.getChildren()) {
            if (!node.isManaged()) {
                continue;
            }
            Bounds bounds = node.getBoundsInParent();
            if (bounds.getMinY() >= lineBottom) {
                rows++;
                lineBottom = bounds.getMaxY();
            } else {
                lineBottom = Math.max(lineBottom, bounds.getMaxY());
            }
        }
        return rows;
    }

    private static List<String> labelsOf(Pane pane) {
        return pane.getChildren().stream()
                .filter(node -> node instanceof javafx.scene.control.Labeled)
                .map(
                        node ->
                                ((javafx.scene.control.Labeled) node).getText()
                                        + "@"
                                        + node.getBoundsInParent().getMinY())
                .toList();
    }
}
