package io.rewardlens.storage.analysis;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.Verdict;

/**
 * Human verdicts counted by how they relate to the dataset label. Each annotator's verdict on a
 * pair counts once.
 *
 * @param verdicts all verdicts
 * @param agreeWithLabel verdicts preferring the dataset's chosen side
 * @param disagreeWithLabel verdicts preferring the rejected side
 * @param ties verdicts calling both sides equally good
 * @param bothBad verdicts calling both sides unacceptable
 * @param skips verdicts passing on the pair
 */
public record VerdictCounts(
        long verdicts,
        long agreeWithLabel,
        long disagreeWithLabel,
        long ties,
        long bothBad,
        long skips) {
    /** No verdicts. */
    public static final VerdictCounts EMPTY = new VerdictCounts(0, 0, 0, 0, 0, 0);

    /** Rejects counts that do not add up. */
    public VerdictCounts {
        if (agreeWithLabel + disagreeWithLabel + ties + bothBad + skips != verdicts) {
            throw new IllegalArgumentException("verdict counts do not add up to " + verdicts);
        }
    }

    /**
     * How often humans who prefer a side prefer the labelled one: {@code agreeWithLabel /
     * (agreeWithLabel + disagreeWithLabel)}; NaN when no verdict prefers a side.
     */
    public double agreementRate() {
        long preferring = agreeWithLabel + disagreeWithLabel;
        return preferring == 0 ? Double.NaN : (double) agreeWithLabel / preferring;
    }

    /** These counts with one more verdict. */
    VerdictCounts plus(Annotation annotation) {
        Side preferred = annotation.preferredSide().orElse(null);
        return new VerdictCounts(
                verdicts + 1,
                agreeWithLabel + (preferred == Side.CHOSEN ? 1 : 0),
                disagreeWithLabel + (preferred == Side.REJECTED ? 1 : 0),
                ties + (annotation.verdict() == Verdict.TIE ? 1 : 0),
                bothBad + (annotation.verdict() == Verdict.BOTH_BAD ? 1 : 0),
                skips + (annotation.verdict() == Verdict.SKIP ? 1 : 0));
    }
}
