package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine settings take effect once per process; later conflicting settings are an error. */
class EngineSettingsTest {
    @Test
    void libraryPathNeedsAVersion() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new EngineSettings(Path.of("/opt/libtorch/lib"), null, "cu128"));
        assertTrue(e.getMessage().contains("PYTORCH_VERSION"), e.getMessage());
    }

    @Test
    void aLibraryFolderWithoutLibtorchIsRefusedBeforeDjlFallsBackQuietly(@TempDir Path empty) {
        ScoringException e =
                assertThrows(
                        ScoringException.class,
                        () -> TorchRuntime.engine(new EngineSettings(empty, "2.7.1", "cu128")));
        assertTrue(e.getMessage().contains("no libtorch.so in " + empty), e.getMessage());
    }

    @Test
    void otherSettingsAfterTheEngineLoadedAreRefused(@TempDir Path otherLibtorch) throws Exception {
        Files.createFile(otherLibtorch.resolve(System.mapLibraryName("torch")));
        var engine = TorchRuntime.engine(EngineSettings.bundled());
        assertSame(engine, TorchRuntime.engine(EngineSettings.bundled()));
        EngineSettingsConflictException e =
                assertThrows(
                        EngineSettingsConflictException.class,
                        () ->
                                TorchRuntime.engine(
                                        new EngineSettings(otherLibtorch, "2.7.1", "cu128")));
        assertTrue(e.getMessage().contains("already loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("PYTORCH_FLAVOR=cu128"), e.getMessage());
    }
}
