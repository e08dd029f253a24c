package io.rewardlens.storage.analysis;

/**
 * How often a model prefers the side a reference (the dataset label or a human verdict) prefers. A
 * model tie (both rewards exactly equal) prefers no side: it counts as judged but not agreeing, so
 * it lowers the accuracy, and is also counted on its own.
 *
 * @param judged the judgements compared: scored pairs (against the label) or verdicts preferring a
 *     side on scored pairs (against humans)
 * @param agreeing how many of them the model gets right
 * @param modelTies how many of them the model scores as an exact tie
 */
public record Accuracy(long judged, long agreeing, long modelTies) {
    /** Nothing judged. */
    public static final Accuracy EMPTY = new Accuracy(0, 0, 0);

    /** Rejects counts that do not add up. */
    public Accuracy {
        if (judged < 0 || agreeing < 0 || modelTies < 0 || agreeing + modelTies > judged) {
            throw new IllegalArgumentException(
                    "inconsistent counts: judged %d, agreeing %d, ties %d"
                            .formatted(judged, agreeing, modelTies));
        }
    }

    /** Judgements the model gets wrong (prefers the other side). */
    public long disagreeing() {
        return judged - agreeing - modelTies;
    }

    /** {@code agreeing / judged}; NaN when nothing was judged. */
    public double rate() {
        return judged == 0 ? Double.NaN : (double) agreeing / judged;
    }

    /** This tally with one more judgement. */
    Accuracy plus(boolean agrees, boolean modelTie) {
        return new Accuracy(
                judged + 1, agreeing + (agrees ? 1 : 0), modelTies + (modelTie ? 1 : 0));
    }
}
