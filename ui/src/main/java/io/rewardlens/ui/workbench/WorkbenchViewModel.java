package io.rewardlens.ui.workbench;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.LoadOptions;
import io.rewardlens.scoring.ModelInfo;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.SourceSummary;
import io.rewardlens.storage.StoreStats;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.ImportReport;
import io.rewardlens.storage.skywork.SkyworkImporter;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.storescoring.StoreScoreCache;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.EditViewModel;
import io.rewardlens.ui.inspect.InspectViewModel;
import io.rewardlens.ui.settings.Settings;
import io.rewardlens.ui.settings.SettingsFile;
import io.rewardlens.ui.settings.Theme;
import io.rewardlens.ui.task.BackgroundExecutor;
import io.rewardlens.ui.task.BackgroundJob;
import io.rewardlens.ui.task.BackgroundWork;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The workbench window's state around the pair view: the open database and reward model (what the
 * status bar shows), the long job under way (import, dataset scoring, loading), errors and notices,
 * the user's settings, and the annotation and edit view models. Every store and model operation
 * runs through the injected {@link BackgroundExecutor}; call its methods on the UI thread.
 */
public final class WorkbenchViewModel implements AutoCloseable {
    /** The store-wide setting that makes blind mode compulsory for the database's annotators. */
    public static final String REQUIRE_BLIND_SETTING = "annotation.require_blind_mode";

    /**
     * The store-wide setting that names the annotator a database was made for ({@code rewardlens
     * assign} writes it): verdicts given in that database carry this name, not the user's own.
     */
    public static final String ASSIGNED_ANNOTATOR_SETTING = "annotator";

    /** Fills a store that holds no dataset yet, such as the sample pairs on first launch. */
    @FunctionalInterface
    public interface StoreSeeder {
        /**
         * Adds the first data.
         *
         * @param store the empty store
         * @param progress where to report progress
         * @throws Exception when seeding fails
         */
        void seed(PreferenceStore store, io.rewardlens.ui.task.JobProgress progress)
                throws Exception;
    }

    private final BackgroundExecutor executor;
    private final SettingsFile settingsFile;
    private final AnnotationViewModel annotation;
    private final EditViewModel edit;
    private final InspectViewModel inspect;

    private PreferenceStore store;

    /**
     * The open database's assigned annotator (see {@link #ASSIGNED_ANNOTATOR_SETTING}), or null.
     */
    private String assignedAnnotator;

    private RewardModel model;
    private ScoringContext scoring;
    private long scoringGeneration;

    private final ReadOnlyObjectWrapper<Settings> settings =
            new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<Path> databasePath =
            new ReadOnlyObjectWrapper<>(this, "databasePath");
    private final ReadOnlyStringWrapper databaseLabel =
            new ReadOnlyStringWrapper(this, "databaseLabel", "No database");
    private final ReadOnlyObjectWrapper<List<String>> datasets =
            new ReadOnlyObjectWrapper<>(this, "datasets", List.of());
    private final ReadOnlyObjectWrapper<List<String>> sources =
            new ReadOnlyObjectWrapper<>(this, "sources", List.of());
    private final ReadOnlyObjectWrapper<ModelInfo> modelInfo =
            new ReadOnlyObjectWrapper<>(this, "modelInfo");
    private final ReadOnlyStringWrapper modelLabel =
            new ReadOnlyStringWrapper(this, "modelLabel", "No model");
    private final ReadOnlyBooleanWrapper demoModel = new ReadOnlyBooleanWrapper(this, "demoModel");
    private final ReadOnlyStringWrapper deviceLabel =
            new ReadOnlyStringWrapper(this, "deviceLabel", "\u2013");
    private final ReadOnlyStringWrapper engineLabel =
            new ReadOnlyStringWrapper(this, "engineLabel", "\u2013");
    private final ReadOnlyObjectWrapper<BackgroundJob> activeJob =
            new ReadOnlyObjectWrapper<>(this, "activeJob");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper blindRequired =
            new ReadOnlyBooleanWrapper(this, "blindRequired");

