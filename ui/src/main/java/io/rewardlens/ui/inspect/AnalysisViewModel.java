package io.rewardlens.ui.inspect;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.ui.task.BackgroundExecutor;
import io.rewardlens.ui.task.BackgroundJob;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Reports and charts of the open store, computed on demand: one background job reads the pairs and
 * scores of a dataset and source ({@link AnalysisData}) and runs every analysis on them ({@link
 * InspectionReport}), giving the charts' series ({@link InspectionCharts}) and the models'
 * comparison ({@link ModelComparison}). Call its methods on the UI thread.
 */
public final class AnalysisViewModel {
    /** How many |margin| buckets calibration aims for. */
    public static final int CALIBRATION_BUCKETS = 10;

    /** The most model conflicts listed. */
    public static final int CONFLICT_ROWS = 200;

    /** The most points a scatter series shows. */
    public static final int MAX_SCATTER_POINTS = 2000;

    private final BackgroundExecutor executor;
    private final Consumer<String> errors;

    private PreferenceStore store;
    private long generation;

    private final ReadOnlyStringWrapper dataset = new ReadOnlyStringWrapper(this, "dataset");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source");
    private final ReadOnlyObjectWrapper<BackgroundJob> job =
            new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyObjectWrapper<InspectionReport> report =
            new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<InspectionCharts> charts =
            new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyObjectWrapper<ModelComparison> comparison =
            new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", true);
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper(this, "status", "Not computed yet: press Refresh");

    /**
     * Creates the view model with no store.
     *
     * @param executor runs the analysis in the background
     * @param errors shown to the user when the analysis fails
     */
    public AnalysisViewModel(BackgroundExecutor executor, Consumer<String> errors) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    // ---------------------------------------------------------------- properties

    /**
     * The dataset analysed.
     *
     * @return its name, null for all datasets
     */
    public ReadOnlyStringProperty datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /**
     * The source analysed.
     *
     * @return the source, null for all sources
     */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /**
     * The analysis under way, for its progress bar.
     *
     * @return the job, null when none runs
     */
    public ReadOnlyObjectProperty<BackgroundJob> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /**
     * The last computed analyses.
     *
     * @return the report, null before the first
     */
    public ReadOnlyObjectProperty<InspectionReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /**
     * The charts' series of the last report.
     *
     * @return the series, null before the first report
     */
    public ReadOnlyObjectProperty<InspectionCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    /**
     * The models side by side, from the last report.
     *
     * @return the comparison, null before the first report
     */
    public ReadOnlyObjectProperty<ModelComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /**
     * Whether the store changed (new scores, another scope) since the report was computed.
     *
     * @return true when a refresh would show something else
     */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /**
     * What the report covers, or what is happening, in a sentence.
     *
     * @return the text
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- actions

    /**
     * Chooses the pairs to analyse; takes effect with the next {@link #refresh()}.
     *
     * @param datasetName a dataset, or null for all
     * @param sourceValue a source, or null for all
     */
    public void setScope(String datasetName, String sourceValue) {
        if (Objects.equals(datasetName, dataset.get())
                && Objects.equals(sourceValue, source.get())) {
            return;
        }
        dataset.set(datasetName);
        source.set(sourceValue);
        stale.set(true);
    }

    /** Computes the analyses again, replacing a computation under way. */
    public void refresh() {
        PreferenceStore target = store;
        cancel();
        long expected = ++generation;
        if (target == null) {
            status.set("No database");
            return;
        }
        AnalysisScope scope =
                AnalysisScope.all()
                        .withDatasets(dataset.get() == null ? Set.of() : Set.of(dataset.get()))
                        .withSources(source.get() == null ? Set.of() : Set.of(source.get()));
        boolean[] done = {false};
        status.set("Computing\u2026");
        BackgroundJob started =
                executor.submit(
                        "Computing reports",
                        progress -> {
                            AnalysisData data =
                                    AnalysisData.load(target, scope, progress.asListener());
                            progress.update(-1, -1, "analysing");
                            InspectionReport computed =
                                    InspectionReport.compute(
                                            target, data, CALIBRATION_BUCKETS, CONFLICT_ROWS);
                            return new Computed(
                                    computed,
                                    InspectionCharts.of(computed, MAX_SCATTER_POINTS),
                                    ModelComparison.of(computed));
                        },
                        computed -> {
                            done[0] = true;
                            if (expected != generation) {
                                return;
                            }
                            job.set(null);
                            report.set(computed.report());
                            charts.set(computed.charts());
                            comparison.set(computed.comparison());
                            stale.set(false);
                            status.set(describe(computed.report()));
                        },
                        failure -> {
                            done[0] = true;
                            if (expected != generation) {
                                return;
                            }
                            job.set(null);
                            if (failure instanceof CancellationException) {
                                status.set("Cancelled");
                            } else {
                                status.set("The reports could not be computed");
                                errors.accept(
                                        "Cannot compute the reports: "
                                                + InspectViewModel.describe(failure));
                            }
                        });
        if (!done[0]) {
            job.set(started);
        }
    }

    /**
     * Computes the analyses if they were never computed for this store and are not being computed:
     * what a view showing them calls when the user first looks at it.
     */
    public void computeOnce() {
        if (store != null && report.get() == null && job.get() == null) {
            refresh();
        }
    }

    /** Stops the computation under way, keeping the last report. */
    public void cancel() {
        BackgroundJob running = job.get();
        if (running != null) {
            job.set(null);
            generation++;
            running.cancel();
            status.set(report.get() == null ? "Cancelled" : describe(report.get()));
        }
    }

    // ---------------------------------------------------------------- from the inspect view model

    /** Switches to another store (or none); the old report and scope are dropped. */
    void setStore(PreferenceStore newStore) {
        cancel();
        generation++;
        store = newStore;
        dataset.set(null);
        source.set(null);
        report.set(null);
        charts.set(null);
        comparison.set(null);
        stale.set(true);
        status.set(newStore == null ? "No database" : "Not computed yet: press Refresh");
    }

    /** Notes that scores or verdicts changed, so the report is out of date. */
    void markStale() {
        stale.set(true);
    }

    private record Computed(
            InspectionReport report, InspectionCharts charts, ModelComparison comparison) {}

    private String describe(InspectionReport computed) {
        long scored = computed.data().pairs().stream().filter(p -> !p.scores().isEmpty()).count();
        long annotated =
                computed.data().pairs().stream()
                        .filter(p -> !p.features().annotations().isEmpty())
                        .count();
        return (dataset.get() == null
                        ? "All datasets"
                        : "Dataset \u201c" + dataset.get() + "\u201d")
                + (source.get() == null ? "" : ", source \u201c" + source.get() + "\u201d")
                + ": "
                + computed.models().size()
                + (computed.models().size() == 1 ? " model, " : " models, ")
                + scored
                + " scored pairs, "
                + annotated
                + " annotated pairs";
    }
}
