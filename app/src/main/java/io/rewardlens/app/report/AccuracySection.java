package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.rate;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.Accuracy;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.ModelAccuracy;
import io.rewardlens.storage.analysis.SourceAccuracy;
import java.util.ArrayList;
import java.util.List;

/** Each model's accuracy against the dataset labels and against humans, overall and per source. */
final class AccuracySection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("## Accuracy\n\n");
        md.append(
                "Against the dataset labels: share of scored pairs with margin > 0. Against"
                        + " humans: share of verdicts preferring a side that the model agrees"
                        + " with. Model ties (margin exactly 0) count as not right.\n\n");
        List<ModelAccuracy> accuracies = context.analysis().accuracy();
        CsvTable csv =
                new CsvTable(
                        "model_id",
                        "model",
                        "scope",
                        "source",
                        "label_pairs",
                        "label_correct",
                        "label_model_ties",
                        "label_accuracy",
                        "human_verdicts",
                        "human_agree",
                        "human_model_ties",
                        "human_accuracy");
        List<List<String>> overall = new ArrayList<>();
        List<List<String>> perSource = new ArrayList<>();
        for (ModelAccuracy accuracy : accuracies) {
            AnalyzedModel model = accuracy.model();
            csvRow(csv, model, "all", null, accuracy.vsLabel(), accuracy.vsHuman());
            overall.add(
                    List.of(
                            cell(model.label()),
                            rate(accuracy.vsLabel()),
                            String.valueOf(accuracy.vsLabel().modelTies()),
                            rate(accuracy.vsHuman()),
                            String.valueOf(accuracy.vsHuman().modelTies())));
            for (SourceAccuracy source : accuracy.perSource()) {
                csvRow(csv, model, "source", source.source(), source.vsLabel(), source.vsHuman());
                perSource.add(
                        List.of(
                                cell(model.label()),
                                cell(source.source()),
                                rate(source.vsLabel()),
                                rate(source.vsHuman())));
            }
        }
        md.append(
                table(
                        List.of(
                                "model",
                                "vs labels",
                                "model ties (labels)",
                                "vs humans",
                                "model ties (humans)"),
                        overall));
        md.append("\n### Accuracy per source\n\n");
        md.append(table(List.of("model", "source", "vs labels", "vs humans"), perSource));
        md.append('\n').append(context.writeCsv(csv, "accuracy.csv")).append("\n\n");
        md.append(
                        context.writePlot(
                                "accuracy.png",
                                "Accuracy of each model",
                                f -> ReportPlots.accuracy(accuracies, f)))
                .append("\n\n");
    }

    private static void csvRow(
            CsvTable csv,
            AnalyzedModel model,
            String scope,
            String source,
            Accuracy vsLabel,
            Accuracy vsHuman) {
        csv.row(
                model.id(),
                model.label(),
                scope,
                source,
                vsLabel.judged(),
                vsLabel.agreeing(),
                vsLabel.modelTies(),
                vsLabel.rate(),
                vsHuman.judged(),
                vsHuman.agreeing(),
                vsHuman.modelTies(),
                vsHuman.rate());
    }
}
