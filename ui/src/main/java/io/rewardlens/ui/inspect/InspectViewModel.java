package io.rewardlens.ui.inspect;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.task.BackgroundExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of the inspection window: the disagreement queue, the reports and charts, and the
 * models panel, over the workbench's open store. The workbench tells it which store is open and
 * which model the pair view uses; opening a pair from any view shows it in the pair view through
 * the {@link AnnotationViewModel}. Errors of its views are kept here until dismissed. Call its
 * methods on the UI thread.
 */
public final class InspectViewModel implements AutoCloseable {
    private final AnnotationViewModel annotation;
    private final ReadOnlyObjectProperty<List<String>> datasets;
    private final ReadOnlyObjectProperty<List<String>> sources;
    private final DisagreementQueueViewModel disagreements;
    private final AnnotatorDisputesViewModel disputes;
    private final AnalysisViewModel analysis;
    private final ModelsViewModel models;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * Creates the inspection state with no store open.
     *
     * @param executor runs store and model work in the background
     * @param annotation the pair view's state, which shows opened pairs
     * @param datasets the open store's dataset names, for the filters
     * @param sources the open store's pair sources, for the filters
     * @param loader loads the bundles of the models panel
     * @param pairViewSwitch loads a bundle as the pair view's model
     */
    public InspectViewModel(
            BackgroundExecutor executor,
            AnnotationViewModel annotation,
            ReadOnlyObjectProperty<List<String>> datasets,
            ReadOnlyObjectProperty<List<String>> sources,
            ModelLoader loader,
            BiConsumer<Path, DeviceChoice> pairViewSwitch) {
        Objects.requireNonNull(executor, "executor");
        this.annotation = Objects.requireNonNull(annotation, "annotation");
        this.datasets = Objects.requireNonNull(datasets, "datasets");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.disagreements =
                new DisagreementQueueViewModel(executor, this::showError, this::openPair);
        this.disputes = new AnnotatorDisputesViewModel(executor, this::showError, this::openPair);
        this.analysis = new AnalysisViewModel(executor, this::showError);
        this.models =
                new ModelsViewModel(
                        executor, this::showError, loader, pairViewSwitch, this::scoresChanged);
    }

    // ---------------------------------------------------------------- parts

    /**
     * The disagreement queue.
     *
     * @return its view model
     */
    public DisagreementQueueViewModel disagreements() {
        return disagreements;
    }

    /**
     * The pairs annotators disagree on, and their adjudication.
     *
     * @return its view model
     */
    public AnnotatorDisputesViewModel disputes() {
        return disputes;
    }

    /**
     * The reports, charts and model comparison.
     *
     * @return their view model
     */
    public AnalysisViewModel analysis() {
        return analysis;
    }

    /**
     * The models panel and its scoring jobs.
     *
     * @return its view model
     */
    public ModelsViewModel models() {
        return models;
    }

    /**
     * The open store's dataset names.
     *
     * @return the names
     */
    public ReadOnlyObjectProperty<List<String>> datasetsProperty() {
        return datasets;
    }

    /**
     * The open store's pair sources.
     *
     * @return the sources
     */
    public ReadOnlyObjectProperty<List<String>> sourcesProperty() {
        return sources;
    }

    /**
     * The annotation tags the workbench offers, for the queue's tag filter.
     *
     * @return the tags
     */
    public ReadOnlyObjectProperty<List<String>> tagsProperty() {
        return annotation.tagsProperty();
    }

    /**
     * The last error of the inspection views, shown until dismissed.
     *
     * @return the message, empty when none
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- actions

    /**
     * Shows a pair in the pair view, where verdicts work as on any pair.
     *
     * @param pairId the pair's id in the open store
     */
    public void openPair(long pairId) {
        annotation.showPair(pairId);
    }

    /**
     * Shows an error until it is dismissed.
     *
     * @param message what went wrong
     */
    public void showError(String message) {
        error.set(message);
    }

    /** Hides the error shown. */
    public void dismissError() {
        error.set("");
    }

    // ---------------------------------------------------------------- from the workbench

    /**
     * Switches every view to another store (or none).
     *
     * @param store the open store, or null
     */
    public void setStore(PreferenceStore store) {
        disagreements.setStore(store);
        disputes.setStore(store);
        analysis.setStore(store);
        models.setStore(store);
    }

    /**
     * Tells which model the pair view scores with (or none); it heads the models panel and is the
     * queue's model unless the user picks another.
     *
     * @param context the pair view's scoring context, or null
     */
    public void setPairViewScoring(ScoringContext context) {
        models.setPairViewScoring(context);
        disagreements.setPreferredModel(context == null ? null : context.model().id());
    }

    /** Cancels the scoring jobs and closes the compared models; the workbench closes the rest. */
    @Override
    public void close() {
        analysis.cancel();
        models.close();
    }

    /**
     * Tells the views that scores in the store changed (a dataset was scored elsewhere in the
     * workbench): the queue reads its models and rows again, the reports are marked out of date.
     */
    public void scoresChanged() {
        disagreements.refresh();
        analysis.markStale();
    }

    /**
     * A failure as one line for the user: its message, with its cause's when that adds something.
     *
     * @param failure the failure
     * @return the text
     */
    static String describe(Throwable failure) {
        Throwable shown = failure;
        while (shown instanceof ExecutionException && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            message = shown.getClass().getSimpleName();
        }
        Throwable cause = shown.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
