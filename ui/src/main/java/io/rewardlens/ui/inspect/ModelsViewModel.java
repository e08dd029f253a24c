package io.rewardlens.ui.inspect;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.ModelInfo;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.storescoring.StoreScoreCache;
import io.rewardlens.ui.task.BackgroundExecutor;
import io.rewardlens.ui.task.BackgroundJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The models panel: the pair view's model and the bundles loaded to compare with it, each connected
 * to the open store (its scoring service keeps its cache there and it is registered there), and the
 * jobs scoring a dataset with them, one background job per model with its progress and a cancel
 * button. Loading a bundle here never changes the pair view's model; {@link #useForPairView} does,
 * on request. Call its methods on the UI thread.
 */
public final class ModelsViewModel {
    private final BackgroundExecutor executor;
    private final Consumer<String> errors;
    private final ModelLoader loader;
    private final BiConsumer<Path, DeviceChoice> pairViewSwitch;
    private final Runnable scoresChanged;

    private PreferenceStore store;
    private long storeGeneration;
    private ScoringContext pairViewScoring;
    private final List<ComparedModel> compared = new ArrayList<>();
    private long nextKey = ModelRow.PAIR_VIEW_KEY + 1;
    private int loadsUnderWay;

    private final ReadOnlyObjectWrapper<List<ModelRow>> models =
            new ReadOnlyObjectWrapper<>(this, "models", List.of());
    private final ReadOnlyObjectWrapper<List<ScoringJob>> jobs =
            new ReadOnlyObjectWrapper<>(this, "jobs", List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    /**
     * Creates the panel with no model and no store.
     *
     * @param executor runs loading and scoring in the background
     * @param errors shown to the user when loading or scoring fails
     * @param loader loads bundles
     * @param pairViewSwitch loads a bundle as the pair view's model (the workbench's Model → Open)
     * @param scoresChanged told on the UI thread when a job saved scores, so that views reading
     *     scores can refresh
     */
    public ModelsViewModel(
            BackgroundExecutor executor,
            Consumer<String> errors,
            ModelLoader loader,
            BiConsumer<Path, DeviceChoice> pairViewSwitch,
            Runnable scoresChanged) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.pairViewSwitch = Objects.requireNonNull(pairViewSwitch, "pairViewSwitch");
        this.scoresChanged = Objects.requireNonNull(scoresChanged, "scoresChanged");
    }

    /** A bundle loaded by the panel, and its connection to the open store. */
    private static final class ComparedModel {
        final long key;
        final RewardModel model;
        final DeviceChoice requestedDevice;
        ScoringContext context;

        ComparedModel(long key, RewardModel model, DeviceChoice requestedDevice) {
            this.key = key;
            this.model = model;
            this.requestedDevice = requestedDevice;
        }
    }

    // ---------------------------------------------------------------- properties

    /**
     * The loaded models: the pair view's first, then the compared ones in the order loaded.
     *
     * @return the rows
     */
    public ReadOnlyObjectProperty<List<ModelRow>> modelsProperty() {
        return models.getReadOnlyProperty();
    }

    /**
     * The scoring jobs of this session, oldest first, running or ended.
     *
     * @return the jobs
     */
    public ReadOnlyObjectProperty<List<ScoringJob>> jobsProperty() {
        return jobs.getReadOnlyProperty();
    }

    /**
     * Whether a bundle is being loaded.
     *
     * @return true while loading
     */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- models

