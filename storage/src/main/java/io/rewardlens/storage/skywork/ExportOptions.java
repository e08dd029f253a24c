package io.rewardlens.storage.skywork;

import java.util.Objects;
import java.util.Set;

/**
 * What to export and how. Start from {@link #defaults()} (every pair of every dataset, oriented by
 * the dataset label, JSONL or Parquet by the output's name) and narrow it with the {@code with...}
 * methods.
 *
 * @param datasets dataset names to export; empty means all
 * @param sources source values to export; empty means all
 * @param annotatedOnly only pairs with at least one (non-skip) annotation
 * @param orientation which side becomes {@code chosen}
 * @param includeTies with {@link Orientation#HUMAN_VERDICT}: keep ties (oriented by the label)
 * @param includeBothBad with {@link Orientation#HUMAN_VERDICT}: keep both-bad pairs (oriented by
 *     the label)
 * @param includeSkipped keep pairs whose only verdicts are skips (oriented by the label)
 * @param annotators whose verdicts count; empty means everybody's
 * @param modelId the model for the score filters (and the provenance), or null
 * @param minAbsMargin keep only pairs where the model's |chosen − rejected| is at least this; 0 for
 *     no minimum
 * @param agreement keep only pairs where the model agrees or disagrees with the exported
 *     orientation
 * @param fileType the output container, or null to choose by the output's name
 */
public record ExportOptions(
        Set<String> datasets,
        Set<String> sources,
        boolean annotatedOnly,
        Orientation orientation,
        boolean includeTies,
        boolean includeBothBad,
        boolean includeSkipped,
        Set<String> annotators,
        Long modelId,
        double minAbsMargin,
        ModelAgreement agreement,
        SkyworkFileType fileType) {

    /** Copies the sets; score filters need a model. */
    public ExportOptions {
        datasets = Set.copyOf(datasets);
        sources = Set.copyOf(sources);
        Objects.requireNonNull(orientation, "orientation");
        annotators = Set.copyOf(annotators);
        Objects.requireNonNull(agreement, "agreement");
        if (minAbsMargin < 0 || Double.isNaN(minAbsMargin)) {
            throw new IllegalArgumentException("minAbsMargin must be a number >= 0");
        }
        if (modelId == null && (minAbsMargin > 0 || agreement != ModelAgreement.ANY)) {
            throw new IllegalArgumentException("margin and agreement filters need a model");
        }
    }

    /** Everything, oriented by the dataset label, container chosen by the output's name. */
    public static ExportOptions defaults() {
        return new ExportOptions(
                Set.of(),
                Set.of(),
                false,
                Orientation.DATASET_LABEL,
                false,
                false,
                false,
                Set.of(),
                null,
                0,
                ModelAgreement.ANY,
                null);
    }

    /** Whether a pair needs a human verdict to be exported. */
    boolean needsVerdict() {
        return annotatedOnly || orientation == Orientation.HUMAN_VERDICT;
    }

    /** Whether any score filter is set. */
    boolean filtersByScore() {
        return minAbsMargin > 0 || agreement != ModelAgreement.ANY;
    }

    /** The same options for these datasets (empty: all). */
    public ExportOptions withDatasets(Set<String> names) {
        return new ExportOptions(
                names,
                sources,
                annotatedOnly,
                orientation,
                includeTies,
                includeBothBad,
                includeSkipped,
                annotators,
                modelId,
                minAbsMargin,
                agreement,
                fileType);
    }

    /** The same options for these sources (empty: all). */
    public ExportOptions withSources(Set<String> values) {
        return new ExportOptions(
                datasets,
                values,
                annotatedOnly,
                orientation,
                includeTies,
                includeBothBad,
                includeSkipped,
                annotators,
                modelId,
                minAbsMargin,
                agreement,
                fileType);
    }

    /** The same options, keeping only annotated pairs (true) or not. */
    public ExportOptions withAnnotatedOnly(boolean only) {
        return new ExportOptions(
                datasets,
                sources,
                only,
                orientation,
                includeTies,
                includeBothBad,
                includeSkipped,
                annotators,
                modelId,
                minAbsMargin,
                agreement,
                fileType);
    }

    /** The same options with another orientation. */
    public ExportOptions withOrientation(Orientation value) {
        return new ExportOptions(
                datasets,
                sources,
                annotatedOnly,
                value,
                includeTies,
                includeBothBad,
                includeSkipped,
                annotators,
                modelId,
                minAbsMargin,
                agreement,
                fileType);
    }

    /** The same options, also exporting ties, both-bad and skipped pairs as asked. */
    public ExportOptions withIncluded(boolean ties, boolean bothBad, boolean skipped) {
        return new ExportOptions(
                datasets,
                sources,
                annotatedOnly,
                orientation,
                ties,
                bothBad,
                skipped,
                annotators,
                modelId,
                minAbsMargin,
                agreement,
                fileType);
    }

    /** The same options counting only these annotators' verdicts (empty: everybody's). */
    public ExportOptions withAnnotators(Set<String> names) {
        return new ExportOptions(
                datasets,
                sources,
                annotatedOnly,
                orientation,
                includeTies,
                includeBothBad,
                includeSkipped,
                names,
                modelId,
                minAbsMargin,
                agreement,
                fileType);
    }

    /** The same options with score filters on a model. */
    public ExportOptions withModelFilter(
            long model, double minimumAbsMargin, ModelAgreement modelAgreement) {
        return new ExportOptions(
                datasets,
                sources,
                annotatedOnly,
                orientation,
                includeTies,
                includeBothBad,
                includeSkipped,
                annotators,
                model,
                minimumAbsMargin,
                modelAgreement,
                fileType);
    }

    /** The same options writing this container (null: by the output's name). */
    public ExportOptions withFileType(SkyworkFileType type) {
        return new ExportOptions(
                datasets,
                sources,
                annotatedOnly,
                orientation,
                includeTies,
                includeBothBad,
                includeSkipped,
                annotators,
                modelId,
                minAbsMargin,
                agreement,
                type);
    }
}
