package io.rewardlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.ui.annotate.QueueState;
import io.rewardlens.ui.annotate.ScoreState;
import io.rewardlens.ui.settings.Settings;
import io.rewardlens.ui.settings.SettingsFile;
import io.rewardlens.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first launch without arguments, in the real window under headless Monocle: the sample pairs
 * land in the default database, the demo model is installed and loaded and labelled as the demo,
 * and the first pair shows with its scores; the next launch reopens both without importing again.
 */
@ExtendWith(ApplicationExtension.class)
class FirstLaunchTest {
    @TempDir Path dir;

    private Stage stage;
    private Workbench workbench;

    @Start
    void start(Stage primary) {
        this.stage = primary;
        System.setProperty(UserFolders.DATA_DIR_PROPERTY, dir.resolve("data").toString());
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (workbench != null) {
            robot.interact(workbench::close);
        }
        System.clearProperty(UserFolders.DATA_DIR_PROPERTY);
    }

    private void launch(FxRobot robot, SettingsFile settings) throws TimeoutException {
        robot.interact(() -> workbench = Workbench.open(stage, GuiOptions.defaults(), settings));
        WorkbenchViewModel viewModel = workbench.viewModel();
        WaitForAsyncUtils.waitFor(
                90,
                TimeUnit.SECONDS,
                () ->
                        viewModel.annotation().queueStateProperty().get() == QueueState.SHOWING
                                && viewModel.annotation().scoreViewProperty().get().state()
                                        == ScoreState.READY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensTheSamplePairsWithTheDemoModelAndReopensThemNextTime(FxRobot robot) throws Exception {
        SettingsFile settings = new SettingsFile(dir.resolve("config/settings.json"));
        launch(robot, settings);
        WorkbenchViewModel viewModel = workbench.viewModel();
        assertEquals("", viewModel.errorProperty().get());
        Path database = UserFolders.defaultDatabase();
        assertTrue(Files.isRegularFile(database));
        assertTrue(Files.isRegularFile(UserFolders.demoModelDirectory().resolve("bundle.json")));
        assertTrue(viewModel.demoModelProperty().get());
        assertEquals("cpu", viewModel.deviceLabelProperty().get());
        assertTrue(viewModel.engineLabelProperty().get().contains("PyTorch"));
        assertTrue(robot.lookup(".demo-banner").query().isVisible(), "labelled as a demo");
        assertEquals("Device: cpu", robot.lookup(".status-device").queryAs(Label.class).getText());
        List<DatasetSummary> datasets;
        try (PreferenceStore store = PreferenceStore.open(database)) {
            datasets = store.datasets();
        }
        assertEquals(1, datasets.size());
        assertEquals(SampleSeeder.DATASET, datasets.get(0).name());
        long samplePairs = datasets.get(0).pairs();
        assertTrue(samplePairs > 0);

        Settings saved = settings.load();
        assertEquals(database.toString(), saved.lastDatabase());
        assertEquals(UserFolders.demoModelDirectory().toString(), saved.lastModel());

        robot.interact(workbench::close);
        workbench = null;
        launch(robot, settings);
        try (PreferenceStore store = PreferenceStore.open(database)) {
            assertEquals(1, store.datasets().size(), "no second import");
            assertEquals(samplePairs, store.datasets().get(0).pairs());
        }
        assertEquals(database, workbench.plan().database());
    }

    @Test
    void aLastDatabaseThatIsGoneIsSaidInTheWindow(FxRobot robot) throws Exception {
        SettingsFile settings = new SettingsFile(dir.resolve("config/settings.json"));
        Path gone = dir.resolve("moved-away.db");
        settings.save(Settings.defaults().withLastDatabase(gone));
        launch(robot, settings);
        assertEquals(UserFolders.defaultDatabase(), workbench.plan().database());
        String said = workbench.viewModel().errorProperty().get();
        assertTrue(
                said.startsWith("The last database, " + gone + ", no longer exists; opened the"),
                said);
        Label banner = robot.lookup(".error-text").queryAs(Label.class);
        assertTrue(robot.lookup(".error-banner").query().isVisible(), "the banner is on screen");
        assertEquals(said, banner.getText());
    }
}
