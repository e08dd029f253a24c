package io.rewardlens.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.skywork.ExportOptions;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.SkyworkExporter;
import io.rewardlens.storage.skywork.SkyworkImporter;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.QueueState;
import io.rewardlens.ui.annotate.ScoreState;
import io.rewardlens.ui.annotate.TestBench;
import io.rewardlens.ui.settings.Settings;
import io.rewardlens.ui.settings.SettingsFile;
import io.rewardlens.ui.task.DirectExecutor;
import io.rewardlens.ui.task.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's state around the pair view, without the toolkit: opening and seeding a real
 * database, loading the real demo model, importing every format, the database's blind-mode rule,
 * settings and dataset scoring.
 */
class WorkbenchViewModelTest {
    @TempDir Path dir;

    private SettingsFile settingsFile;
    private WorkbenchViewModel viewModel;
    private Path database;
    private final AtomicInteger seeded = new AtomicInteger();

    @BeforeEach
    void create() {
        settingsFile = new SettingsFile(dir.resolve("config/settings.json"));
        viewModel = newViewModel(Settings.defaults());
        database = dir.resolve("work.db");
    }

    private WorkbenchViewModel newViewModel(Settings settings) {
        return new WorkbenchViewModel(
                new DirectExecutor(),
                settingsFile,
                settings,
                new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
    }

    @AfterEach
    void close() {
        viewModel.close();
    }

    private WorkbenchViewModel.StoreSeeder sampleSeeder() {
        return (store, progress) -> {
            seeded.incrementAndGet();
            Path pairs = SampleData.writeSamplePairs(dir.resolve("sample.jsonl"));
            SkyworkImporter.importFile(
                    store, pairs, ImportOptions.intoDataset("sample"), progress.asListener());
        };
    }

    private void openSampleDatabase() {
        viewModel.openDatabase(database, sampleSeeder());
        assertEquals("", viewModel.errorProperty().get());
    }

    private AnnotationViewModel annotation() {
        return viewModel.annotation();
    }

    @Test
    void opensADatabaseSeedingItOnceAndRemembersIt() {
        openSampleDatabase();
        assertEquals(1, seeded.get());
        assertEquals(database.toAbsolutePath(), viewModel.databasePathProperty().get());
        assertEquals(List.of("sample"), viewModel.datasetsProperty().get());
        assertFalse(viewModel.sourcesProperty().get().isEmpty());
        assertEquals(QueueState.SHOWING, annotation().queueStateProperty().get());
        assertEquals(ScoreState.NO_MODEL, annotation().scoreViewProperty().get().state());
        assertEquals(database.toAbsolutePath().toString(), settingsFile.load().lastDatabase());

        viewModel.close();
        viewModel = newViewModel(settingsFile.load());
        openSampleDatabase();
        assertEquals(1, seeded.get(), "a database with data is not seeded again");
    }

    @Test
    void loadsTheDemoModelAndScoresThePairOnScreen() {
        openSampleDatabase();
        Path bundle = TestBench.demoModel().info().directory();
        viewModel.openModel(bundle, DeviceChoice.CPU);
        assertEquals("", viewModel.errorProperty().get());
        assertTrue(viewModel.demoModelProperty().get());
        assertEquals("cpu", viewModel.deviceLabelProperty().get());
        assertTrue(viewModel.engineLabelProperty().get().startsWith("PyTorch"));
        assertEquals(ScoreState.READY, annotation().scoreViewProperty().get().state());
        assertEquals(bundle.toAbsolutePath().toString(), settingsFile.load().lastModel());

        viewModel.scoreDataset();
        assertTrue(
                viewModel.noticeProperty().get().startsWith("Scored "),
                viewModel.noticeProperty().get());
        try (PreferenceStore store = PreferenceStore.open(database)) {
            long model = store.models().get(0).id();
            for (StoredPair pair : store.pairs(PairQuery.all())) {
                assertTrue(store.score(pair.id(), model).isPresent(), "pair " + pair.id());
            }
        }
    }

    @Test
    void aBrokenBundleIsReportedAndNothingChanges() throws Exception {
        openSampleDatabase();
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("bundle.json"), "{ not json");
        viewModel.openModel(broken, DeviceChoice.CPU);
        String error = viewModel.errorProperty().get();
        assertTrue(error.contains(broken.toString()) && error.contains("config.json"), error);
        assertEquals(null, viewModel.modelInfoProperty().get());
        viewModel.dismissError();
        assertEquals("", viewModel.errorProperty().get());
    }

