package io.rewardlens.storage;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which pairs to look at, by what a pair is and what was said about it: dataset, source, whether
 * (selected) annotators annotated it, and how a model scored it. One filter selects the same pairs
 * in every store query that takes one ({@link PairQuery}, {@link DisagreementQuery}, the export),
 * since its SQL is written in one place. Build one from {@link #all()} with the {@code with...}
 * methods, e.g. {@code PairFilter.all().withDatasets(Set.of("skywork")).withAnnotators(Set.of(
 * "ann")).withAnnotation(AnnotationState.ANNOTATED)}.
 *
 * @param datasets dataset names to include; empty means every dataset
 * @param sources source values to include; empty means every source
 * @param annotators whose annotations count (for {@code annotation}, and for an export's verdicts);
 *     empty means everybody's
 * @param annotation annotated (by one of the annotators), unannotated, or either
 * @param modelId the model for the score criteria, or null
 * @param minAbsMargin only pairs the model scored with |chosen − rejected| at least this; 0 for no
 *     minimum
 * @param agreement only pairs where the model agrees (or disagrees) with the dataset label
 */
public record PairFilter(
        Set<String> datasets,
        Set<String> sources,
        Set<String> annotators,
        AnnotationState annotation,
        Long modelId,
        double minAbsMargin,
        ScoreAgreement agreement) {

    /** Copies the sets; the score criteria need a model and a margin of at least 0. */
    public PairFilter {
        datasets = Set.copyOf(datasets);
        sources = Set.copyOf(sources);
        annotators = Set.copyOf(annotators);
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(agreement, "agreement");
        if (minAbsMargin < 0 || Double.isNaN(minAbsMargin)) {
            throw new IllegalArgumentException("minAbsMargin must be a number >= 0");
        }
        if (modelId == null && (minAbsMargin > 0 || agreement != ScoreAgreement.ANY)) {
            throw new IllegalArgumentException("margin and agreement filters need a model");
        }
    }

    /** Every pair of every dataset. */
    public static PairFilter all() {
        return new PairFilter(
                Set.of(), Set.of(), Set.of(), AnnotationState.ANY, null, 0, ScoreAgreement.ANY);
    }

    /** The same filter restricted to these datasets (empty: all). */
    public PairFilter withDatasets(Set<String> names) {
        return new PairFilter(
                names, sources, annotators, annotation, modelId, minAbsMargin, agreement);
    }

    /** The same filter restricted to these sources (empty: all). */
    public PairFilter withSources(Set<String> values) {
        return new PairFilter(
                datasets, values, annotators, annotation, modelId, minAbsMargin, agreement);
    }

    /** The same filter counting only these annotators' annotations (empty: everybody's). */
    public PairFilter withAnnotators(Set<String> names) {
        return new PairFilter(
                datasets, sources, names, annotation, modelId, minAbsMargin, agreement);
    }

    /** The same filter restricted to annotated or unannotated pairs (or either). */
    public PairFilter withAnnotation(AnnotationState state) {
        return new PairFilter(
                datasets, sources, annotators, state, modelId, minAbsMargin, agreement);
    }

    /**
     * The same filter with score criteria on a model ({@code 0} and {@link ScoreAgreement#ANY}: the
     * model is named, as for an export's provenance, but filters nothing).
     */
    public PairFilter withModel(
            long model, double minimumAbsMargin, ScoreAgreement modelAgreement) {
        return new PairFilter(
                datasets, sources, annotators, annotation, model, minimumAbsMargin, modelAgreement);
    }

    /** The same filter without the margin and agreement criteria (the model stays named). */
    public PairFilter withoutScoreCriteria() {
        return new PairFilter(
                datasets, sources, annotators, annotation, modelId, 0, ScoreAgreement.ANY);
    }

    /** Whether a margin or agreement criterion is set (a pair then needs the model's score). */
    public boolean filtersByScore() {
        return minAbsMargin > 0 || agreement != ScoreAgreement.ANY;
    }

    /**
     * Appends this filter's conditions to a WHERE clause over the {@code pair} table aliased {@code
     * p}, each as {@code " AND ..."} with {@code ?} placeholders, adding the values to bind in
     * order to {@code parameters}. Even {@link #all()} leaves out the pairs of datasets still being
     * imported ({@link DatasetTable#PAIR_IS_VISIBLE}). Subqueries use the aliases {@code a0} and
     * {@code s0}, so the caller's own joins may use others.
     */
    void appendConditions(StringBuilder sql, List<Object> parameters) {
        sql.append(" AND ").append(DatasetTable.PAIR_IS_VISIBLE);
        PairSql.appendIn(
                sql,
                " AND p.dataset_id IN (SELECT id FROM dataset WHERE name IN (",
                datasets,
                "))",
                parameters);
        PairSql.appendIn(sql, " AND p.source IN (", sources, ")", parameters);
        if (annotation != AnnotationState.ANY) {
            sql.append(annotation == AnnotationState.ANNOTATED ? " AND EXISTS" : " AND NOT EXISTS")
                    .append(" (SELECT 1 FROM annotation a0 WHERE a0.pair_id = p.id");
            PairSql.appendIn(sql, " AND a0.annotator IN (", annotators, ")", parameters);
            sql.append(')');
        }
        if (filtersByScore()) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM score s0 WHERE s0.pair_id = p.id AND s0.model_id"
                            + " = ? AND abs(s0.chosen_score - s0.rejected_score) >= ?");
            parameters.add(modelId);
            parameters.add(minAbsMargin);
            switch (agreement) {
                case AGREES -> sql.append(" AND s0.chosen_score > s0.rejected_score");
                case DISAGREES -> sql.append(" AND s0.chosen_score < s0.rejected_score");
                case ANY -> {}
            }
            sql.append(')');
        }
    }
}
