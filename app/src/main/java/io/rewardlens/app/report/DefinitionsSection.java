package io.rewardlens.app.report;

/**
 * What the report's terms mean: margin, the accuracies, length, density, correlations and so on.
 */
final class DefinitionsSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        context.markdown()
                .append("## Definitions\n\n")
                .append(
                        """
                        - **Margin**: the model's reward of the chosen side minus that of the rejected \
                        side (as the dataset labels them). The model prefers the chosen side when it is \
                        positive, the rejected side when negative; exactly 0 is a *model tie*.
                        - **Accuracy vs labels**: scored pairs with margin > 0, over all scored pairs \
                        (model ties count as wrong and are also listed).
                        - **Accuracy vs humans**: verdicts preferring a side (A/B better, mapped back to \
                        chosen/rejected) that the model agrees with, over all such verdicts on pairs it \
                        scored. Each annotator's verdict counts once; ties, both-bad and skips are left \
                        out.
                        - **Length**: characters (Unicode code points) of a side's completion turns; \
                        the store keeps no token counts.
                        - **Markdown density**: header lines, list item lines, bold spans and emoji per \
                        1000 characters of a side.
                        - **Correlations**: Pearson's r, and Spearman's ρ with tied values sharing their \
                        average rank; blank (–) with fewer than two pairs or a constant series.
                        - **Calibration buckets**: quantile buckets of |margin| over the verdicts \
                        preferring a side; verdicts on model ties are left out.
                        - **Model agreement**: share of pairs both models scored, neither as a tie, where \
                        they prefer the same side.
                        - **Normalized margin**: margin divided by the model's root-mean-square margin \
                        over the pairs it scored.

                        """);
    }
}
