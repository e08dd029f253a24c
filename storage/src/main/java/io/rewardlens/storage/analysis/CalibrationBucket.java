package io.rewardlens.storage.analysis;

/**
 * The human verdicts on pairs whose |margin| falls in one bucket.
 *
 * @param index the bucket's place, 0 for the smallest margins
 * @param minAbsMargin the smallest |margin| in the bucket
 * @param maxAbsMargin the largest |margin| in the bucket
 * @param judgements verdicts preferring a side on pairs in the bucket
 * @param humanAgrees how many of them prefer the side the model prefers
 */
public record CalibrationBucket(
        int index, double minAbsMargin, double maxAbsMargin, long judgements, long humanAgrees) {
    /** {@code humanAgrees / judgements}; NaN for an empty bucket. */
    public double agreementRate() {
        return judgements == 0 ? Double.NaN : (double) humanAgrees / judgements;
    }
}
