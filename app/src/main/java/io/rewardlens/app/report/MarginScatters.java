package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.number;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.AnalyzedPair;
import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.BiasPoint;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.PairFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each model's margin against one feature of the pairs, as the bias sections show it: a correlation
 * table with the points as CSV, and one scatter plot per model.
 *
 * @param feature the feature the margin is set against
 * @param measure the pair's measure behind the feature, naming the CSV columns {@code
 *     chosen_<measure>}, {@code rejected_<measure>} and {@code <measure>_difference}
 * @param chosen the measure of the chosen side
 * @param rejected the measure of the rejected side
 * @param csvName the file name of the points
 * @param plotPrefix the start of each plot's file name, followed by the model's {@link ModelSlug}
 * @param captionTail what follows the model's label in each plot's caption
 */
record MarginScatters(
        BiasFeature feature,
        String measure,
        Function<PairFeatures, Object> chosen,
        Function<PairFeatures, Object> rejected,
        String csvName,
        String plotPrefix,
        String captionTail) {

    /** Appends the correlation table and writes the points with a link to them. */
    List<BiasScatter> writeTable(ReportContext context) {
        AnalysisData data = context.data();
        Map<Long, PairFeatures> features = new HashMap<>();
        for (AnalyzedPair pair : data.pairs()) {
            features.put(pair.pairId(), pair.features());
        }
        CsvTable points =
                new CsvTable(
                        "model_id",
                        "model",
                        "pair_id",
                        "chosen_" + measure,
                        "rejected_" + measure,
                        measure + "_difference",
                        "margin");
        List<BiasScatter> scatters = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (AnalyzedModel model : data.models()) {
            BiasScatter scatter = context.analysis().bias(model, feature);
            scatters.add(scatter);
            for (BiasPoint point : scatter.points()) {
                PairFeatures pair = features.get(point.pairId());
                points.row(
                        model.id(),
                        model.label(),
                        point.pairId(),
                        chosen.apply(pair),
                        rejected.apply(pair),
                        point.feature(),
                        point.margin());
            }
            rows.add(
                    List.of(
                            cell(model.label()),
                            String.valueOf(scatter.correlation().n()),
                            number(scatter.correlation().pearson(), 3),
                            number(scatter.correlation().spearman(), 3)));
        }
        StringBuilder md = context.markdown();
        md.append(table(List.of("model", "pairs", "Pearson r", "Spearman ρ"), rows));
        md.append('\n').append(context.writeCsv(points, csvName)).append("\n\n");
        return scatters;
    }

    /** Appends each scatter's plot. */
    void writePlots(ReportContext context, List<BiasScatter> scatters) {
        for (BiasScatter scatter : scatters) {
            context.markdown()
                    .append(
                            context.writePlot(
                                    plotPrefix + ModelSlug.of(scatter.model()) + ".png",
                                    scatter.model().label() + captionTail,
                                    f -> ReportPlots.scatter(scatter, f)))
                    .append("\n\n");
        }
    }
}
