package io.rewardlens.app.gui;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.ui.settings.Settings;
import io.rewardlens.ui.settings.SettingsException;
import io.rewardlens.ui.settings.SettingsFile;
import io.rewardlens.ui.task.FxBackgroundExecutor;
import io.rewardlens.ui.workbench.WorkbenchViewModel;
import io.rewardlens.ui.workbench.WorkbenchWindow;
import java.nio.file.Files;
import java.time.Clock;
import javafx.stage.Stage;

/**
 * A running workbench: its executor, view model and window, wired and opened as a {@link StartPlan}
 * says. Used by the application and by the tests that drive the real window.
 */
public final class Workbench implements AutoCloseable {
    private final FxBackgroundExecutor executor;
    private final WorkbenchViewModel viewModel;
    private final WorkbenchWindow window;
    private final StartPlan plan;

    private Workbench(
            FxBackgroundExecutor executor,
            WorkbenchViewModel viewModel,
            WorkbenchWindow window,
            StartPlan plan) {
        this.executor = executor;
        this.viewModel = viewModel;
        this.window = window;
        this.plan = plan;
    }

    /**
     * Shows the workbench on a stage and starts opening its database and model in the background;
     * no dialog stands in the way. Call on the JavaFX thread.
     *
     * @param stage the stage
     * @param options the command line's choices
     * @param settingsFile the user's settings
     * @return the running workbench
     */
    public static Workbench open(Stage stage, GuiOptions options, SettingsFile settingsFile) {
        Settings settings;
        String settingsProblem = null;
        try {
            settings = settingsFile.load();
        } catch (SettingsException e) {
            settings = Settings.defaults();
            settingsProblem = e.getMessage() + " (using the default settings)";
        }
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        WorkbenchViewModel viewModel =
                new WorkbenchViewModel(executor, settingsFile, settings, Clock.systemUTC());
        WorkbenchWindow window = new WorkbenchWindow(viewModel, stage);
        window.show();
        if (settingsProblem != null) {
            viewModel.showError(settingsProblem);
        }
        StartPlan plan = StartPlan.of(options, settings);
        for (String notice : plan.notices()) {
            // A fallback the user did not ask for is said, in the window and on the terminal.
            System.err.println("rewardlens: " + notice);
        }
        if (!plan.notices().isEmpty()) {
            viewModel.showError(String.join(" ", plan.notices()));
        }
        if (plan.seedSamples()) {
            try {
                Files.createDirectories(plan.database().getParent());
            } catch (java.io.IOException e) {
                viewModel.showError("Cannot create " + plan.database().getParent() + ": " + e);
            }
        }
        viewModel.openDatabase(plan.database(), plan.seedSamples() ? new SampleSeeder() : null);
        if (plan.model() != null) {
            viewModel.openModel(plan.model(), plan.device());
        } else {
            viewModel.openModel(
                    progress -> {
                        progress.update(-1, -1, "Installing the demo model");
                        return SampleData.installDemoModel(UserFolders.demoModelDirectory());
                    },
                    plan.device());
        }
        return new Workbench(executor, viewModel, window, plan);
    }

    /**
     * The workbench's state.
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
     * What was opened at start.
     *
     * @return the plan
     */
    public StartPlan plan() {
        return plan;
    }

    /** Closes the model and the database and stops background work. */
    @Override
    public void close() {
        try {
            viewModel.close();
        } finally {
            executor.close();
        }
    }
}