    /**
     * Creates the workbench state with nothing open.
     *
     * @param executor runs store and model work in the background
     * @param settingsFile where settings are saved when they change
     * @param initial the settings read at start
     * @param clock tells the time verdicts take
     */
    public WorkbenchViewModel(
            BackgroundExecutor executor, SettingsFile settingsFile, Settings initial, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settingsFile = Objects.requireNonNull(settingsFile, "settingsFile");
        this.settings.set(Objects.requireNonNull(initial, "initial"));
        this.annotation = new AnnotationViewModel(executor, clock, this::showError);
        this.edit = new EditViewModel(annotation, EditViewModel.DEFAULT_DEBOUNCE);
        this.inspect =
                new InspectViewModel(
                        executor,
                        annotation,
                        datasets.getReadOnlyProperty(),
                        sources.getReadOnlyProperty(),
                        (directory, device) ->
                                RewardModel.load(
                                        directory,
                                        LoadOptions.defaults()
                                                .withDevice(device)
                                                .withEngineSettings(
                                                        settings.get().engineSettings())),
                        this::openModel);
        annotation.setAnnotator(initial.annotator());
        annotation.setTags(initial.tags());
        annotation.setBlindMode(initial.blindMode(), false);
    }

    // ---------------------------------------------------------------- properties

    /**
     * The pair view's state.
     *
     * @return the annotation view model
     */
    public AnnotationViewModel annotation() {
        return annotation;
    }

    /**
     * The response editor's state.
     *
     * @return the edit view model
     */
    public EditViewModel edit() {
        return edit;
    }

    /**
     * The inspection window's state: disagreement queue, reports and charts, several models.
     *
     * @return the inspect view model
     */
    public InspectViewModel inspect() {
        return inspect;
    }

    /**
     * The user's settings.
     *
     * @return the settings
     */
    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /**
     * The open database file.
     *
     * @return the file, null when none is open
     */
    public ReadOnlyObjectProperty<Path> databasePathProperty() {
        return databasePath.getReadOnlyProperty();
    }

    /**
     * The database as the status bar names it.
     *
     * @return the label
     */
    public ReadOnlyStringProperty databaseLabelProperty() {
        return databaseLabel.getReadOnlyProperty();
    }

    /**
     * The names of the open database's datasets, for the queue's filter.
     *
     * @return the names, oldest first
     */
    public ReadOnlyObjectProperty<List<String>> datasetsProperty() {
        return datasets.getReadOnlyProperty();
    }

    /**
     * The {@code source} values of the open database's pairs, for the queue's filter.
     *
     * @return the values
     */
    public ReadOnlyObjectProperty<List<String>> sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    /**
     * The loaded reward model.
     *
     * @return its info, null when none is loaded
     */
    public ReadOnlyObjectProperty<ModelInfo> modelInfoProperty() {
        return modelInfo.getReadOnlyProperty();
    }

    /**
     * The model as the status bar names it.
     *
     * @return the label
     */
    public ReadOnlyStringProperty modelLabelProperty() {
        return modelLabel.getReadOnlyProperty();
    }

    /**
     * Whether the loaded model is the demo (random weights: its scores mean nothing).
     *
     * @return true for the demo model
     */
    public ReadOnlyBooleanProperty demoModelProperty() {
        return demoModel.getReadOnlyProperty();
    }

    /**
     * Where the model runs, {@code cpu} or {@code gpu(0)}.
     *
     * @return the device
     */
    public ReadOnlyStringProperty deviceLabelProperty() {
        return deviceLabel.getReadOnlyProperty();
    }

    /**
     * The inference engine and its version.
     *
     * @return the engine
     */
    public ReadOnlyStringProperty engineLabelProperty() {
        return engineLabel.getReadOnlyProperty();
    }

    /**
     * The long job under way (opening, importing, loading, scoring a dataset), for the progress
     * bar.
     *
     * @return the job, null when none runs
     */
    public ReadOnlyObjectProperty<BackgroundJob> activeJobProperty() {
        return activeJob.getReadOnlyProperty();
    }

