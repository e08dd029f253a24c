package io.rewardlens.ui.workbench;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.SkyworkImporter;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.QueueState;
import io.rewardlens.ui.annotate.ScoreState;
import io.rewardlens.ui.settings.Settings;
import io.rewardlens.ui.settings.SettingsFile;
import io.rewardlens.ui.task.FxBackgroundExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workbench window for TestFX tests under headless Monocle: its view model runs on the
 * application's executor with a tester's settings (models on the CPU, the default tags), and the
 * window is shown on the test's stage. Opens the sample pairs and the real demo model on request.
 */
public final class WorkbenchFixture {
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final WorkbenchViewModel viewModel;
    private final WorkbenchWindow window;

    /**
     * Builds the window and shows it.
     *
     * @param stage the test's stage
     * @param settingsFile where the settings are saved
     * @param annotator the name verdicts are saved under
     */
    public WorkbenchFixture(Stage stage, Path settingsFile, String annotator) {
        Settings settings =
                Settings.defaults()
                        .withPreferences(
                                annotator,
                                false,
                                Settings.DEFAULT_TAGS,
                                null,
                                DeviceChoice.CPU,
                                null);
        viewModel =
                new WorkbenchViewModel(
                        executor, new SettingsFile(settingsFile), settings, Clock.systemUTC());
        window = new WorkbenchWindow(viewModel, stage);
        window.show();
    }

    /**
     * The window's view model.
     *
     * @return the view model
     */
    public WorkbenchViewModel viewModel() {
        return viewModel;
    }

    /**
     * The window.
     *
     * @return the window
     */
    public WorkbenchWindow window() {
        return window;
    }

    /**
     * Opens a new database that the sample pairs are imported into, as dataset {@code sample}.
     *
     * @param database the database file
     * @param dir a folder for the sample file
     * @param seed what else to put in the store once the pairs are in
     */
    public void openSampleDatabase(Path database, Path dir, Consumer<PreferenceStore> seed) {
        viewModel.openDatabase(
                database,
                (store, progress) -> {
                    SkyworkImporter.importFile(
                            store,
                            SampleData.writeSamplePairs(dir.resolve("sample.jsonl")),
                            ImportOptions.intoDataset("sample"),
                            progress.asListener());
                    seed.accept(store);
                });
    }

    /**
     * Opens the demo model on the CPU, installed under {@code target/test-models}.
     *
     * @throws IOException when its folder cannot be made
     */
    public void openDemoModel() throws IOException {
        Path models = Path.of("target", "test-models").toAbsolutePath();
        Files.createDirectories(models);
        viewModel.openModel(
                progress ->
                        SampleData.installDemoModel(models.resolve(SampleData.DEMO_MODEL_FOLDER)),
                DeviceChoice.CPU);
    }

    /**
     * Closes the view model on the UI thread and stops the executor.
     *
     * @param robot the test's robot
     */
    public void close(FxRobot robot) {
        robot.interact(viewModel::close);
        executor.close();
    }

    /**
     * Waits up to a minute for a condition, then for the UI thread's pending events.
     *
     * @param what what is waited for, for the failure message
     * @param condition the condition
     * @throws TimeoutException when it does not come true in time
     */
    public static void waitFor(String what, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until a pair shows with its scores.
     *
     * @throws TimeoutException when it does not in time
     */
    public void waitForScores() throws TimeoutException {
        AnnotationViewModel annotation = viewModel.annotation();
        waitFor(
                "the pair's scores",
                () ->
                        annotation.queueStateProperty().get() == QueueState.SHOWING
                                && annotation.scoreViewProperty().get().state()
                                        == ScoreState.READY);
    }
}
