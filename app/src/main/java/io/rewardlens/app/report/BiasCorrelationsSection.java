package io.rewardlens.app.report;

import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.BiasScatter;
import java.util.List;
import java.util.Locale;

/**
 * One file with the correlations of both bias sections (length, then Markdown density) for every
 * model, linked at the end of the Markdown bias section.
 */
final class BiasCorrelationsSection implements ReportSection {
    private static final List<BiasFeature> FEATURES =
            List.of(BiasFeature.LENGTH_DIFFERENCE, BiasFeature.MARKDOWN_DENSITY_DIFFERENCE);

    @Override
    public void write(ReportContext context) {
        CsvTable csv = new CsvTable("model_id", "model", "feature", "n", "pearson", "spearman");
        for (BiasFeature feature : FEATURES) {
            for (AnalyzedModel model : context.data().models()) {
                BiasScatter scatter = context.analysis().bias(model, feature);
                csv.row(
                        model.id(),
                        model.label(),
                        feature.name().toLowerCase(Locale.ROOT),
                        scatter.correlation().n(),
                        scatter.correlation().pearson(),
                        scatter.correlation().spearman());
            }
        }
        context.markdown()
                .append(context.writeCsv(csv, "correlations.csv"))
                .append(" (both features, every model)\n\n");
    }
}