    @Test
    void importsJsonlGzipAndParquetIntoNewDatasets() throws Exception {
        openSampleDatabase();
        Path gz = dir.resolve("exported.jsonl.gz");
        Path parquet = dir.resolve("exported.parquet");
        try (PreferenceStore source = PreferenceStore.open(dir.resolve("source.db"))) {
            SkyworkImporter.importFile(
                    source,
                    SampleData.writeSamplePairs(dir.resolve("in.jsonl")),
                    ImportOptions.intoDataset("in"),
                    ProgressListener.NONE);
            SkyworkExporter.export(source, gz, ExportOptions.defaults(), ProgressListener.NONE);
            SkyworkExporter.export(
                    source, parquet, ExportOptions.defaults(), ProgressListener.NONE);
        }
        viewModel.importDataset(gz);
        viewModel.importDataset(parquet);
        viewModel.importDataset(gz);
        assertEquals("", viewModel.errorProperty().get());
        assertEquals(
                List.of("sample", "exported", "exported (2)", "exported (3)"),
                viewModel.datasetsProperty().get());
        assertTrue(viewModel.noticeProperty().get().contains("exported (3)"));
        assertEquals("exported (3)", annotation().filterProperty().get().dataset());
        assertEquals("exported (3)", annotation().currentProperty().get().stored().dataset());
        try (PreferenceStore store = PreferenceStore.open(database)) {
            long pairs = store.dataset("sample").orElseThrow().pairs();
            assertEquals(pairs, store.dataset("exported (2)").orElseThrow().pairs());
        }
    }

    @Test
    void aLabelStudioExportImportsWithItsAnnotatorsVerdicts() throws Exception {
        openSampleDatabase();
        Path tasks =
                Files.writeString(
                        dir.resolve("tasks.json"),
                        "[{\"data\": {\"prompt\": \"p\", \"text1\": \"a\", \"text2\": \"b\"},"
                                + " \"annotations\": [{\"completed_by\": 5, \"result\": [{\"type\":"
                                + " \"pairwise\", \"value\": {\"selected\": \"right\"}}]}]}]");
        viewModel.importDataset(tasks);
        assertEquals("", viewModel.errorProperty().get());
        String notice = viewModel.noticeProperty().get();
        assertTrue(notice.contains("read as label-studio, with 1 human verdict"), notice);
        assertEquals("tasks", annotation().filterProperty().get().dataset());
    }

    @Test
    void aBadFileIsReportedByFileAndLineAndImportsNothing() throws Exception {
        openSampleDatabase();
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(
                bad,
                "{\"chosen\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\","
                        + " \"content\": \"a\"}], \"rejected\": [{\"role\": \"user\", \"content\":"
                        + " \"q\"}, {\"role\": \"assistant\", \"content\": \"b\"}]}\n"
                        + "{\"chosen\": 5}\n");
        viewModel.importDataset(bad);
        String error = viewModel.errorProperty().get();
        assertTrue(error.contains("bad.jsonl") && error.contains("2"), error);
        assertEquals(List.of("sample"), viewModel.datasetsProperty().get());
    }

    @Test
    void theDatabaseCanRequireBlindModeOfEveryAnnotator() {
        openSampleDatabase();
        assertFalse(annotation().blindProperty().get());
        viewModel.setBlindRequired(true);
        assertTrue(viewModel.blindRequiredProperty().get());
        assertTrue(annotation().blindProperty().get());

        viewModel.close();
        viewModel = newViewModel(settingsFile.load());
        openSampleDatabase();
        assertTrue(viewModel.blindRequiredProperty().get(), "kept in the database");
        assertTrue(annotation().blindProperty().get());
        assertFalse(settingsFile.load().blindMode(), "not the user's own setting");
        viewModel.setBlindRequired(false);
        assertFalse(annotation().blindProperty().get());
    }

    @Test
    void verdictsInAnAssignedDatabaseCarryItsAnnotatorsName() {
        openSampleDatabase();
        viewModel.close();
        try (PreferenceStore store = PreferenceStore.open(database)) {
            store.putSetting(WorkbenchViewModel.ASSIGNED_ANNOTATOR_SETTING, "ann");
        }
        viewModel = newViewModel(settingsFile.load());
        openSampleDatabase();
        viewModel.applySettings(
                viewModel
                        .settingsProperty()
                        .get()
                        .withPreferences("carol", false, List.of(), null, null, null));
        long pairId = annotation().currentProperty().get().id();
        annotation().giveVerdict(Verdict.TIE);
        try (PreferenceStore store = PreferenceStore.open(database)) {
            assertEquals("ann", store.annotations(pairId).get(0).annotation().annotator());
        }
        assertEquals("carol", settingsFile.load().annotator(), "the user's own name is kept");
    }

    @Test
    void settingsApplyAtOnceAndPersist() {
        openSampleDatabase();
        Settings changed =
                viewModel
                        .settingsProperty()
                        .get()
                        .withPreferences("carol", true, List.of("wrong", "rude"), null, null, null);
        viewModel.applySettings(changed);
        assertEquals(List.of("wrong", "rude"), annotation().tagsProperty().get());
        assertTrue(annotation().blindProperty().get());
        assertEquals("carol", settingsFile.load().annotator());
        assertEquals(List.of("wrong", "rude"), settingsFile.load().tags());

        long pairId = annotation().currentProperty().get().id();
        annotation().toggleTag(1);
        annotation().giveVerdict(Verdict.TIE);
        try (PreferenceStore store = PreferenceStore.open(database)) {
            var saved = store.annotations(pairId).get(0).annotation();
            assertEquals("carol", saved.annotator());
            assertEquals(List.of("rude"), saved.tags());
        }
    }
}
