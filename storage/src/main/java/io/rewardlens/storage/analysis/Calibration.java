package io.rewardlens.storage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * How often humans agree with a model, by how confident the model is. A well-calibrated model is
 * agreed with more often the larger its |margin|.
 *
 * <p>Judgements are the verdicts preferring a side on pairs the model scored with a non-zero margin
 * (each annotator's verdict counts once). They are sorted by |margin| and cut into buckets of about
 * equal size (quantile buckets), so each bucket has enough verdicts to be read whatever the model's
 * reward scale; verdicts with the same |margin| always share a bucket, so buckets can differ in
 * size and there can be fewer than asked for.
 *
 * @param model the model
 * @param buckets the buckets, smallest margins first
 * @param modelTiesLeftOut verdicts preferring a side on pairs the model scored as an exact tie,
 *     which have no model side to agree with
 */
public record Calibration(
        AnalyzedModel model, List<CalibrationBucket> buckets, long modelTiesLeftOut) {
    /** Rejects missing fields and copies the buckets. */
    public Calibration {
        Objects.requireNonNull(model, "model");
        buckets = List.copyOf(buckets);
    }

    /** Verdicts in all buckets. */
    public long judgements() {
        return buckets.stream().mapToLong(CalibrationBucket::judgements).sum();
    }
}