    /**
     * Loads a bundle to compare, on a device, and connects it to the open store.
     *
     * @param directory the bundle folder
     * @param device where to run it
     */
    public void addModel(Path directory, DeviceChoice device) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(device, "device");
        PreferenceStore target = store;
        long expected = storeGeneration;
        loadsUnderWay++;
        loading.set(true);
        executor.submit(
                "Loading " + directory.getFileName(),
                progress -> {
                    progress.update(-1, -1, "loading " + directory);
                    RewardModel model = loader.load(directory, device);
                    try {
                        return new Loaded(model, target == null ? null : connect(model, target));
                    } catch (Exception | Error e) {
                        model.close();
                        throw e;
                    }
                },
                loaded -> {
                    loadFinished();
                    String twin = loadedTwin(loaded.model().info());
                    if (twin != null) {
                        closeLater(loaded.context(), loaded.model());
                        errors.accept(
                                directory
                                        + " on "
                                        + loaded.model().info().device()
                                        + " is loaded already, as "
                                        + twin);
                        return;
                    }
                    ComparedModel added = new ComparedModel(nextKey++, loaded.model(), device);
                    compared.add(added);
                    if (expected == storeGeneration) {
                        added.context = loaded.context();
                    } else {
                        closeLater(loaded.context(), null);
                        connectAll(List.of(added));
                    }
                    updateRows();
                },
                failure -> {
                    loadFinished();
                    errors.accept(
                            "Cannot load the model in "
                                    + directory
                                    + ": "
                                    + InspectViewModel.describe(failure));
                });
    }

    private record Loaded(RewardModel model, ScoringContext context) {}

    private void loadFinished() {
        loadsUnderWay--;
        loading.set(loadsUnderWay > 0);
    }

    private String loadedTwin(ModelInfo info) {
        for (ModelRow row : models.get()) {
            ModelInfo other = infoOf(row.key());
            if (other != null
                    && other.modelKey().equals(info.modelKey())
                    && other.device().equals(info.device())) {
                return row.name() + " (" + row.role() + ")";
            }
        }
        return null;
    }

    /**
     * Unloads a compared model, cancelling its jobs. The pair view's model stays.
     *
     * @param row the model's row
     */
    public void remove(ModelRow row) {
        ComparedModel model = compared(row);
        if (model == null) {
            return;
        }
        for (ScoringJob job : jobs.get()) {
            if (job.modelKey() == model.key) {
                job.cancel();
            }
        }
        compared.remove(model);
        ScoringContext context = model.context;
        model.context = null;
        closeLater(context, model.model);
        updateRows();
    }

    /**
     * Makes a compared model the pair view's model: the workbench loads its bundle for the pair
     * view (replacing the model there) and the panel's own copy is unloaded.
     *
     * @param row the model's row
     */
    public void useForPairView(ModelRow row) {
        if (compared(row) == null) {
            return;
        }
        pairViewSwitch.accept(row.directory(), row.requestedDevice());
        remove(row);
    }

    private ComparedModel compared(ModelRow row) {
        for (ComparedModel model : compared) {
            if (model.key == row.key()) {
                return model;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- scoring

    /**
     * Scores a dataset with every loaded model, one job per model.
     *
     * @param dataset the dataset, or null for every dataset
     */
    public void scoreDataset(String dataset) {
        for (ModelRow row : models.get()) {
            scoreDataset(row, dataset);
        }
    }

    /**
     * Scores the pairs of a dataset that a model has not scored yet, saving the scores in the
     * store.
     *
     * @param row the model's row
     * @param dataset the dataset, or null for every dataset
     */
    public void scoreDataset(ModelRow row, String dataset) {
        ScoringContext context = contextOf(row.key());
        PreferenceStore target = store;
        if (target == null) {
            errors.accept("Open a database before scoring");
            return;
        }
        if (context == null) {
            errors.accept(row.name() + " is not connected to the database yet; try again shortly");
            return;
        }
        String title =
                row.name()
                        + " ("
                        + row.device()
                        + ") on "
                        + (dataset == null ? "all datasets" : "\u201c" + dataset + "\u201d");
        for (ScoringJob job : jobs.get()) {
            if (job.title().equals(title)
                    && job.stateProperty().get() == ScoringJob.State.RUNNING) {
                errors.accept(title + " is running already");
                return;
            }
        }
        ScoringJob job = new ScoringJob(title, row.key());
        List<ScoringJob> all = new ArrayList<>(jobs.get());
        all.add(job);
        jobs.set(List.copyOf(all));
        long expected = storeGeneration;
        BackgroundJob started =
                executor.submit(
                        "Scoring with " + title,
                        progress ->
                                new DatasetScoring(
                                                target,
                                                context.service(),
                                                ScoringContext.LENGTH_POLICY)
                                        .scoreDataset(
                                                dataset,
                                                progress.asListener(),
                                                progress::isCancelled),
                        report -> {
                            job.succeeded(report);
                            if (expected == storeGeneration) {
                                scoresChanged.run();
                            }
                        },
                        failure -> {
                            if (failure instanceof CancellationException) {
                                job.cancelled();
                            } else {
                                job.failed(InspectViewModel.describe(failure));
                                if (expected == storeGeneration) {
                                    errors.accept(
                                            "Scoring with "
                                                    + title
                                                    + " failed: "
                                                    + InspectViewModel.describe(failure));
                                }
                            }
                            if (expected == storeGeneration) {
                                // Scores saved before the stop stay in the store.
                                scoresChanged.run();
                            }
                        });
        job.attach(started);
    }

    /** Cancels every running scoring job. */
    public void cancelJobs() {
        for (ScoringJob job : jobs.get()) {
            job.cancel();
        }
    }

    /** Drops the jobs that ended from the list. */
    public void clearFinishedJobs() {
        jobs.set(
                jobs.get().stream()
                        .filter(job -> job.stateProperty().get() == ScoringJob.State.RUNNING)
                        .toList());
    }

    // ---------------------------------------------------------------- from the inspect view model

    /**
     * Connects the compared models to another store (or none): jobs on the old store are cancelled,
     * the old connections closed.
     */
    void setStore(PreferenceStore newStore) {
        storeGeneration++;
        cancelJobs();
        store = newStore;
        List<ScoringContext> old = new ArrayList<>();
        for (ComparedModel model : compared) {
            if (model.context != null) {
                old.add(model.context);
                model.context = null;
            }
        }
        for (ScoringContext context : old) {
            closeLater(context, null);
        }
        connectAll(List.copyOf(compared));
        updateRows();
    }

    /** Shows the pair view's model (or none) in the first row. */
    void setPairViewScoring(ScoringContext context) {
        pairViewScoring = context;
        updateRows();
    }

    /** Cancels the jobs and closes the compared models, on the calling thread. */
    void close() {
        storeGeneration++;
        cancelJobs();
        for (ComparedModel model : compared) {
            if (model.context != null) {
                model.context.service().close();
            }
            model.model.close();
        }
        compared.clear();
        updateRows();
    }

    // ---------------------------------------------------------------- internals

    private static ScoringContext connect(RewardModel model, PreferenceStore target) {
        ScoringService service =
                new ScoringService(model, new StoreScoreCache(target.scoreCache()));
        try {
            StoredModel registered =
                    new DatasetScoring(target, service, ScoringContext.LENGTH_POLICY)
                            .registerModel();
            return new ScoringContext(service, registered);
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
    }

    private void connectAll(List<ComparedModel> models) {
        PreferenceStore target = store;
        if (target == null || models.isEmpty()) {
            return;
        }
        long expected = storeGeneration;
        executor.submit(
                "Connecting the compared models to the database",
                progress -> {
                    Map<Long, ScoringContext> connected = new HashMap<>();
                    try {
                        for (ComparedModel model : models) {
                            connected.put(model.key, connect(model.model, target));
                        }
                    } catch (RuntimeException | Error e) {
                        connected.values().forEach(context -> context.service().close());
                        throw e;
                    }
                    return connected;
                },
                connected -> {
                    for (ComparedModel model : models) {
                        ScoringContext context = connected.get(model.key);
                        if (expected == storeGeneration && compared.contains(model)) {
                            model.context = context;
                        } else {
                            closeLater(context, null);
                        }
                    }
                    updateRows();
                },
                failure -> {
                    if (expected == storeGeneration) {
                        errors.accept(
                                "Cannot connect the compared models to the database: "
                                        + InspectViewModel.describe(failure));
                    }
                });
    }

    private void closeLater(ScoringContext context, RewardModel model) {
        if (context == null && model == null) {
            return;
        }
        executor.submit(
                "Closing a compared model",
                progress -> {
                    if (context != null) {
                        context.service().close();
                    }
                    if (model != null) {
                        model.close();
                    }
                    return null;
                },
                ignored -> {},
                failure ->
                        errors.accept(
                                "Cannot close a compared model: "
                                        + InspectViewModel.describe(failure)));
    }

    private ScoringContext contextOf(long key) {
        if (key == ModelRow.PAIR_VIEW_KEY) {
            return pairViewScoring;
        }
        for (ComparedModel model : compared) {
            if (model.key == key) {
                return model.context;
            }
        }
        return null;
    }

    private ModelInfo infoOf(long key) {
        if (key == ModelRow.PAIR_VIEW_KEY) {
            return pairViewScoring == null ? null : pairViewScoring.service().model().info();
        }
        for (ComparedModel model : compared) {
            if (model.key == key) {
                return model.model.info();
            }
        }
        return null;
    }

    private void updateRows() {
        List<ModelRow> rows = new ArrayList<>();
        if (pairViewScoring != null) {
            ModelInfo info = pairViewScoring.service().model().info();
            rows.add(
                    new ModelRow(
                            ModelRow.PAIR_VIEW_KEY,
                            info.name(),
                            info.device(),
                            info.engineVersion(),
                            info.directory(),
                            info.device().startsWith("gpu") ? DeviceChoice.GPU : DeviceChoice.CPU,
                            true,
                            pairViewScoring.model().id()));
        }
        for (ComparedModel model : compared) {
            ModelInfo info = model.model.info();
            rows.add(
                    new ModelRow(
                            model.key,
                            info.name(),
                            info.device(),
                            info.engineVersion(),
                            info.directory(),
                            model.requestedDevice,
                            false,
                            model.context == null ? null : model.context.model().id()));
        }
        models.set(List.copyOf(rows));
    }
}
