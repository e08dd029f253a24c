package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.number;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.Disagreement;
import io.rewardlens.storage.DisagreementQuery;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.storage.analysis.AnalyzedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each model's most confidently wrong pairs, read from the store's disagreement queue: where it
 * prefers the side the label or a human verdict rejected, largest wrong-way margin first.
 */
final class DisagreementsSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        int topRows = context.options().topRows();
        md.append("## Most confidently wrong pairs\n\n");
        md.append(
                "For each model, the pairs where it prefers the side the dataset label (*label*)"
                        + " or a human verdict (*human*) rejected, largest wrong-way margin first"
                        + " (at most "
                        + topRows
                        + " per model).\n\n");
        CsvTable csv =
                new CsvTable(
                        "model_id",
                        "model",
                        "rank",
                        "kind",
                        "pair_id",
                        "dataset",
                        "source",
                        "chosen_score",
                        "rejected_score",
                        "margin",
                        "wrongness",
                        "chosen_length",
                        "rejected_length",
                        "annotator",
                        "human_verdicts");
        AnalysisScope scope = context.data().scope();
        for (AnalyzedModel model : context.data().models()) {
            List<Disagreement> rows =
                    context.store()
                            .disagreements(
                                    DisagreementQuery.forModel(model.id())
                                            .withPairs(scope.pairs())
                                            .withLimit(topRows));
            md.append("### ").append(cell(model.label())).append("\n\n");
            if (rows.isEmpty()) {
                md.append("No disagreements.\n\n");
                continue;
            }
            List<List<String>> mdRows = new ArrayList<>();
            int rank = 0;
            for (Disagreement d : rows) {
                rank++;
                String kind = d.kind().name().toLowerCase(Locale.ROOT);
                String verdicts =
                        VerdictSummary.of(
                                d.annotations().stream()
                                        .map(StoredAnnotation::annotation)
                                        .toList());
                csv.row(
                        model.id(),
                        model.label(),
                        rank,
                        kind,
                        d.pair().id(),
                        d.pair().dataset(),
                        d.pair().pair().source(),
                        d.chosenScore(),
                        d.rejectedScore(),
                        d.margin(),
                        d.wrongness(),
                        d.chosenLength(),
                        d.rejectedLength(),
                        d.annotator(),
                        verdicts);
                mdRows.add(
                        List.of(
                                String.valueOf(rank),
                                kind,
                                String.valueOf(d.pair().id()),
                                cell(d.pair().pair().source()),
                                number(d.chosenScore(), 3),
                                number(d.rejectedScore(), 3),
                                number(d.margin(), 3),
                                d.chosenLength() + " / " + d.rejectedLength(),
                                verdicts.isEmpty() ? MarkdownText.NONE : cell(verdicts)));
            }
            md.append(
                    table(
                            List.of(
                                    "#",
                                    "against",
                                    "pair",
                                    "source",
                                    "chosen",
                                    "rejected",
                                    "margin",
                                    "length chosen / rejected",
                                    "human verdicts"),
                            mdRows));
            md.append('\n');
        }
        md.append(context.writeCsv(csv, "disagreements.csv")).append("\n\n");
    }
}
