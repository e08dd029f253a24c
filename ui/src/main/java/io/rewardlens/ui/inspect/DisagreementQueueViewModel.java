package io.rewardlens.ui.inspect;

import io.rewardlens.storage.Disagreement;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.ui.task.BackgroundExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The disagreement queue: pairs where a reward model prefers the side that the dataset label or a
 * human verdict rejected, most confidently wrong first, filtered by model, dataset, source, tag and
 * completion length, a page of {@value #PAGE} rows at a time. Opening a row shows its pair in the
 * pair view. Reads the store only through the injected executor; call its methods on the UI thread.
 */
public final class DisagreementQueueViewModel {
    /** Rows read at once; {@link #loadMore()} reads the next page. */
    public static final int PAGE = 500;

    private final BackgroundExecutor executor;
    private final Consumer<String> errors;
    private final LongConsumer pairOpener;

    private PreferenceStore store;
    private Long preferredModelId;
    private long generation;

    private final ReadOnlyObjectWrapper<List<ModelOption>> models =
            new ReadOnlyObjectWrapper<>(this, "models", List.of());
    private final ReadOnlyObjectWrapper<DisagreementFilter> filter =
            new ReadOnlyObjectWrapper<>(this, "filter", DisagreementFilter.initial());
    private final ReadOnlyObjectWrapper<List<DisagreementRow>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper summary =
            new ReadOnlyStringWrapper(this, "summary", "No database");

    /**
     * Creates the queue with no store.
     *
     * @param executor runs the store's queries in the background
     * @param errors shown to the user when a query fails
     * @param pairOpener shows a pair in the pair view, given its id
     */
    public DisagreementQueueViewModel(
            BackgroundExecutor executor, Consumer<String> errors, LongConsumer pairOpener) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.pairOpener = Objects.requireNonNull(pairOpener, "pairOpener");
    }

    // ---------------------------------------------------------------- properties

    /**
     * The models that scored pairs of the open store, to choose from.
     *
     * @return the models, in registration order
     */
    public ReadOnlyObjectProperty<List<ModelOption>> modelsProperty() {
        return models.getReadOnlyProperty();
    }

    /**
     * The filter in effect.
     *
     * @return the filter
     */
    public ReadOnlyObjectProperty<DisagreementFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /**
     * The disagreements read so far, most confidently wrong first.
     *
     * @return the rows
     */
    public ReadOnlyObjectProperty<List<DisagreementRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /**
     * Whether a query runs.
     *
     * @return true while reading
     */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Whether more rows match than were read.
     *
     * @return true when {@link #loadMore()} finds more
     */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /**
     * What the list shows, in a sentence.
     *
     * @return the text
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- actions

    /**
     * Changes the filter and reads the queue again from its most confident disagreement.
     *
     * @param changed the new filter
     */
    public void setFilter(DisagreementFilter changed) {
        Objects.requireNonNull(changed, "changed");
        if (changed.equals(filter.get())) {
            return;
        }
        filter.set(changed);
        refresh();
    }

    /** Reads the models and the first page of the queue again (after scoring or annotating). */
    public void refresh() {
        long expected = ++generation;
        PreferenceStore source = store;
        rows.set(List.of());
        hasMore.set(false);
        if (source == null) {
            models.set(List.of());
            summary.set("No database");
            loading.set(false);
            return;
        }
        DisagreementFilter wanted = filter.get();
        Long preferred = preferredModelId;
        loading.set(true);
        summary.set("Reading disagreements\u2026");
        executor.submit(
                "Reading disagreements",
                progress -> {
                    List<ModelOption> options = ModelOption.of(source.scoredModels(Set.of()));
                    DisagreementFilter resolved =
                            wanted.withModel(chooseModel(options, wanted.modelId(), preferred));
                    List<Disagreement> page =
                            resolved.modelId() == null
                                    ? List.of()
                                    : source.disagreements(resolved.toQuery(PAGE, 0));
                    return new Listing(options, resolved, page);
                },
                listing -> {
                    if (expected != generation) {
                        return;
                    }
                    loading.set(false);
                    models.set(listing.models());
                    filter.set(listing.filter());
                    List<DisagreementRow> read = rowsOf(listing.page());
                    rows.set(read);
                    hasMore.set(listing.page().size() == PAGE);
                    updateSummary();
                },
                failure -> failed(expected, failure));
    }

    /** Reads the next page of the queue and adds it to the rows. */
    public void loadMore() {
        PreferenceStore source = store;
        DisagreementFilter wanted = filter.get();
        if (source == null || wanted.modelId() == null || !hasMore.get() || loading.get()) {
            return;
        }
        long expected = generation;
        int offset = rows.get().size();
        loading.set(true);
        executor.submit(
                "Reading more disagreements",
                progress -> source.disagreements(wanted.toQuery(PAGE, offset)),
                page -> {
                    if (expected != generation) {
                        return;
                    }
                    loading.set(false);
                    List<DisagreementRow> all = new ArrayList<>(rows.get());
                    all.addAll(rowsOf(page));
                    rows.set(List.copyOf(all));
                    hasMore.set(page.size() == PAGE);
                    updateSummary();
                },
                failure -> failed(expected, failure));
    }

    /**
     * Shows a row's pair in the pair view, where verdicts work as on any pair.
     *
     * @param row the row
     */
    public void open(DisagreementRow row) {
        pairOpener.accept(row.pairId());
    }

    // ---------------------------------------------------------------- from the inspect view model

    /**
     * Switches to another store (or none) and reads its queue; the filter starts afresh, as the new
     * store has other models and datasets.
     */
    void setStore(PreferenceStore newStore) {
        store = newStore;
        filter.set(DisagreementFilter.initial().withContradiction(filter.get().contradiction()));
        refresh();
    }

    /**
     * Sets the model the queue shows when the filter names none or one the store does not know: the
     * pair view's model.
     */
    void setPreferredModel(Long modelId) {
        preferredModelId = modelId;
        if (filter.get().modelId() == null && modelId != null && store != null) {
            refresh();
        }
    }

    // ---------------------------------------------------------------- internals

    private record Listing(
            List<ModelOption> models, DisagreementFilter filter, List<Disagreement> page) {}

    private static Long chooseModel(List<ModelOption> options, Long wanted, Long preferred) {
        for (Long candidate : new Long[] {wanted, preferred}) {
            if (candidate != null
                    && options.stream().anyMatch(option -> option.id() == candidate)) {
                return candidate;
            }
        }
        return options.isEmpty() ? null : options.get(0).id();
    }

    private static List<DisagreementRow> rowsOf(List<Disagreement> page) {
        return page.stream().map(DisagreementRow::of).toList();
    }

    private void updateSummary() {
        DisagreementFilter shown = filter.get();
        if (shown.modelId() == null) {
            summary.set(
                    "No model has scored pairs of this database yet: score a dataset (Models tab"
                            + " or Model \u2192 Score the queue's dataset)");
            return;
        }
        int count = rows.get().size();
        String model =
                models.get().stream()
                        .filter(option -> option.id() == shown.modelId())
                        .map(ModelOption::label)
                        .findFirst()
                        .orElse("model " + shown.modelId());
        if (count == 0) {
            summary.set(model + " contradicts " + shown.contradiction() + " on no matching pair");
            return;
        }
        summary.set(
                (hasMore.get() ? "The first " + count : String.valueOf(count))
                        + (count == 1 ? " disagreement: " : " disagreements: ")
                        + model
                        + " contradicts "
                        + shown.contradiction()
                        + ", most confidently wrong first");
    }

    private void failed(long expected, Throwable failure) {
        if (expected != generation) {
            return;
        }
        loading.set(false);
        summary.set("Cannot read the disagreements");
        errors.accept("Cannot read the disagreements: " + InspectViewModel.describe(failure));
    }
}
