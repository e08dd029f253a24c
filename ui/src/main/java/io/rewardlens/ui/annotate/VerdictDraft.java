package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The verdict being given on the pair on screen: the verdict saved on it (if any), the strength,
 * the tags picked from those offered and the rationale, as read-only properties. It makes the
 * annotation that a verdict, or a change of a saved verdict's details, saves.
 */
final class VerdictDraft {
    private final ReadOnlyObjectWrapper<Verdict> verdict =
            new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyIntegerWrapper strength = new ReadOnlyIntegerWrapper(this, "strength");
    private final ReadOnlyObjectWrapper<List<String>> offeredTags =
            new ReadOnlyObjectWrapper<>(this, "tags", List.of());
    private final ReadOnlyObjectWrapper<Set<String>> selectedTags =
            new ReadOnlyObjectWrapper<>(this, "selectedTags", Set.of());
    private final ReadOnlyStringWrapper rationale =
            new ReadOnlyStringWrapper(this, "rationale", "");

    ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<String>> offeredTagsProperty() {
        return offeredTags.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Set<String>> selectedTagsProperty() {
        return selectedTags.getReadOnlyProperty();
    }

    ReadOnlyStringProperty rationaleProperty() {
        return rationale.getReadOnlyProperty();
    }

    /**
     * Starts the draft of a pair from what is saved on it.
     *
     * @param saved the annotator's saved annotation of the pair, or null for a blank draft
     */
    void reset(Annotation saved) {
        verdict.set(saved == null ? null : saved.verdict());
        strength.set(saved == null || saved.strength() == null ? 0 : saved.strength());
        selectedTags.set(
                saved == null
                        ? Set.of()
                        : Collections.unmodifiableSet(new LinkedHashSet<>(saved.tags())));
        rationale.set(saved == null ? "" : saved.rationale());
    }

    /**
     * Sets the tags offered; tags already picked stay picked.
     *
     * @param offered the tags, in key order
     */
    void offerTags(List<String> offered) {
        offeredTags.set(List.copyOf(offered));
    }

    /**
     * Refuses a strength out of range.
     *
     * @param value the strength asked for
     * @throws IllegalArgumentException unless it is 1, 2 or 3
     */
    static void checkStrength(int value) {
        if (value < 1 || value > 3) {
            throw new IllegalArgumentException("strength must be 1, 2 or 3, was " + value);
        }
    }

    /**
     * Sets the strength, or clears it when it is set already.
     *
     * @param value 1 (slight) to 3 (clear)
     */
    void toggleStrength(int value) {
        checkStrength(value);
        strength.set(strength.get() == value ? 0 : value);
    }

    /**
     * Picks the offered tag at a position, or drops it when picked.
     *
     * @param position 0 for the first tag offered
     * @return false when there is no tag there
     */
    boolean toggleTag(int position) {
        List<String> offered = offeredTags.get();
        if (position < 0 || position >= offered.size()) {
            return false;
        }
        Set<String> selected = new LinkedHashSet<>(selectedTags.get());
        String tag = offered.get(position);
        if (!selected.remove(tag)) {
            selected.add(tag);
        }
        selectedTags.set(Collections.unmodifiableSet(selected));
        return true;
    }

    void setRationale(String text) {
        rationale.set(text == null ? "" : text);
    }

    /**
     * Records the verdict saved on the pair, as the saved annotation now says.
     *
     * @param saved the verdict saved
     */
    void verdictSaved(Verdict saved) {
        verdict.set(saved);
    }

    /**
     * A new verdict with the draft's details.
     *
     * @param pairId the pair judged
     * @param annotator who judged it
     * @param given the verdict as shown
     * @param shownAsA the stored side shown as A
     * @param timeTakenMs how long the verdict took
     * @param at when it was given
     * @return the annotation to save
     */
    Annotation verdict(
            long pairId,
            String annotator,
            Verdict given,
            Side shownAsA,
            long timeTakenMs,
            Instant at) {
        return new Annotation(
                pairId,
                annotator,
                given,
                strengthOrNull(),
                orderedTags(),
                rationale.get(),
                shownAsA,
                timeTakenMs,
                at);
    }

    /**
     * A saved annotation with the draft's details in place of its own.
     *
     * @param saved the saved annotation
     * @return the annotation to save instead
     */
    Annotation appliedTo(Annotation saved) {
        return new Annotation(
                saved.pairId(),
                saved.annotator(),
                saved.verdict(),
                strengthOrNull(),
                orderedTags(),
                rationale.get(),
                saved.displayedAsA(),
                saved.timeTakenMs(),
                saved.createdAt());
    }

    private Integer strengthOrNull() {
        return strength.get() == 0 ? null : strength.get();
    }

    /** The tags picked: those offered in their key order, then any others as picked. */
    private List<String> orderedTags() {
        Set<String> selected = selectedTags.get();
        List<String> ordered = new ArrayList<>();
        for (String tag : offeredTags.get()) {
            if (selected.contains(tag)) {
                ordered.add(tag);
            }
        }
        for (String tag : selected) {
            if (!ordered.contains(tag)) {
                ordered.add(tag);
            }
        }
        return ordered;
    }
}
