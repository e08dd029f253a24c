package io.rewardlens.app.gui;

import io.rewardlens.ui.settings.SettingsFile;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application of the workbench, launched by {@link WorkbenchLauncher} with the options
 * of the command line.
 */
public final class WorkbenchApplication extends Application {
    private static volatile GuiOptions options = GuiOptions.defaults();
    private static volatile int exitCode;

    private Workbench workbench;

    static void prepare(GuiOptions chosen) {
        options = chosen;
        exitCode = 0;
    }

    static int exitCode() {
        return exitCode;
    }

    @Override
    public void start(Stage stage) {
        workbench = Workbench.open(stage, options, SettingsFile.forUser());
        if (options.screenshot() != null) {
            Screenshot.whenScored(
                    workbench,
                    options.screenshot(),
                    options.screenshotTimeout(),
                    code -> {
                        exitCode = code;
                        Platform.exit();
                    });
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
