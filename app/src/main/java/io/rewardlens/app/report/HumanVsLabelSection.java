package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.rate;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.HumanLabelAgreement;
import io.rewardlens.storage.analysis.SourceVerdictCounts;
import io.rewardlens.storage.analysis.VerdictCounts;
import java.util.ArrayList;
import java.util.List;

/** How often the human verdicts agree with the dataset labels, overall and per source. */
final class HumanVsLabelSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("## Human verdicts vs dataset labels\n\n");
        HumanLabelAgreement agreement = context.analysis().humanLabelAgreement();
        CsvTable csv =
                new CsvTable(
                        "scope",
                        "source",
                        "annotated_pairs",
                        "verdicts",
                        "agree_with_label",
                        "disagree_with_label",
                        "ties",
                        "both_bad",
                        "skips",
                        "agreement");
        List<List<String>> rows = new ArrayList<>();
        row(csv, rows, "all", null, agreement.annotatedPairs(), agreement.overall());
        for (SourceVerdictCounts source : agreement.perSource()) {
            row(csv, rows, "source", source.source(), source.annotatedPairs(), source.counts());
        }
        if (agreement.annotatedPairs() == 0) {
            md.append("No pair in scope has a human verdict.\n\n");
        } else {
            md.append(
                    "Each annotator's verdict counts once. Agreement is the share of verdicts"
                            + " preferring a side that prefer the labelled (chosen) side.\n\n");
            md.append(
                    table(
                            List.of(
                                    "source",
                                    "annotated pairs",
                                    "verdicts",
                                    "prefer chosen",
                                    "prefer rejected",
                                    "ties",
                                    "both bad",
                                    "skips",
                                    "agreement"),
                            rows));
        }
        md.append('\n').append(context.writeCsv(csv, "human_vs_label.csv")).append("\n\n");
    }

    private static void row(
            CsvTable csv,
            List<List<String>> rows,
            String scope,
            String source,
            long pairs,
            VerdictCounts counts) {
        csv.row(
                scope,
                source,
                pairs,
                counts.verdicts(),
                counts.agreeWithLabel(),
                counts.disagreeWithLabel(),
                counts.ties(),
                counts.bothBad(),
                counts.skips(),
                counts.agreementRate());
        rows.add(
                List.of(
                        scope.equals("all") ? "**all**" : cell(source),
                        String.valueOf(pairs),
                        String.valueOf(counts.verdicts()),
                        String.valueOf(counts.agreeWithLabel()),
                        String.valueOf(counts.disagreeWithLabel()),
                        String.valueOf(counts.ties()),
                        String.valueOf(counts.bothBad()),
                        String.valueOf(counts.skips()),
                        rate(
                                counts.agreeWithLabel(),
                                counts.agreeWithLabel() + counts.disagreeWithLabel())));
    }
}
