package io.rewardlens.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.EngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings kept as JSON in the user's configuration folder. */
class SettingsFileTest {
    @TempDir Path dir;

    @Test
    void aMissingFileGivesTheDefaults() {
        Settings settings = new SettingsFile(dir.resolve("none/settings.json")).load();
        assertEquals(Settings.DEFAULT_TAGS, settings.tags());
        assertFalse(settings.blindMode());
        assertEquals(Theme.LIGHT, settings.theme());
        assertEquals(DeviceChoice.AUTO, settings.device());
        assertEquals(EngineSettings.bundled(), settings.engineSettings());
        assertNull(settings.lastDatabase());
        assertFalse(settings.annotator().isBlank());
    }

    @Test
    void savedSettingsReadBackTheSame() {
        SettingsFile file = new SettingsFile(dir.resolve("config/settings.json"));
        Settings saved =
                Settings.defaults()
                        .withPreferences(
                                " alice ",
                                true,
                                List.of("a", "b", " ", "a"),
                                Theme.DARK,
                                DeviceChoice.GPU,
                                "/opt/libtorch/lib")
                        .withLastDatabase(dir.resolve("x.db"))
                        .withLastModel(dir.resolve("model"));
        file.save(saved);
        Settings read = file.load();
        assertEquals(saved, read);
        assertEquals("alice", read.annotator());
        assertEquals(List.of("a", "b"), read.tags());
        assertEquals(
                new EngineSettings(Path.of("/opt/libtorch/lib"), "2.7.1", "cu128"),
                read.engineSettings());
        assertEquals(dir.resolve("x.db").toAbsolutePath().toString(), read.lastDatabase());
    }

    @Test
    void olderOrHandEditedFilesKeepTheirValuesAndGetDefaultsForTheRest() throws Exception {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{\"annotator\": \"bob\", \"theme\": \"DARK\", \"future\": 1}");
        Settings read = new SettingsFile(path).load();
        assertEquals("bob", read.annotator());
        assertEquals(Theme.DARK, read.theme());
        assertEquals(Settings.DEFAULT_TAGS, read.tags());
    }

    @Test
    void aBrokenFileIsReportedWithItsPlace() throws Exception {
        Path path = dir.resolve("settings.json");
        Files.writeString(path, "{\n  \"annotator\": \"bob\",\n  \"blindMode\": maybe\n}");
        SettingsException error =
                assertThrows(SettingsException.class, () -> new SettingsFile(path).load());
        assertTrue(error.getMessage().contains(path.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
    }

    @Test
    void theLocationFollowsTheSystemProperty() {
        String before = System.getProperty(SettingsFile.CONFIG_DIR_PROPERTY);
        System.setProperty(SettingsFile.CONFIG_DIR_PROPERTY, dir.toString());
        try {
            assertEquals(
                    dir.resolve("settings.json").toAbsolutePath(), SettingsFile.forUser().file());
        } finally {
            if (before == null) {
                System.clearProperty(SettingsFile.CONFIG_DIR_PROPERTY);
            } else {
                System.setProperty(SettingsFile.CONFIG_DIR_PROPERTY, before);
            }
        }
    }
}
