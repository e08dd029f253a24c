package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.rate;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.Accuracy;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.LengthSplitAccuracy;
import io.rewardlens.storage.analysis.PairFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the models reward longer answers: each model's margin against the length difference, and
 * its accuracy when the chosen side is longer, shorter or as long as the rejected one.
 */
final class LengthBiasSection implements ReportSection {
    private static final MarginScatters SCATTERS =
            new MarginScatters(
                    BiasFeature.LENGTH_DIFFERENCE,
                    "length",
                    PairFeatures::chosenLength,
                    PairFeatures::rejectedLength,
                    "length_bias.csv",
                    "length_bias_",
                    ": margin vs length difference");

    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("## Length bias\n\n");
        md.append(
                "Margin against the length difference (characters of the chosen minus the"
                        + " rejected completion). A positive correlation means the model rewards"
                        + " the longer answer.\n\n");
        List<BiasScatter> scatters = SCATTERS.writeTable(context);

        md.append("### Accuracy when the chosen side is longer or shorter\n\n");
        List<LengthSplitAccuracy> splits =
                context.data().models().stream()
                        .map(context.analysis()::lengthSplitAccuracy)
                        .toList();
        CsvTable csv =
                new CsvTable(
                        "model_id", "model", "group", "pairs", "correct", "model_ties", "accuracy");
        List<List<String>> rows = new ArrayList<>();
        for (LengthSplitAccuracy split : splits) {
            AnalyzedModel model = split.model();
            csvRow(csv, model, "chosen_longer", split.chosenLonger());
            csvRow(csv, model, "chosen_shorter", split.chosenShorter());
            csvRow(csv, model, "same_length", split.sameLength());
            rows.add(
                    List.of(
                            cell(model.label()),
                            rate(split.chosenLonger()),
                            rate(split.chosenShorter()),
                            rate(split.sameLength())));
        }
        md.append(table(List.of("model", "chosen longer", "chosen shorter", "same length"), rows));
        md.append('\n').append(context.writeCsv(csv, "length_split_accuracy.csv")).append("\n\n");
        md.append(
                        context.writePlot(
                                "length_split.png",
                                "Accuracy by which side is longer",
                                f -> ReportPlots.lengthSplit(splits, f)))
                .append("\n\n");
        SCATTERS.writePlots(context, scatters);
    }

    private static void csvRow(CsvTable csv, AnalyzedModel model, String group, Accuracy a) {
        csv.row(
                model.id(),
                model.label(),
                group,
                a.judged(),
                a.agreeing(),
                a.modelTies(),
                a.rate());
    }
}
