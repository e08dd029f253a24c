package io.rewardlens.storage.analysis;

import io.rewardlens.storage.Side;
import java.util.Optional;

/**
 * One model's rewards for the two sides of a pair.
 *
 * @param chosen the reward of the dataset's chosen side
 * @param rejected the reward of the rejected side
 */
public record SideScores(double chosen, double rejected) {
    /** Chosen minus rejected: positive when the model agrees with the dataset label. */
    public double margin() {
        return chosen - rejected;
    }

    /** The side the model prefers; empty when both rewards are exactly equal (a model tie). */
    public Optional<Side> preferredSide() {
        double margin = margin();
        if (margin > 0) {
            return Optional.of(Side.CHOSEN);
        }
        return margin < 0 ? Optional.of(Side.REJECTED) : Optional.empty();
    }
}
