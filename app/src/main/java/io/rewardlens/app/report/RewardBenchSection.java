package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.number;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.RewardBench;
import io.rewardlens.storage.analysis.RewardBench2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RewardBench scores, for the datasets whose pairs' sources are RewardBench (v1) or RewardBench 2
 * subsets: per model, each subset, v1's four sections and the overall score, computed as
 * RewardBench's own code computes them ({@link RewardBench}, {@link RewardBench2}), with the
 * published model-card scores of a model next to its own when the bundle's name is known. Absent
 * when no dataset of the report is RewardBench-shaped.
 */
final class RewardBenchSection implements ReportSection {
    /** What a score that cannot be computed shows as. */
    static final String NOT_AVAILABLE = "n/a";

    @Override
    public void write(ReportContext context) {
        List<RewardBench.Result> v1 = RewardBench.scores(context.data());
        List<RewardBench2.Result> v2 = RewardBench2.scores(context.store(), context.data());
        if (v1.isEmpty() && v2.isEmpty()) {
            return;
        }
        StringBuilder md = context.markdown();
        md.append("## RewardBench\n\n");
        CsvTable csv =
                new CsvTable(
                        "benchmark",
                        "dataset",
                        "model_id",
                        "model",
                        "kind",
                        "level",
                        "section",
                        "subset",
                        "score",
                        "n",
                        "not_counted",
                        "weight");
        if (!v1.isEmpty()) {
            writeV1(context, v1, csv);
        }
        if (!v2.isEmpty()) {
            writeV2(context.markdown(), v2, csv);
        }
        md.append(context.writeCsv(csv, "rewardbench.csv")).append("\n\n");
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? NOT_AVAILABLE : number(100 * fraction, 1);
    }

    private static Double csvPercent(double fraction) {
        return Double.isNaN(fraction) ? null : 100 * fraction;
    }

    private static void writeV1(
            ReportContext context, List<RewardBench.Result> results, CsvTable csv) {
        StringBuilder md = context.markdown();
        md.append(
                "RewardBench (v1), scored as RewardBench's own code scores it: a pair is right"
                        + " when the chosen side scores strictly higher (a tie is wrong); a"
                        + " section is its subsets' accuracies weighted by RewardBench's example"
                        + " counts (math-prm weighs 984, as much as the code subsets together),"
                        + " over the subsets present; overall is the mean of the four sections."
                        + " A section with no subset present shows as n/a, and the overall score"
                        + " is then the mean of the others, marked partial.\n\n");
        Map<String, List<RewardBench.Result>> byDataset = new LinkedHashMap<>();
        for (RewardBench.Result result : results) {
            byDataset.computeIfAbsent(result.dataset(), d -> new ArrayList<>()).add(result);
        }
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(RewardBench.SECTIONS.keySet());
        header.add("overall");
        for (Map.Entry<String, List<RewardBench.Result>> dataset : byDataset.entrySet()) {
            md.append("### RewardBench: dataset ").append(cell(dataset.getKey())).append("\n\n");
            List<List<String>> rows = new ArrayList<>();
            List<List<String>> subsetRows = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (RewardBench.Result result : dataset.getValue()) {
                AnalyzedModel model = result.model();
                List<String> row = new ArrayList<>(List.of(cell(model.label())));
                for (RewardBench.SectionScore section : result.sections()) {
                    row.add(percent(section.score()));
                    csv.row(
                            "rewardbench",
                            result.dataset(),
                            model.id(),
                            model.label(),
                            "measured",
                            "section",
                            section.section(),
                            null,
                            csvPercent(section.score()),
                            null,
                            null,
                            null);
                    if (!section.missing().isEmpty()) {
                        notes.add(
                                cell(model.label())
                                        + ", "
                                        + section.section()
                                        + ": no scored pair in "
                                        + String.join(", ", section.missing()));
                    }
                }
                long present =
                        result.sections().stream().filter(s -> !Double.isNaN(s.score())).count();
                row.add(
                        percent(result.overall())
                                + (result.complete() || present == 0
                                        ? ""
                                        : " (partial: " + present + " of 4 sections)"));
                rows.add(row);
                csv.row(
                        "rewardbench",
                        result.dataset(),
                        model.id(),
                        model.label(),
                        result.complete() ? "measured" : "measured (partial)",
                        "overall",
                        null,
                        null,
                        csvPercent(result.overall()),
                        null,
                        null,
                        null);
                Optional<PublishedRewardBench> published =
                        PublishedRewardBench.forModel(model.name());
                published.ifPresent(
                        p -> {
                            List<String> cells =
                                    new ArrayList<>(
                                            List.of(
                                                    cell(p.model())
                                                            + " (published: "
                                                            + p.source()
                                                            + ")"));
                            List<String> names = List.copyOf(RewardBench.SECTIONS.keySet());
                            for (int i = 0; i < p.sections().size(); i++) {
                                cells.add(number(p.sections().get(i), 1));
                                csv.row(
                                        "rewardbench",
                                        result.dataset(),
                                        model.id(),
                                        p.model(),
                                        "published",
                                        "section",
                                        names.get(i),
                                        null,
                                        p.sections().get(i),
                                        null,
                                        null,
                                        null);
                            }
                            cells.add(number(p.overall(), 1));
                            csv.row(
                                    "rewardbench",
                                    result.dataset(),
                                    model.id(),
                                    p.model(),
                                    "published",
                                    "overall",
                                    null,
                                    null,
                                    p.overall(),
                                    null,
                                    null,
                                    null);
                            rows.add(cells);
                        });
                for (RewardBench.SubsetScore subset : result.subsets()) {
                    long stored =
                            context.store()
                                    .countPairs(
                                            PairQuery.all()
                                                    .withDataset(result.dataset())
                                                    .withSources(Set.of(subset.subset())));
                    long unscored = Math.max(0, stored - subset.pairs());
                    subsetRows.add(
                            List.of(
                                    cell(model.label()),
                                    subset.section(),
                                    subset.subset(),
                                    MarkdownText.rate(subset.correct(), subset.pairs()),
                                    String.valueOf(subset.weight()),
                                    unscored == 0
                                            ? "all " + stored
                                            : subset.pairs() + " of " + stored + " (partial)"));
                    csv.row(
                            "rewardbench",
                            result.dataset(),
                            model.id(),
                            model.label(),
                            "measured",
                            "subset",
                            subset.section(),
                            subset.subset(),
                            csvPercent(subset.accuracy()),
                            subset.pairs(),
                            unscored,
                            subset.weight());
                }
            }
            md.append(table(header, rows)).append('\n');
            if (!notes.isEmpty()) {
                md.append("Subsets missing:\n\n");
                for (String note : notes) {
                    md.append("- ").append(note).append('\n');
                }
                md.append('\n');
            }
            md.append("#### Subsets\n\n");
            md.append(
                    table(
                            List.of(
                                    "model",
                                    "section",
                                    "subset",
                                    "accuracy",
                                    "weight",
                                    "pairs scored"),
                            subsetRows));
            md.append('\n');
        }
    }