    /**
     * The last error, shown until dismissed.
     *
     * @return the message, empty when none
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The last notice (a finished import, a saved setting).
     *
     * @return the message, empty when none
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Whether the open database requires blind mode.
     *
     * @return true when required
     */
    public ReadOnlyBooleanProperty blindRequiredProperty() {
        return blindRequired.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- database

    private record OpenedStore(
            PreferenceStore store, boolean requireBlind, String assignedAnnotator) {}

    /**
     * Opens (creating if needed) a database and shows its first pair; the filter choices (dataset
     * and source names) are counted afterwards, as that reads the whole database.
     *
     * @param file the database file
     * @param seeder fills the database when it holds no dataset yet, or null
     */
    public void openDatabase(Path file, StoreSeeder seeder) {
        Path absolute = file.toAbsolutePath();
        runJob(
                "Opening " + absolute.getFileName(),
                progress -> {
                    PreferenceStore opened = PreferenceStore.open(absolute);
                    try {
                        if (seeder != null
                                && opened.readOnlyReason().isEmpty()
                                && opened.datasets().isEmpty()) {
                            seeder.seed(opened, progress);
                        }
                        boolean requireBlind =
                                Boolean.parseBoolean(
                                        opened.setting(REQUIRE_BLIND_SETTING).orElse("false"));
                        return new OpenedStore(
                                opened,
                                requireBlind,
                                opened.setting(ASSIGNED_ANNOTATOR_SETTING).orElse(null));
                    } catch (Exception | Error e) {
                        opened.close();
                        throw e;
                    }
                },
                opened -> {
                    PreferenceStore old = store;
                    store = opened.store();
                    databasePath.set(store.file());
                    databaseLabel.set(store.file().toString());
                    datasets.set(List.of());
                    sources.set(List.of());
                    blindRequired.set(opened.requireBlind());
                    assignedAnnotator = opened.assignedAnnotator();
                    annotation.setAnnotator(annotatorFor(settings.get()));
                    annotation.setBlindMode(settings.get().blindMode(), opened.requireBlind());
                    annotation.setScoring(null);
                    annotation.open(store);
                    inspect.setStore(store);
                    updateSettings(settings.get().withLastDatabase(store.file()));
                    connectScoring(old, null);
                    refreshFilterChoices();
                });
    }

    /** Reads the dataset and source names of the open store for the queue's filter. */
    private void refreshFilterChoices() {
        PreferenceStore target = store;
        executor.submit(
                "Listing datasets and sources",
                progress -> target.stats(),
                stats -> {
                    if (target == store) {
                        datasets.set(datasetNames(stats));
                        sources.set(sourceValues(stats));
                    }
                },
                this::showError);
    }

    private static List<String> datasetNames(StoreStats stats) {
        return stats.perDataset().stream().map(DatasetSummary::name).toList();
    }

    private static List<String> sourceValues(StoreStats stats) {
        List<String> values = new ArrayList<>();
        for (SourceSummary source : stats.perSource()) {
            if (source.source() != null) {
                values.add(source.source());
            }
        }
        return values;
    }

    /**
     * Imports a preference file of any layout the importer reads (JSONL, JSON, gzipped, Parquet;
     * the layout detected from its first record) into a new dataset named after the file, then
     * shows that dataset.
     *
     * @param file the file
     */
    public void importDataset(Path file) {
        PreferenceStore target = store;
        if (target == null) {
            showError("Open a database before importing");
            return;
        }
        runJob(
                "Importing " + file.getFileName(),
                progress -> {
                    String name = freeDatasetName(target, ImportOptions.datasetNameFor(file));
                    ImportReport report =
                            SkyworkImporter.importFile(
                                    target,
                                    file,
                                    ImportOptions.intoDataset(name),
                                    progress.asListener());
                    return new Imported(report, target.stats());
                },
                imported -> {
                    if (target != store) {
                        return;
                    }
                    datasets.set(datasetNames(imported.stats()));
                    sources.set(sourceValues(imported.stats()));
                    ImportReport report = imported.report();
                    notice.set(
                            "Imported "
                                    + report.imported()
                                    + " pairs from "
                                    + file.getFileName()
                                    + " into dataset \u201c"
                                    + report.dataset()
                                    + "\u201d, read as "
                                    + report.format().cliName()
                                    + (report.verdicts() > 0
                                            ? ", with "
                                                    + report.verdicts()
                                                    + (report.verdicts() == 1
                                                            ? " human verdict"
                                                            : " human verdicts")
                                            : ""));
                    annotation.setFilter(
                            annotation.filterProperty().get().withDataset(report.dataset()));
                });
    }

    private record Imported(ImportReport report, StoreStats stats) {}

    private static String freeDatasetName(PreferenceStore store, String wanted) {
        String name = wanted;
        for (int n = 2; store.dataset(name).isPresent(); n++) {
            name = wanted + " (" + n + ")";
        }
        return name;
    }

    /**
     * Makes blind mode compulsory (or not) for everyone who annotates the open database.
     *
     * @param required true to require blind mode
     */
    public void setBlindRequired(boolean required) {
        PreferenceStore target = store;
        if (target == null) {
            return;
        }
        executor.submit(
                "Saving the database's blind-mode rule",
                progress -> {
                    target.putSetting(REQUIRE_BLIND_SETTING, required ? "true" : null);
                    return null;
                },
                ignored -> {
                    if (target == store) {
                        blindRequired.set(required);
                        annotation.setBlindMode(settings.get().blindMode(), required);
                    }
                },
                this::showError);
    }

    // ---------------------------------------------------------------- model

    private record LoadedModel(RewardModel model, Path directory) {}

    /**
     * Loads a model bundle on a device (replacing the loaded one once it has loaded).
     *
     * @param directory the bundle folder
     * @param device where to run it
     */
    public void openModel(Path directory, DeviceChoice device) {
        openModel(progress -> directory, device);
    }

    /**
     * Loads a model bundle found (or installed) by background work, such as the demo model.
     *
     * @param locate finds the bundle folder, off the UI thread
     * @param device where to run it
     */
    public void openModel(BackgroundWork<Path> locate, DeviceChoice device) {
        Settings current = settings.get();
        runJob(
                "Loading model",
                progress -> {
                    Path directory = locate.run(progress);
                    progress.update(-1, -1, "Loading " + directory.getFileName());
                    LoadOptions options =
                            LoadOptions.defaults()
                                    .withDevice(device)
                                    .withEngineSettings(current.engineSettings());
                    return new LoadedModel(RewardModel.load(directory, options), directory);
                },
                loaded -> {
                    RewardModel old = model;
                    model = loaded.model();
                    ModelInfo info = model.info();
                    modelInfo.set(info);
                    demoModel.set(model.bundle().demo());
                    modelLabel.set(info.name());
                    deviceLabel.set(info.device());
                    engineLabel.set(info.engineVersion());
                    updateSettings(settings.get().withLastModel(loaded.directory()));
                    connectScoring(null, old);
                });
    }

    /**
     * Scores every pair of the queue's dataset (or of all datasets) that the loaded model has not
     * scored yet, saving the scores in the store; the disagreement filter then finds them.
     */
    public void scoreDataset() {
        ScoringContext context = scoring;
        PreferenceStore target = store;
        if (context == null || target == null) {
            showError("Open a database and a model before scoring a dataset");
            return;
        }
        String dataset = annotation.filterProperty().get().dataset();
        runJob(
                "Scoring " + (dataset == null ? "all datasets" : dataset),
                progress ->
                        new DatasetScoring(target, context.service(), ScoringContext.LENGTH_POLICY)
                                .scoreDataset(
                                        dataset, progress.asListener(), progress::isCancelled),
                report -> {
                    notice.set(
                            "Scored "
                                    + report.scored()
                                    + " pairs ("
                                    + report.alreadyScored()
                                    + " were scored before"
                                    + (report.failed() > 0
                                            ? ", "
                                                    + report.failed()
                                                    + " failed: "
                                                    + report.failures().get(0)
                                            : "")
                                    + ")");
                    if (annotation.filterProperty().get().disagreesWithLabel()) {
                        annotation.refresh();
                    }
                    inspect.scoresChanged();
                });
    }

    /**
     * Makes a scoring service for the loaded model over the open store, then scores with it. The
     * replaced service is stopped first, then the replaced model and store are closed.
     */
    private void connectScoring(PreferenceStore storeToClose, RewardModel modelToClose) {
        ScoringContext old = scoring;
        scoring = null;
        inspect.setPairViewScoring(null);
        long generation = ++scoringGeneration;
        RewardModel current = model;
        PreferenceStore target = store;
        if (current == null || target == null) {
            annotation.setScoring(null);
            closeLater(old, storeToClose, modelToClose);
            return;
        }
        executor.submit(
                "Connecting the model to the database",
                progress -> {
                    closeAll(old, storeToClose, modelToClose);
                    ScoringService service =
                            new ScoringService(current, new StoreScoreCache(target.scoreCache()));
                    return new ScoringContext(
                            service,
                            new DatasetScoring(target, service, ScoringContext.LENGTH_POLICY)
                                    .registerModel());
                },
                context -> {
                    if (generation != scoringGeneration) {
                        closeLater(context, null, null);
                        return;
                    }
                    scoring = context;
                    annotation.setScoring(context);
                    inspect.setPairViewScoring(context);
                },
                this::showError);
    }

    private void closeLater(
            ScoringContext context, PreferenceStore storeToClose, RewardModel modelToClose) {
        if (context == null && storeToClose == null && modelToClose == null) {
            return;
        }
        executor.submit(
                "Closing",
                progress -> {
                    closeAll(context, storeToClose, modelToClose);
                    return null;
                },
                ignored -> {},
                this::showError);
    }

    private static void closeAll(
            ScoringContext context, PreferenceStore storeToClose, RewardModel modelToClose) {
        if (context != null) {
            context.service().close();
        }
        if (modelToClose != null) {
            modelToClose.close();
        }
        if (storeToClose != null) {
            storeToClose.close();
        }
    }

    // ---------------------------------------------------------------- settings

    /** Whose verdicts are given: the open database's assigned annotator, else the user's name. */
    private String annotatorFor(Settings current) {
        return assignedAnnotator != null ? assignedAnnotator : current.annotator();
    }

    /**
     * Applies and saves settings edited by the user. A new device reloads the loaded model on it.
     *
     * @param changed the new settings
     */
    public void applySettings(Settings changed) {
        Settings before = settings.get();
        updateSettings(changed);
        annotation.setAnnotator(annotatorFor(changed));
        annotation.setTags(changed.tags());
        annotation.setBlindMode(changed.blindMode(), blindRequired.get());
        if (changed.device() != before.device() && model != null) {
            openModel(model.info().directory(), changed.device());
        }
        if (!changed.engineSettings().equals(before.engineSettings())) {
            notice.set("The libtorch folder is used from the next start of RewardLens");
        }
    }

    /**
     * Switches between the light and dark theme.
     *
     * @param theme the theme
     */
    public void setTheme(Theme theme) {
        updateSettings(settings.get().withTheme(theme));
    }

    /**
     * Switches the user's blind mode.
     *
     * @param on true for blind mode
     */
    public void setBlindMode(boolean on) {
        updateSettings(settings.get().withBlindMode(on));
        annotation.setBlindMode(on, blindRequired.get());
    }

    private void updateSettings(Settings changed) {
        settings.set(changed);
        try {
            settingsFile.save(changed);
        } catch (RuntimeException e) {
            showError("Cannot save settings: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- messages and jobs

    /**
     * Shows an error until it is dismissed.
     *
     * @param message what went wrong
     */
    public void showError(String message) {
        error.set(message);
    }

    private void showError(Throwable failure) {
        if (!(failure instanceof CancellationException)) {
            showError(describe(failure));
        }
    }

    /** Hides the error shown. */
    public void dismissError() {
        error.set("");
    }

    /** Asks the long job under way to stop. */
    public void cancelJob() {
        BackgroundJob job = activeJob.get();
        if (job != null) {
            job.cancel();
        }
    }

    private <T> void runJob(String title, BackgroundWork<T> work, Consumer<T> onSuccess) {
        BackgroundJob[] job = new BackgroundJob[1];
        boolean[] done = {false};
        job[0] =
                executor.submit(
                        title,
                        work,
                        result -> {
                            done[0] = true;
                            finished(job[0]);
                            onSuccess.accept(result);
                        },
                        failure -> {
                            done[0] = true;
                            finished(job[0]);
                            if (failure instanceof CancellationException) {
                                notice.set(title + ": cancelled");
                            } else {
                                showError(title + ": " + describe(failure));
                            }
                        });
        if (!done[0]) {
            activeJob.set(job[0]);
        }
    }

    private void finished(BackgroundJob job) {
        if (job != null && activeJob.get() == job) {
            activeJob.set(null);
        }
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }

    /**
     * Saves the verdict changes still waiting, stops the model's work and closes the model and the
     * database.
     */
    @Override
    public void close() {
        annotation.saveWaitingWrites(AnnotationViewModel.WRITE_WAIT_BEFORE_CLOSE);
        inspect.close();
        scoringGeneration++;
        if (scoring != null) {
            scoring.service().close();
            scoring = null;
        }
        if (model != null) {
            model.close();
            model = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
