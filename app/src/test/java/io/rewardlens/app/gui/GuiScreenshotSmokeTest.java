package io.rewardlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.SkyworkImporter;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of {@code rewardlens gui --db FILE --model DIR --screenshot OUT.png} in a child JVM on
 * a real X server (Xvfb, with the real GTK glass toolkit, not Monocle): it must exit 0 and leave a
 * PNG of the window. Skipped (by assumption) only where {@code xvfb-run} is not installed.
 */
class GuiScreenshotSmokeTest {
    @TempDir Path dir;

    private static boolean xvfbRunInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, "xvfb-run"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void savesAPngOfTheWindowOnceTheFirstPairIsScored() throws Exception {
        Assumptions.assumeTrue(xvfbRunInstalled(), "xvfb-run is not installed");
        Path database = dir.resolve("smoke.db");
        try (PreferenceStore store = PreferenceStore.open(database)) {
            Path pairs = SampleData.writeSamplePairs(dir.resolve("sample.jsonl"));
            SkyworkImporter.importFile(
                    store, pairs, ImportOptions.intoDataset("sample"), ProgressListener.NONE);
        }
        Path model = SampleData.installDemoModel(dir.resolve("models/demo"));
        Path screenshot = dir.resolve("shots/window.png");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String classPath = System.getProperty("surefire.test.class.path");
        if (classPath == null || classPath.isBlank()) {
            classPath = System.getProperty("java.class.path");
        }
        List<String> command = new ArrayList<>();
        command.addAll(
                List.of(
                        "xvfb-run",
                        "-a",
                        "-s",
                        "-screen 0 1600x1000x24",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + tmp,
                        "-Drewardlens.config.dir=" + dir.resolve("config"),
                        "-Drewardlens.data.dir=" + dir.resolve("data"),
                        "-cp",
                        classPath,
                        "io.rewardlens.app.RewardLensMain",
                        "gui",
                        "--db",
                        database.toString(),
                        "--model",
                        model.toString(),
                        "--device",
                        "CPU",
                        "--screenshot",
                        screenshot.toString()));
        Path log = dir.resolve("gui.log");
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        boolean exited = process.waitFor(240, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, "gui --screenshot did not exit:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("rewardlens: saved " + screenshot), output);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1400, image.getWidth(), "the window's width");
        assertEquals(900, image.getHeight(), "the window's height");
    }
}
