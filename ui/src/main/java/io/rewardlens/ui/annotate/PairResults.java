package io.rewardlens.ui.annotate;

import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.storage.Side;
import java.util.Objects;

/**
 * The reward model's results for both stored sides of a pair, with their per-token detail and
 * provenance.
 *
 * @param chosen the result of the dataset's chosen side
 * @param rejected the result of the rejected side
 */
public record PairResults(ScoreResult chosen, ScoreResult rejected) {
    /** Rejects null results. */
    public PairResults {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rejected, "rejected");
    }

    /**
     * The result of one stored side.
     *
     * @param side chosen or rejected
     * @return its result
     */
    public ScoreResult of(Side side) {
        return side == Side.CHOSEN ? chosen : rejected;
    }
}
