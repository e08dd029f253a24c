package io.rewardlens.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A reward model's scores for both sides of a pair, optionally with per-token scores, and their
 * provenance. Equality compares the per-token arrays by content.
 *
 * @param pairId the scored pair
 * @param modelId the registered model that scored it
 * @param chosenScore the reward of the dataset's chosen side
 * @param rejectedScore the reward of the dataset's rejected side
 * @param chosenTokenScores per-token rewards of the chosen side, or null
 * @param rejectedTokenScores per-token rewards of the rejected side, or null
 * @param provenance how the scores were produced
 */
public record PairScore(
        long pairId,
        long modelId,
        double chosenScore,
        double rejectedScore,
        float[] chosenTokenScores,
        float[] rejectedTokenScores,
        ScoreProvenance provenance) {

    /** Rejects a missing provenance. */
    public PairScore {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Chosen minus rejected score: positive when the model agrees with the dataset label. */
    public double margin() {
        return chosenScore - rejectedScore;
    }

    /** The score of one side. */
    public double score(Side side) {
        return side == Side.CHOSEN ? chosenScore : rejectedScore;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairScore that
                && pairId == that.pairId
                && modelId == that.modelId
                && Double.compare(chosenScore, that.chosenScore) == 0
                && Double.compare(rejectedScore, that.rejectedScore) == 0
                && Arrays.equals(chosenTokenScores, that.chosenTokenScores)
                && Arrays.equals(rejectedTokenScores, that.rejectedTokenScores)
                && provenance.equals(that.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pairId, modelId, chosenScore, rejectedScore, provenance)
                + 31 * Arrays.hashCode(chosenTokenScores)
                + 961 * Arrays.hashCode(rejectedTokenScores);
    }

    @Override
    public String toString() {
        return "PairScore[pairId=%d, modelId=%d, chosenScore=%s, rejectedScore=%s, chosenTokens=%s, rejectedTokens=%s, provenance=%s]"
                .formatted(
                        pairId,
                        modelId,
                        chosenScore,
                        rejectedScore,
                        chosenTokenScores == null ? "none" : chosenTokenScores.length,
                        rejectedTokenScores == null ? "none" : rejectedTokenScores.length,
                        provenance);
    }
}
