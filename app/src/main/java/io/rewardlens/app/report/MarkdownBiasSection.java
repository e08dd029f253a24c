package io.rewardlens.app.report;

import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.PairFeatures;

/** Whether the models reward heavier Markdown formatting: margin against the density difference. */
final class MarkdownBiasSection implements ReportSection {
    private static final MarginScatters SCATTERS =
            new MarginScatters(
                    BiasFeature.MARKDOWN_DENSITY_DIFFERENCE,
                    "density",
                    PairFeatures::chosenMarkdownDensity,
                    PairFeatures::rejectedMarkdownDensity,
                    "markdown_bias.csv",
                    "markdown_bias_",
                    ": margin vs markdown density");

    @Override
    public void write(ReportContext context) {
        context.markdown()
                .append("## Markdown bias\n\n")
                .append(
                        "Margin against the difference in Markdown density: headers, list items,"
                                + " bold spans and emoji per 1000 characters, chosen minus"
                                + " rejected. A positive correlation means the model rewards"
                                + " heavier formatting.\n\n");
        SCATTERS.writePlots(context, SCATTERS.writeTable(context));
    }
}
