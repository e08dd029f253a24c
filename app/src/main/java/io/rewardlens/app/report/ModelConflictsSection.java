package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.number;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.ModelConflict;
import io.rewardlens.storage.analysis.PairFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairs the models disagree on most, ranked by the spread of their normalized margins (at most
 * {@link ReportOptions#topRows()}).
 */
final class ModelConflictsSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("### Pairs the models disagree on most\n\n");
        List<AnalyzedModel> models = context.data().models();
        List<String> columns =
                new ArrayList<>(
                        List.of("rank", "pair_id", "dataset", "source", "spread", "opposite"));
        models.forEach(model -> columns.add(model.label() + " normalized_margin"));
        CsvTable csv = new CsvTable(columns);
        if (models.size() < 2) {
            md.append("Only one model is analysed.\n\n");
        } else {
            md.append(
                    "Each model's margin is divided by its typical |margin| (root mean square over"
                            + " the pairs it scored) so that models with different reward scales"
                            + " compare; pairs are ranked by the spread (largest minus smallest"
                            + " normalized margin). *Opposite* marks pairs where one model prefers"
                            + " the chosen side and another the rejected side.\n\n");
            List<ModelConflict> conflicts =
                    context.analysis().conflicts(context.options().topRows());
            List<List<String>> rows = new ArrayList<>();
            int rank = 0;
            for (ModelConflict conflict : conflicts) {
                rank++;
                PairFeatures f = conflict.pair().features();
                List<Object> csvRow = new ArrayList<>();
                csvRow.add(rank);
                csvRow.add(f.pairId());
                csvRow.add(f.dataset());
                csvRow.add(f.source());
                csvRow.add(conflict.spread());
                csvRow.add(conflict.opposite());
                List<String> mdRow =
                        new ArrayList<>(
                                List.of(
                                        String.valueOf(rank),
                                        String.valueOf(f.pairId()),
                                        cell(f.source()),
                                        number(conflict.spread(), 2),
                                        conflict.opposite() ? "yes" : "no"));
                for (AnalyzedModel model : models) {
                    Double value = conflict.normalizedMargins().get(model.id());
                    csvRow.add(value);
                    mdRow.add(value == null ? MarkdownText.NONE : number(value, 2));
                }
                csv.row(csvRow);
                rows.add(mdRow);
            }
            List<String> header =
                    new ArrayList<>(List.of("#", "pair", "source", "spread", "opposite"));
            models.forEach(model -> header.add(cell(model.label())));
            md.append(table(header, rows));
            md.append('\n');
        }
        md.append(context.writeCsv(csv, "model_conflicts.csv")).append("\n\n");
    }
}
