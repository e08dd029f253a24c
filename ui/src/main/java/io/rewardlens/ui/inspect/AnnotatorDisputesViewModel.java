package io.rewardlens.ui.inspect;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.analysis.TeamAgreement.Category;
import io.rewardlens.storage.analysis.TeamDisputes;
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
 * "Annotators disagree": the pairs where people's verdicts differ, with every verdict, strength,
 * tags and rationale side by side, and the adjudicator's final verdict, which {@link #adjudicate}
 * stores as the annotator {@link Annotation#ADJUDICATOR}. Reads and writes the store only through
 * the injected executor; call its methods on the UI thread.
 */
public final class AnnotatorDisputesViewModel {
    /**
     * One disputed pair as the list shows it.
     *
     * @param pairId the pair
     * @param dataset its dataset
     * @param source its source, or empty
     * @param prompt the prompt's last turn, shortened
     * @param verdicts one line per annotator: who, what, strength, tags, rationale
     * @param adjudicated the adjudicator's verdict ({@code chosen}, {@code tie}, ...), or null
     */
    public record DisputeRow(
            long pairId,
            String dataset,
            String source,
            String prompt,
            List<String> verdicts,
            String adjudicated) {
        /** Copies the verdict lines. */
        public DisputeRow {
            verdicts = List.copyOf(verdicts);
        }
    }

    private static final int PROMPT_CHARS = 120;

    private final BackgroundExecutor executor;
    private final Consumer<String> errors;
    private final LongConsumer pairOpener;
    private PreferenceStore store;
    private long generation;

    private final ReadOnlyObjectWrapper<List<DisputeRow>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary =
            new ReadOnlyStringWrapper(this, "summary", "No database");

    /**
     * Creates the list with no store.
     *
     * @param executor runs the store's work in the background
     * @param errors shown to the user when reading or saving fails
     * @param pairOpener shows a pair in the pair view, given its id
     */
    public AnnotatorDisputesViewModel(
            BackgroundExecutor executor, Consumer<String> errors, LongConsumer pairOpener) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.pairOpener = Objects.requireNonNull(pairOpener, "pairOpener");
    }

    /**
     * The disputed pairs, in import order.
     *
     * @return the rows
     */
    public ReadOnlyObjectProperty<List<DisputeRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /**
     * Whether the list is being read.
     *
     * @return true while reading
     */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * What the list shows, in a sentence.
     *
     * @return the text
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Shows the disputes of another store (null: none). */
    void setStore(PreferenceStore newStore) {
        store = newStore;
        refresh();
    }

    /** Reads the disputed pairs again. */
    public void refresh() {
        long expected = ++generation;
        PreferenceStore source = store;
        if (source == null) {
            rows.set(List.of());
            summary.set("No database");
            loading.set(false);
            return;
        }
        loading.set(true);
        summary.set("Reading the pairs annotators disagree on\u2026");
        executor.submit(
                "Reading annotator disagreements",
                progress -> TeamDisputes.of(source, Set.of()).stream().map(this::rowOf).toList(),
                read -> {
                    if (expected != generation) {
                        return;
                    }
                    loading.set(false);
                    rows.set(read);
                    long settled = read.stream().filter(r -> r.adjudicated() != null).count();
                    summary.set(
                            read.isEmpty()
                                    ? "No pair where annotators disagree"
                                    : read.size()
                                            + (read.size() == 1 ? " pair" : " pairs")
                                            + " where annotators disagree, "
                                            + settled
                                            + " adjudicated");
                },
                failure -> {
                    if (expected == generation) {
                        loading.set(false);
                        summary.set("Cannot read the annotator disagreements");
                        errors.accept(
                                "Cannot read the annotator disagreements: "
                                        + InspectViewModel.describe(failure));
                    }
                });
    }

    /**
     * Gives the adjudicator's final verdict on a disputed pair (replacing an earlier one), then
     * reads the list again.
     *
     * @param row the pair
     * @param category the verdict
     * @param rationale why, possibly empty
     */
    public void adjudicate(DisputeRow row, Category category, String rationale) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(category, "category");
        PreferenceStore target = store;
        if (target == null) {
            return;
        }
        executor.submit(
                "Saving the adjudication",
                progress ->
                        TeamDisputes.adjudicate(
                                target, row.pairId(), category, rationale == null ? "" : rationale),
                saved -> {
                    if (target == store) {
                        refresh();
                    }
                },
                failure ->
                        errors.accept(
                                "Cannot save the adjudication: "
                                        + InspectViewModel.describe(failure)));
    }

    /** Shows a row's pair in the pair view. */
    public void open(DisputeRow row) {
        pairOpener.accept(row.pairId());
    }

    private DisputeRow rowOf(TeamDisputes.Dispute dispute) {
        PreferencePair pair = dispute.pair().pair();
        List<String> lines = new ArrayList<>();
        for (StoredAnnotation stored : dispute.verdicts()) {
            lines.add(describe(stored.annotation()));
        }
        return new DisputeRow(
                dispute.pair().id(),
                dispute.pair().dataset(),
                pair.source() == null ? "" : pair.source(),
                promptOf(pair),
                lines,
                dispute.adjudication()
                        .flatMap(a -> Category.of(a.annotation()))
                        .map(Category::label)
                        .orElse(null));
    }

    /** {@code ann: chosen, strength 2, tags [long], “too wordy”}. */
    static String describe(Annotation annotation) {
        StringBuilder text = new StringBuilder(annotation.annotator()).append(": ");
        text.append(Category.of(annotation).map(Category::label).orElse("skip"));
        if (annotation.strength() != null) {
            text.append(", strength ").append(annotation.strength());
        }
        if (!annotation.tags().isEmpty()) {
            text.append(", tags ").append(annotation.tags());
        }
        if (!annotation.rationale().isBlank()) {
            text.append(", \u201c").append(annotation.rationale().strip()).append('\u201d');
        }
        return text.toString();
    }

    private static String promptOf(PreferencePair pair) {
        List<ChatMessage> prompt = pair.prompt().isEmpty() ? pair.chosen() : pair.prompt();
        String text = prompt.get(prompt.size() - 1).content().replaceAll("\\s+", " ").strip();
        return text.length() <= PROMPT_CHARS
                ? text
                : text.substring(0, PROMPT_CHARS - 1) + "\u2026";
    }
}
