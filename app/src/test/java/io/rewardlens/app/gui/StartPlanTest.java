package io.rewardlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the workbench opens at start, for first and later launches and command-line choices. */
class StartPlanTest {
    @TempDir Path dir;

    @BeforeEach
    void useTemporaryDataFolder() {
        System.setProperty(UserFolders.DATA_DIR_PROPERTY, dir.resolve("data").toString());
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty(UserFolders.DATA_DIR_PROPERTY);
    }

    @Test
    void theFirstLaunchOpensTheDefaultDatabaseWithSamplesAndTheDemoModel() {
        StartPlan plan = StartPlan.of(GuiOptions.defaults(), Settings.defaults());
        assertEquals(dir.resolve("data/rewardlens.db").toAbsolutePath(), plan.database());
        assertTrue(plan.seedSamples());
        assertNull(plan.model(), "the demo model");
        assertEquals(DeviceChoice.AUTO, plan.device());
        assertEquals(
                dir.resolve("data/models/demo-tiny-qwen3").toAbsolutePath(),
                UserFolders.demoModelDirectory());
    }

    @Test
    void laterLaunchesReopenTheLastDatabaseAndModelWhileTheyExist() throws Exception {
        Path database = Files.createFile(dir.resolve("mine.db"));
        Path model = Files.createDirectories(dir.resolve("bundle"));
        Settings settings =
                Settings.defaults()
                        .withLastDatabase(database)
                        .withLastModel(model)
                        .withPreferences("me", false, null, null, DeviceChoice.CPU, null);
        StartPlan plan = StartPlan.of(GuiOptions.defaults(), settings);
        assertEquals(database.toAbsolutePath(), plan.database());
        assertFalse(plan.seedSamples());
        assertEquals(model.toAbsolutePath(), plan.model());
        assertEquals(DeviceChoice.CPU, plan.device());
        assertEquals(List.of(), plan.notices(), "what was asked for needs no word");

        Files.delete(database);
        Files.delete(model);
        StartPlan gone = StartPlan.of(GuiOptions.defaults(), settings);
        assertEquals(UserFolders.defaultDatabase(), gone.database());
        assertTrue(gone.seedSamples());
        assertNull(gone.model());
        assertEquals(
                List.of(
                        "The last database, "
                                + database
                                + ", no longer exists; opened the default database (with the"
                                + " sample pairs) "
                                + UserFolders.defaultDatabase()
                                + " instead (File \u2192 Open database\u2026 to choose another).",
                        "The last model, "
                                + model
                                + ", no longer exists; loaded the demo model instead (its scores"
                                + " mean nothing; Model \u2192 Open\u2026 to choose another)."),
                gone.notices());

        Settings demo = Settings.defaults().withLastModel(UserFolders.demoModelDirectory());
        Files.createDirectories(UserFolders.demoModelDirectory());
        assertNull(StartPlan.of(GuiOptions.defaults(), demo).model(), "the demo is re-checked");
    }

    @Test
    void theCommandLineWins() throws Exception {
        Path last = Files.createFile(dir.resolve("last.db"));
        Settings settings = Settings.defaults().withLastDatabase(last);
        Path chosen = dir.resolve("chosen.db");
        Path bundle = dir.resolve("bundle");
        StartPlan plan =
                StartPlan.of(
                        new GuiOptions(
                                chosen,
                                bundle,
                                DeviceChoice.GPU,
                                null,
                                GuiOptions.DEFAULT_SCREENSHOT_TIMEOUT),
                        settings);
        assertEquals(chosen.toAbsolutePath(), plan.database());
        assertFalse(plan.seedSamples(), "only the default database gets the samples");
        assertEquals(bundle.toAbsolutePath(), plan.model());
        assertEquals(DeviceChoice.GPU, plan.device());
        assertEquals(List.of(), plan.notices());

        Files.delete(last);
        StartPlan chosenDespiteGone =
                StartPlan.of(
                        new GuiOptions(
                                chosen, null, null, null, GuiOptions.DEFAULT_SCREENSHOT_TIMEOUT),
                        settings);
        assertEquals(List.of(), chosenDespiteGone.notices(), "the last one was not wanted");
    }
}
