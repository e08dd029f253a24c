package io.rewardlens.ui.inspect;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.analysis.AgreementMatrix;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.Calibration;
import io.rewardlens.storage.analysis.HumanLabelAgreement;
import io.rewardlens.storage.analysis.LengthSplitAccuracy;
import io.rewardlens.storage.analysis.ModelAccuracy;
import io.rewardlens.storage.analysis.ModelConflict;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import io.rewardlens.storage.analysis.RewardBench;
import io.rewardlens.storage.analysis.RewardBench2;
import io.rewardlens.storage.analysis.TeamAgreement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every failure analysis the workbench shows, computed at once from loaded {@link AnalysisData} by
 * {@link PreferenceAnalysis} (the same analyses as the CLI's report).
 *
 * @param data the pairs and scores analysed
 * @param accuracy each model's accuracy against labels and humans, overall and per source
 * @param humanLabel how human verdicts relate to the dataset labels
 * @param lengthBias each model's margin against the length difference
 * @param markdownBias each model's margin against the Markdown density difference
 * @param lengthSplits each model's accuracy when the chosen side is longer, shorter or as long
 * @param calibrations how often humans agree with each model by |margin|
 * @param agreement how often every two models prefer the same side
 * @param conflicts the pairs the models judge most differently, most different first
 * @param rewardBench RewardBench and RewardBench 2 scores of the RewardBench-shaped datasets
 * @param teamAgreement how far the annotators of the data's datasets agree (empty when no pair was
 *     judged by two people)
 */
public record InspectionReport(
        AnalysisData data,
        List<ModelAccuracy> accuracy,
        HumanLabelAgreement humanLabel,
        List<BiasScatter> lengthBias,
        List<BiasScatter> markdownBias,
        List<LengthSplitAccuracy> lengthSplits,
        List<Calibration> calibrations,
        AgreementMatrix agreement,
        List<ModelConflict> conflicts,
        List<RewardBenchLines.Line> rewardBench,
        List<AgreementLines.Line> teamAgreement) {

    /** Rejects missing parts and copies the lists. */
    public InspectionReport {
        Objects.requireNonNull(data, "data");
        accuracy = List.copyOf(accuracy);
        Objects.requireNonNull(humanLabel, "humanLabel");
        lengthBias = List.copyOf(lengthBias);
        markdownBias = List.copyOf(markdownBias);
        lengthSplits = List.copyOf(lengthSplits);
        calibrations = List.copyOf(calibrations);
        Objects.requireNonNull(agreement, "agreement");
        conflicts = List.copyOf(conflicts);
        rewardBench = List.copyOf(rewardBench);
        teamAgreement = List.copyOf(teamAgreement);
    }

    /**
     * Runs every analysis on the data, RewardBench 2 (which reads pair metadata) included.
     *
     * @param store the store the data was loaded from
     * @param data the loaded pairs and scores
     * @param calibrationBuckets how many |margin| buckets calibration aims for
     * @param conflictLimit the most model conflicts to keep
     * @return the report
     */
    public static InspectionReport compute(
            PreferenceStore store, AnalysisData data, int calibrationBuckets, int conflictLimit) {
        InspectionReport report = compute(data, calibrationBuckets, conflictLimit);
        return new InspectionReport(
                report.data(),
                report.accuracy(),
                report.humanLabel(),
                report.lengthBias(),
                report.markdownBias(),
                report.lengthSplits(),
                report.calibrations(),
                report.agreement(),
                report.conflicts(),
                RewardBenchLines.of(RewardBench.scores(data), RewardBench2.scores(store, data)),
                AgreementLines.of(
                        TeamAgreement.of(TeamAgreement.load(store, datasets(data), Set.of()))));
    }

    private static Set<String> datasets(AnalysisData data) {
        Set<String> names = new TreeSet<>();
        data.pairs().forEach(pair -> names.add(pair.features().dataset()));
        return names;
    }

    /**
     * Runs every analysis on the data (RewardBench 2 and the team's agreement, which need the
     * store, left out).
     *
     * @param data the loaded pairs and scores
     * @param calibrationBuckets how many |margin| buckets calibration aims for
     * @param conflictLimit the most model conflicts to keep
     * @return the report
     */
    public static InspectionReport compute(
            AnalysisData data, int calibrationBuckets, int conflictLimit) {
        PreferenceAnalysis analysis = new PreferenceAnalysis(data);
        List<AnalyzedModel> models = data.models();
        return new InspectionReport(
                data,
                analysis.accuracy(),
                analysis.humanLabelAgreement(),
                models.stream()
                        .map(model -> analysis.bias(model, BiasFeature.LENGTH_DIFFERENCE))
                        .toList(),
                models.stream()
                        .map(model -> analysis.bias(model, BiasFeature.MARKDOWN_DENSITY_DIFFERENCE))
                        .toList(),
                models.stream().map(analysis::lengthSplitAccuracy).toList(),
                models.stream()
                        .map(model -> analysis.calibration(model, calibrationBuckets))
                        .toList(),
                analysis.agreementMatrix(),
                analysis.conflicts(conflictLimit),
                RewardBenchLines.of(RewardBench.scores(data), List.of()),
                List.of());
    }

    /**
     * The analysed models, in the order every table and chart shows them.
     *
     * @return the models
     */
    public List<AnalyzedModel> models() {
        return data.models();
    }
}