    private static void writeV2(StringBuilder md, List<RewardBench2.Result> results, CsvTable csv) {
        md.append(
                "RewardBench 2, scored as its own code scores it: a row (a prompt with its"
                        + " correct and incorrect completions, stored as one pair per"
                        + " combination) counts once the model scored all its completions; it is"
                        + " right when every correct completion scores above every incorrect one"
                        + " (a correct completion tied for the top with k others gets 1/(k+1)),"
                        + " and a subset's score is the mean over its rows. Ties is scored by"
                        + " RewardBench 2's Ties rule: 0.3 tied accuracy + 0.3 reference accuracy"
                        + " + 0.2 and 0.2 for correct answers standing apart from incorrect ones"
                        + " by more than they differ among themselves + 0.01 margin term. Overall"
                        + " is the mean of the six subsets (with fewer, the mean of those,"
                        + " marked partial).\n\n");
        Map<String, List<RewardBench2.Result>> byDataset = new LinkedHashMap<>();
        for (RewardBench2.Result result : results) {
            byDataset.computeIfAbsent(result.dataset(), d -> new ArrayList<>()).add(result);
        }
        for (Map.Entry<String, List<RewardBench2.Result>> dataset : byDataset.entrySet()) {
            md.append("### RewardBench 2: dataset ").append(cell(dataset.getKey())).append("\n\n");
            List<String> header = new ArrayList<>(List.of("model"));
            header.addAll(RewardBench2.SUBSETS);
            header.add("overall");
            List<List<String>> rows = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (RewardBench2.Result result : dataset.getValue()) {
                AnalyzedModel model = result.model();
                List<String> row = new ArrayList<>(List.of(cell(model.label())));
                for (String name : RewardBench2.SUBSETS) {
                    Optional<RewardBench2.SubsetScore> subset =
                            result.subsets().stream()
                                    .filter(s -> s.subset().equals(name))
                                    .findFirst();
                    if (subset.isEmpty()) {
                        row.add(NOT_AVAILABLE);
                        notes.add(cell(model.label()) + ", " + name + ": no row in the dataset");
                        continue;
                    }
                    RewardBench2.SubsetScore score = subset.get();
                    row.add(
                            percent(score.score())
                                    + " ("
                                    + score.rows()
                                    + (score.rows() == 1 ? " row)" : " rows)"));
                    if (score.incompleteRows() > 0) {
                        notes.add(
                                cell(model.label())
                                        + ", "
                                        + name
                                        + ": "
                                        + score.incompleteRows()
                                        + " rows not counted, a completion is not scored");
                    }
                    if (name.equals("Ties") && Double.isNaN(score.score()) && score.rows() > 0) {
                        notes.add(
                                cell(model.label())
                                        + ", Ties: no prompt has both its ref: and its tied: row"
                                        + " scored");
                    }
                    csv.row(
                            "rewardbench2",
                            result.dataset(),
                            model.id(),
                            model.label(),
                            "measured",
                            "subset",
                            null,
                            name,
                            csvPercent(score.score()),
                            score.rows(),
                            score.incompleteRows(),
                            null);
                }
                row.add(percent(result.overall()) + (result.complete() ? "" : " (partial)"));
                rows.add(row);
                csv.row(
                        "rewardbench2",
                        result.dataset(),
                        model.id(),
                        model.label(),
                        result.complete() ? "measured" : "measured (partial)",
                        "overall",
                        null,
                        null,
                        csvPercent(result.overall()),
                        null,
                        null,
                        null);
            }
            md.append(table(header, rows)).append('\n');
            if (!notes.isEmpty()) {
                for (String note : notes) {
                    md.append("- ").append(note).append('\n');
                }
                md.append('\n');
            }
        }
    }
}
