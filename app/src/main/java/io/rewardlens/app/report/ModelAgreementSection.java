package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.rate;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.AgreementMatrix;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.ModelAgreement;
import java.util.ArrayList;
import java.util.List;

/** How often each two models prefer the same side, as a matrix of every model against every one. */
final class ModelAgreementSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("### Agreement between models\n\n");
        md.append(
                "Share of the pairs both models scored (neither as a tie) where they prefer the"
                        + " same side.\n\n");
        List<AnalyzedModel> models = context.data().models();
        AgreementMatrix matrix = context.analysis().agreementMatrix();
        CsvTable csv =
                new CsvTable(
                        "model_a_id",
                        "model_a",
                        "model_b_id",
                        "model_b",
                        "shared_pairs",
                        "same_preference",
                        "agreement");
        List<String> header = new ArrayList<>(List.of(""));
        models.forEach(model -> header.add(cell(model.label())));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            List<String> row = new ArrayList<>(List.of("**" + cell(models.get(i).label()) + "**"));
            for (int j = 0; j < models.size(); j++) {
                ModelAgreement agreement = matrix.cell(i, j);
                csv.row(
                        agreement.first().id(),
                        agreement.first().label(),
                        agreement.second().id(),
                        agreement.second().label(),
                        agreement.sharedPairs(),
                        agreement.samePreference(),
                        agreement.rate());
                row.add(rate(agreement.samePreference(), agreement.sharedPairs()));
            }
            rows.add(row);
        }
        md.append(models.size() < 2 ? "Only one model is analysed.\n" : table(header, rows));
        md.append('\n').append(context.writeCsv(csv, "model_agreement.csv")).append("\n\n");
    }
}
