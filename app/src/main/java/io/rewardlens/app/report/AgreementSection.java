package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.analysis.AnalyzedPair;
import io.rewardlens.storage.analysis.TeamAgreement;
import io.rewardlens.storage.analysis.TeamAgreement.GroupAgreement;
import io.rewardlens.storage.analysis.TeamAgreement.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How far the annotators agree ({@link TeamAgreement}): the overall measures, the matrix of
 * pairwise Cohen's kappas, agreement per source and per tag, and each annotator against the
 * majority and the dataset label.
 */
final class AgreementSection implements ReportSection {
    @Override
    public void write(ReportContext context) {
        StringBuilder md = context.markdown();
        md.append("## Inter-annotator agreement\n\n");
        TreeSet<String> datasets = new TreeSet<>();
        for (AnalyzedPair pair : context.data().pairs()) {
            datasets.add(pair.features().dataset());
        }
        Result result =
                datasets.isEmpty()
                        ? TeamAgreement.of(List.of())
                        : TeamAgreement.of(
                                TeamAgreement.load(context.store(), datasets, java.util.Set.of()));
        CsvTable csv = new CsvTable("measure", "group", "annotators", "pairs", "value");
        if (result.pairs() == 0) {
            md.append("No pair in scope was judged by two people or more.\n\n");
        } else {
            md.append(
                            "On the verdict in force per annotator and pair (skips and the"
                                    + " adjudicator left out), categories chosen / rejected / tie /"
                                    + " both bad; computed with DKPro Statistics. ")
                    .append(result.pairs())
                    .append(" pairs were judged by two people or more.\n\n");
            List<List<String>> overall = new ArrayList<>();
            overall.add(
                    row(csv, "percent agreement", null, result.pairs(), result.percentAgreement()));
            overall.add(
                    row(
                            csv,
                            "Fleiss' kappa (" + result.fleissRaters() + " verdicts per pair)",
                            null,
                            result.fleissPairs(),
                            result.fleissKappa()));
            overall.add(
                    row(
                            csv,
                            "Krippendorff's alpha",
                            null,
                            result.pairs(),
                            result.krippendorffAlpha()));
            overall.add(
                    row(
                            csv,
                            "ordinal alpha on strength",
                            null,
                            result.pairs(),
                            result.alphaOrdinalStrength()));
            md.append(table(List.of("measure", "pairs", "value"), overall)).append('\n');
            md.append(kappaMatrix(result, csv)).append('\n');
            md.append(groups("source", result.perSource(), csv)).append('\n');
            if (!result.perTag().isEmpty()) {
                md.append(groups("tag", result.perTag(), csv)).append('\n');
            }
            List<List<String>> people = new ArrayList<>();
            result.perAnnotator()
                    .forEach(
                            (who, a) -> {
                                people.add(
                                        List.of(
                                                cell(who),
                                                String.valueOf(a.verdicts()),
                                                value(a.withMajority())
                                                        + " of "
                                                        + a.majorityPairs(),
                                                value(a.withLabel()) + " of " + a.sideVerdicts()));
                                csv.row(
                                        "with majority",
                                        null,
                                        who,
                                        a.majorityPairs(),
                                        a.withMajority());
                                csv.row("with label", null, who, a.sideVerdicts(), a.withLabel());
                            });
            md.append(
                            table(
                                    List.of(
                                            "annotator",
                                            "verdicts",
                                            "with the majority",
                                            "with the label"),
                                    people))
                    .append('\n');
            for (String note : result.notes()) {
                md.append("- ").append(note).append('\n');
            }
            if (!result.notes().isEmpty()) {
                md.append('\n');
            }
        }
        md.append(context.writeCsv(csv, "agreement.csv")).append("\n\n");
    }

    private static List<String> row(
            CsvTable csv, String measure, String group, int pairs, Double value) {
        csv.row(measure, group, null, pairs, value);
        return List.of(measure, String.valueOf(pairs), value(value));
    }

    private static String kappaMatrix(Result result, CsvTable csv) {
        List<String> header = new ArrayList<>(List.of("Cohen's kappa"));
        header.addAll(result.annotators());
        List<List<String>> rows = new ArrayList<>();
        for (String a : result.annotators()) {
            List<String> row = new ArrayList<>(List.of(cell(a)));
            for (String b : result.annotators()) {
                if (a.equals(b)) {
                    row.add(MarkdownText.NONE);
                    continue;
                }
                String key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
                row.add(
                        result.cohenKappa().containsKey(key)
                                ? value(result.cohenKappa().get(key))
                                : "no shared pair");
            }
            rows.add(row);
        }
        result.cohenKappa()
                .forEach((two, kappa) -> csv.row("Cohen's kappa", null, two, null, kappa));
        return table(header, rows);
    }

    private static String groups(String kind, Map<String, GroupAgreement> groups, CsvTable csv) {
        List<List<String>> rows = new ArrayList<>();
        groups.forEach(
                (name, group) -> {
                    rows.add(
                            List.of(
                                    cell(name),
                                    String.valueOf(group.pairs()),
                                    value(group.percentAgreement()),
                                    value(group.krippendorffAlpha())));
                    csv.row(
                            "percent agreement",
                            kind + ":" + name,
                            null,
                            group.pairs(),
                            group.percentAgreement());
                    csv.row(
                            "Krippendorff's alpha",
                            kind + ":" + name,
                            null,
                            group.pairs(),
                            group.krippendorffAlpha());
                });
        return table(List.of(kind, "pairs", "percent agreement", "Krippendorff's alpha"), rows);
    }

    private static String value(Double value) {
        return value == null ? "n/a" : MarkdownText.number(value, 3);
    }
}
