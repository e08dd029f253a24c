package io.rewardlens.ui.inspect;

import io.rewardlens.storage.analysis.AgreementMatrix;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.AnalyzedPair;
import io.rewardlens.storage.analysis.ModelConflict;
import java.util.List;
import java.util.Objects;

/**
 * Several reward models side by side: every scored pair with each model's scores, how often every
 * two models prefer the same side, and the pairs they judge most differently.
 *
 * @param models the models, the order of the table's column groups and the matrix
 * @param scoredPairs the pairs at least one model scored, in import order
 * @param agreement the agreement matrix
 * @param conflicts the pairs the models judge most differently, most different first
 */
public record ModelComparison(
        List<AnalyzedModel> models,
        List<AnalyzedPair> scoredPairs,
        AgreementMatrix agreement,
        List<ModelConflict> conflicts) {

    /** Rejects a missing matrix and copies the lists. */
    public ModelComparison {
        models = List.copyOf(models);
        scoredPairs = List.copyOf(scoredPairs);
        Objects.requireNonNull(agreement, "agreement");
        conflicts = List.copyOf(conflicts);
    }

    /**
     * The comparison in a report.
     *
     * @param report the analyses
     * @return the comparison
     */
    public static ModelComparison of(InspectionReport report) {
        return new ModelComparison(
                report.models(),
                report.data().pairs().stream().filter(pair -> !pair.scores().isEmpty()).toList(),
                report.agreement(),
                report.conflicts());
    }
}
