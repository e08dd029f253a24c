package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.RewardModelInfo;
import io.rewardlens.storage.analysis.AnalyzedModel;
import java.util.ArrayList;
import java.util.List;

/** The analysed models with their provenance (dtype, device, engine, bundle and template hash). */
final class ModelsSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("## Models\n\n");
        CsvTable csv =
                new CsvTable(
                        "model_id",
                        "model",
                        "name",
                        "scored_pairs",
                        "dtype",
                        "device",
                        "engine_version",
                        "bundle_hash",
                        "template_hash");
        List<List<String>> rows = new ArrayList<>();
        for (AnalyzedModel model : context.data().models()) {
            RewardModelInfo info = model.model().info();
            csv.row(
                    model.id(),
                    model.label(),
                    model.name(),
                    model.scoredPairs(),
                    info.dtype(),
                    info.device(),
                    info.engineVersion(),
                    info.bundleHash(),
                    info.templateHash());
            rows.add(
                    List.of(
                            String.valueOf(model.id()),
                            cell(model.label()),
                            String.valueOf(model.scoredPairs()),
                            cell(info.dtype()),
                            cell(info.device()),
                            cell(info.engineVersion()),
                            "`" + abbreviate(info.bundleHash()) + "`"));
        }
        md.append(
                table(
                        List.of(
                                "id",
                                "model",
                                "scored pairs",
                                "dtype",
                                "device",
                                "engine",
                                "bundle"),
                        rows));
        md.append('\n').append(context.writeCsv(csv, "models.csv")).append("\n\n");
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
