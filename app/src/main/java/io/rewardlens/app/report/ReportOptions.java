package io.rewardlens.app.report;

/**
 * Settings of a written report.
 *
 * @param calibrationBuckets how many |margin| buckets the calibration aims for (at least 1)
 * @param topRows rows in the "most confidently wrong" list of each model and in the list of pairs
 *     the models disagree most on (at least 1)
 */
public record ReportOptions(int calibrationBuckets, int topRows) {
    /** Five calibration buckets, twenty rows per list. */
    public static final ReportOptions DEFAULTS = new ReportOptions(5, 20);

    /** Rejects values below 1. */
    public ReportOptions {
        if (calibrationBuckets < 1 || topRows < 1) {
            throw new IllegalArgumentException(
                    "calibration buckets and top rows must be at least 1");
        }
    }
}
