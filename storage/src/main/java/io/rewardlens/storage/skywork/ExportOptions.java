package io.rewardlens.storage.skywork;

import io.rewardlens.storage.AnnotationState;
import io.rewardlens.storage.PairFilter;
import java.util.Objects;

/**
 * What to export and how. Start from {@link #defaults()} (every pair of every dataset, oriented by
 * the dataset label, Skywork layout, JSONL or Parquet by the output's name) and narrow it with the
 * {@code with...} methods.
 *
 * <p>The {@link PairFilter} selects the pairs. Its annotators are also whose verdicts count for the
 * orientation, and its margin and agreement criteria are measured against the exported orientation:
 * with {@link Orientation#DATASET_LABEL} that is the filter's own meaning, with {@link
 * Orientation#HUMAN_VERDICT} the side the humans preferred takes the label's place.
 *
 * @param pairs which pairs (datasets, sources, annotators, annotated only, model and score
 *     criteria)
 * @param orientation which side becomes {@code chosen}
 * @param includeTies with {@link Orientation#HUMAN_VERDICT}: keep ties (oriented by the label)
 * @param includeBothBad with {@link Orientation#HUMAN_VERDICT}: keep both-bad pairs (oriented by
 *     the label)
 * @param includeSkipped keep pairs whose only verdicts are skips (oriented by the label)
 * @param fileType the output container, or null to choose by the output's name
 * @param layout the record layout (null: {@link ExportLayout#SKYWORK})
 */
public record ExportOptions(
        PairFilter pairs,
        Orientation orientation,
        boolean includeTies,
        boolean includeBothBad,
        boolean includeSkipped,
        SkyworkFileType fileType,
        ExportLayout layout) {

    /** Rejects a missing filter or orientation, and human orientation of unannotated pairs. */
    public ExportOptions {
        Objects.requireNonNull(pairs, "pairs");
        Objects.requireNonNull(orientation, "orientation");
        if (layout == null) {
            layout = ExportLayout.SKYWORK;
        }
        if (orientation.byVerdicts() && pairs.annotation() == AnnotationState.UNANNOTATED) {
            throw new IllegalArgumentException(
                    "orienting by human verdicts needs annotated pairs, not unannotated ones");
        }
    }

    /** Everything, oriented by the dataset label, container chosen by the output's name. */
    public static ExportOptions defaults() {
        return new ExportOptions(
                PairFilter.all(), Orientation.DATASET_LABEL, false, false, false, null, null);
    }

    /** Whether a pair needs a human verdict to be exported. */
    boolean needsVerdict() {
        return pairs.annotation() == AnnotationState.ANNOTATED || orientation.byVerdicts();
    }

    /** The same options for the pairs this filter selects. */
    public ExportOptions withPairs(PairFilter filter) {
        return new ExportOptions(
                filter, orientation, includeTies, includeBothBad, includeSkipped, fileType, layout);
    }

    /** The same options with another orientation. */
    public ExportOptions withOrientation(Orientation value) {
        return new ExportOptions(
                pairs, value, includeTies, includeBothBad, includeSkipped, fileType, layout);
    }

    /** The same options, also exporting ties, both-bad and skipped pairs as asked. */
    public ExportOptions withIncluded(boolean ties, boolean bothBad, boolean skipped) {
        return new ExportOptions(pairs, orientation, ties, bothBad, skipped, fileType, layout);
    }

    /** The same options writing this container (null: by the output's name). */
    public ExportOptions withFileType(SkyworkFileType type) {
        return new ExportOptions(
                pairs, orientation, includeTies, includeBothBad, includeSkipped, type, layout);
    }

    /** The same options writing this record layout. */
    public ExportOptions withLayout(ExportLayout value) {
        return new ExportOptions(
                pairs, orientation, includeTies, includeBothBad, includeSkipped, fileType, value);
    }
}
