/**
 * Reward-model failure analysis over a store, free of any UI toolkit: load the pairs and scores of
 * a scope once ({@link io.rewardlens.storage.analysis.AnalysisData#load}), then ask {@link
 * io.rewardlens.storage.analysis.PreferenceAnalysis} for plain records of numbers that a report or
 * a chart shows. The disagreement queue itself is a store query ({@link
 * io.rewardlens.storage.PreferenceStore#disagreements}).
 *
 * <p>Definitions used throughout:
 *
 * <ul>
 *   <li><b>Margin</b>: a model's chosen minus rejected reward; the model prefers the chosen side
 *       when it is positive, the rejected side when negative, and neither (a <em>model tie</em>)
 *       when it is exactly 0.
 *   <li><b>Accuracy against the label</b>: of the pairs a model scored, the fraction with margin
 *       &gt; 0. Model ties count as not right and are also reported on their own.
 *   <li><b>Accuracy against humans</b>: of the verdicts that prefer a side (A or B better, mapped
 *       to chosen/rejected through {@link io.rewardlens.storage.Annotation#preferredSide()}) on
 *       pairs the model scored, the fraction where the model prefers that side. When several
 *       annotators judged a pair, each verdict counts once. Ties, both-bad and skips are left out
 *       (and counted in {@link io.rewardlens.storage.analysis.VerdictCounts}).
 *   <li><b>Length</b>: characters (Unicode code points) of a side's completion turns ({@link
 *       io.rewardlens.storage.PreferencePair#completionLength}); the store keeps no token counts.
 *   <li><b>Markdown density</b>: headers, list items, bold spans and emoji per 1000 characters (see
 *       {@link io.rewardlens.storage.analysis.MarkdownFeatures}).
 *   <li><b>Correlations</b>: Pearson's, and Spearman's with tied values sharing their average rank
 *       ({@link io.rewardlens.storage.analysis.Correlation}).
 *   <li><b>Calibration</b>: quantile buckets of |margin| (see {@link
 *       io.rewardlens.storage.analysis.Calibration}).
 *   <li><b>Model agreement</b>: among pairs two models both scored, neither as a tie, the fraction
 *       where they prefer the same side.
 *   <li><b>Model conflicts</b>: pairs ranked by the spread of normalized margins (see {@link
 *       io.rewardlens.storage.analysis.ModelConflict}).
 * </ul>
 */
package io.rewardlens.storage.analysis;
