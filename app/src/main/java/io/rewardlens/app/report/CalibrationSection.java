package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.number;
import static io.rewardlens.app.report.MarkdownText.rate;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.Calibration;
import io.rewardlens.storage.analysis.CalibrationBucket;
import java.util.ArrayList;
import java.util.List;

/**
 * How often humans agree with the side each model prefers, by |margin| bucket: a table and a plot
 * per model.
 */
final class CalibrationSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        int bucketCount = context.options().calibrationBuckets();
        md.append("## Calibration\n\n");
        md.append(
                "How often humans agree with the side the model prefers, by how confident the"
                        + " model is. Verdicts are sorted by the model's |margin| and cut into up"
                        + " to "
                        + bucketCount
                        + " buckets of about equal size (equal margins stay together).\n\n");
        CsvTable csv =
                new CsvTable(
                        "model_id",
                        "model",
                        "bucket",
                        "min_abs_margin",
                        "max_abs_margin",
                        "judgements",
                        "human_agrees",
                        "agreement");
        for (AnalyzedModel model : context.data().models()) {
            Calibration calibration = context.analysis().calibration(model, bucketCount);
            md.append("### ").append(cell(model.label())).append("\n\n");
            if (calibration.buckets().isEmpty()) {
                md.append("No human verdict prefers a side of a pair this model scored.\n\n");
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (CalibrationBucket bucket : calibration.buckets()) {
                csv.row(
                        model.id(),
                        model.label(),
                        bucket.index(),
                        bucket.minAbsMargin(),
                        bucket.maxAbsMargin(),
                        bucket.judgements(),
                        bucket.humanAgrees(),
                        bucket.agreementRate());
                rows.add(
                        List.of(
                                String.valueOf(bucket.index() + 1),
                                number(bucket.minAbsMargin(), 3)
                                        + " – "
                                        + number(bucket.maxAbsMargin(), 3),
                                rate(bucket.humanAgrees(), bucket.judgements())));
            }
            md.append(table(List.of("bucket", cell("|margin|"), "humans agree"), rows));
            if (calibration.modelTiesLeftOut() > 0) {
                md.append("\nLeft out: ")
                        .append(calibration.modelTiesLeftOut())
                        .append(" verdicts on pairs the model scored as a tie.\n");
            }
            md.append('\n')
                    .append(
                            context.writePlot(
                                    "calibration_" + ModelSlug.of(model) + ".png",
                                    model.label() + ": calibration",
                                    f -> ReportPlots.calibration(calibration, f)))
                    .append("\n\n");
        }
        md.append(context.writeCsv(csv, "calibration.csv")).append("\n\n");
    }
}
