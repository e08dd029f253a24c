package io.rewardlens.app.report;

import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.AnalyzedPair;
import io.rewardlens.storage.analysis.PairFeatures;
import io.rewardlens.storage.analysis.SideScores;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the part of the report that compares the models: every model's scores of each scored pair,
 * side by side, as one CSV file.
 */
final class SideBySideSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("## Models side by side\n\n");
        AnalysisData data = context.data();
        List<AnalyzedModel> models = data.models();
        List<String> columns =
                new ArrayList<>(
                        List.of(
                                "pair_id",
                                "dataset",
                                "source",
                                "chosen_length",
                                "rejected_length",
                                "human_verdicts"));
        for (AnalyzedModel model : models) {
            columns.add(model.label() + " chosen");
            columns.add(model.label() + " rejected");
            columns.add(model.label() + " margin");
        }
        CsvTable scores = new CsvTable(columns);
        for (AnalyzedPair pair : data.pairs()) {
            if (pair.scores().isEmpty()) {
                continue;
            }
            PairFeatures f = pair.features();
            List<Object> row = new ArrayList<>();
            row.add(f.pairId());
            row.add(f.dataset());
            row.add(f.source());
            row.add(f.chosenLength());
            row.add(f.rejectedLength());
            row.add(VerdictSummary.of(f.annotations()));
            for (AnalyzedModel model : models) {
                SideScores score = pair.score(model.id()).orElse(null);
                row.add(score == null ? null : score.chosen());
                row.add(score == null ? null : score.rejected());
                row.add(score == null ? null : score.margin());
            }
            scores.row(row);
        }
        md.append(context.writeCsv(scores, "scores_side_by_side.csv"))
                .append(
                        ": every model's chosen and rejected score and margin for each scored"
                                + " pair,")
                .append(" with the pair's lengths and human verdicts.\n\n");
    }
}
