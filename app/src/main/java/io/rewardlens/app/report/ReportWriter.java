package io.rewardlens.app.report;

import static io.rewardlens.app.report.MarkdownText.cell;
import static io.rewardlens.app.report.MarkdownText.number;
import static io.rewardlens.app.report.MarkdownText.rate;
import static io.rewardlens.app.report.MarkdownText.table;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Disagreement;
import io.rewardlens.storage.DisagreementQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.RewardModelInfo;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.ToolVersion;
import io.rewardlens.storage.analysis.Accuracy;
import io.rewardlens.storage.analysis.AgreementMatrix;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.AnalyzedPair;
import io.rewardlens.storage.analysis.BiasFeature;
import io.rewardlens.storage.analysis.BiasPoint;
import io.rewardlens.storage.analysis.BiasScatter;
import io.rewardlens.storage.analysis.Calibration;
import io.rewardlens.storage.analysis.CalibrationBucket;
import io.rewardlens.storage.analysis.HumanLabelAgreement;
import io.rewardlens.storage.analysis.LengthSplitAccuracy;
import io.rewardlens.storage.analysis.ModelAccuracy;
import io.rewardlens.storage.analysis.ModelAgreement;
import io.rewardlens.storage.analysis.ModelConflict;
import io.rewardlens.storage.analysis.PairFeatures;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import io.rewardlens.storage.analysis.SideScores;
import io.rewardlens.storage.analysis.SourceAccuracy;
import io.rewardlens.storage.analysis.SourceVerdictCounts;
import io.rewardlens.storage.analysis.VerdictCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the reward-model failure report of an analysis into a folder: {@code report.md} (Markdown
 * with the tables and the plots embedded), one CSV file per table or plot's data, and PNG plots.
 * Files of an earlier report in the folder are replaced; other files are left alone.
 *
 * <p>The disagreement lists are read from the store (its disagreement queue), everything else is
 * computed by {@link PreferenceAnalysis}.
 */
public final class ReportWriter {
    /** The report's Markdown file name. */
    public static final String MARKDOWN_FILE = "report.md";

    private final PreferenceStore store;
    private final PreferenceAnalysis analysis;
    private final ReportOptions options;
    private final Instant generatedAt;

    private final List<Path> csvFiles = new ArrayList<>();
    private final List<Path> plots = new ArrayList<>();
    private Path folder;

    /**
     * Prepares a report.
     *
     * @param store the store the analysis was loaded from (for the disagreement lists)
     * @param analysis the analysis to report
     * @param options how many calibration buckets and list rows
     * @param generatedAt the time the report names as its creation time
     */
    public ReportWriter(
            PreferenceStore store,
            PreferenceAnalysis analysis,
            ReportOptions options,
            Instant generatedAt) {
        this.store = store;
        this.analysis = analysis;
        this.options = options;
        this.generatedAt = generatedAt;
    }

    /**
     * Writes the report into a folder, creating it if needed.
     *
     * @return the files written
     * @throws UncheckedIOException when a file cannot be written
     */
    public WrittenReport write(Path outFolder) {
        folder = outFolder;
        csvFiles.clear();
        plots.clear();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report folder " + folder, e);
        }
        AnalysisData data = analysis.data();
        StringBuilder md = new StringBuilder();
        md.append("# RewardLens report\n\n");
        scope(md, data);
        models(md, data);
        accuracy(md, data);
        humanAgreement(md);
        List<BiasScatter> lengthScatters = lengthBias(md, data);
        markdownBias(md, data, lengthScatters);
        calibration(md, data);
        severalModels(md, data);
        disagreements(md, data);
        definitions(md);
        files(md);
        Path markdown = folder.resolve(MARKDOWN_FILE);
        try {
            Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + markdown, e);
        }
        return new WrittenReport(markdown, csvFiles, plots);
    }

    // ---------------------------------------------------------------- sections

    private void scope(StringBuilder md, AnalysisData data) {
        AnalysisScope scope = data.scope();
        long scored = data.pairs().stream().filter(p -> !p.scores().isEmpty()).count();
        long annotated =
                data.pairs().stream().filter(p -> !p.features().annotations().isEmpty()).count();
        md.append("Store: `")
                .append(store.file().getFileName())
                .append("` · generated ")
                .append(generatedAt.truncatedTo(ChronoUnit.SECONDS))
                .append(" by RewardLens ")
                .append(ToolVersion.current())
                .append("\n\n");
        md.append("- Datasets: ").append(listOrAll(scope.datasets())).append('\n');
        if (!scope.sources().isEmpty()) {
            md.append("- Sources: ").append(listOrAll(scope.sources())).append('\n');
        }
        md.append("- Pairs analysed: ")
                .append(data.pairs().size())
                .append(" (scored by at least one model: ")
                .append(scored)
                .append(", with human verdicts: ")
                .append(annotated)
                .append(")\n\n");
    }

    private static String listOrAll(Set<String> names) {
        return names.isEmpty()
                ? "all"
                : names.stream().sorted().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    private void models(StringBuilder md, AnalysisData data) {
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
        for (AnalyzedModel model : data.models()) {
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
        md.append('\n').append(csvLink(csv, "models.csv")).append("\n\n");
    }

    private void accuracy(StringBuilder md, AnalysisData data) {
        md.append("## Accuracy\n\n");
        md.append(
                "Against the dataset labels: share of scored pairs with margin > 0. Against"
                        + " humans: share of verdicts preferring a side that the model agrees"
                        + " with. Model ties (margin exactly 0) count as not right.\n\n");
        List<ModelAccuracy> accuracies = analysis.accuracy();
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
            csv.row(accuracyRow(model, "all", null, accuracy.vsLabel(), accuracy.vsHuman()));
            overall.add(
                    List.of(
                            cell(model.label()),
                            rate(accuracy.vsLabel().agreeing(), accuracy.vsLabel().judged()),
                            String.valueOf(accuracy.vsLabel().modelTies()),
                            rate(accuracy.vsHuman().agreeing(), accuracy.vsHuman().judged()),
                            String.valueOf(accuracy.vsHuman().modelTies())));
            for (SourceAccuracy source : accuracy.perSource()) {
                csv.row(
                        accuracyRow(
                                model,
                                "source",
                                source.source(),
                                source.vsLabel(),
                                source.vsHuman()));
                perSource.add(
                        List.of(
                                cell(model.label()),
                                cell(source.source()),
                                rate(source.vsLabel().agreeing(), source.vsLabel().judged()),
                                rate(source.vsHuman().agreeing(), source.vsHuman().judged())));
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
        md.append('\n').append(csvLink(csv, "accuracy.csv")).append("\n\n");
        md.append(
                        plot(
                                "accuracy.png",
                                "Accuracy of each model",
                                f -> ReportPlots.accuracy(accuracies, f)))
                .append("\n\n");
    }

    private static List<Object> accuracyRow(
            AnalyzedModel model, String scope, String source, Accuracy vsLabel, Accuracy vsHuman) {
        List<Object> row = new ArrayList<>();
        row.add(model.id());
        row.add(model.label());
        row.add(scope);
        row.add(source);
        row.add(vsLabel.judged());
        row.add(vsLabel.agreeing());
        row.add(vsLabel.modelTies());
        row.add(vsLabel.rate());
        row.add(vsHuman.judged());
        row.add(vsHuman.agreeing());
        row.add(vsHuman.modelTies());
        row.add(vsHuman.rate());
        return row;
    }

    private void humanAgreement(StringBuilder md) {
        md.append("## Human verdicts vs dataset labels\n\n");
        HumanLabelAgreement agreement = analysis.humanLabelAgreement();
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
        verdictRow(csv, rows, "all", null, agreement.annotatedPairs(), agreement.overall());
        for (SourceVerdictCounts source : agreement.perSource()) {
            verdictRow(
                    csv, rows, "source", source.source(), source.annotatedPairs(), source.counts());
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
        md.append('\n').append(csvLink(csv, "human_vs_label.csv")).append("\n\n");
    }

    private static void verdictRow(
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

    private List<BiasScatter> lengthBias(StringBuilder md, AnalysisData data) {
        md.append("## Length bias\n\n");
        md.append(
                "Margin against the length difference (characters of the chosen minus the"
                        + " rejected completion). A positive correlation means the model rewards"
                        + " the longer answer.\n\n");
        List<BiasScatter> scatters =
                biasScatters(
                        md,
                        data,
                        BiasFeature.LENGTH_DIFFERENCE,
                        "length",
                        PairFeatures::chosenLength,
                        PairFeatures::rejectedLength,
                        "length_bias.csv");

        md.append("### Accuracy when the chosen side is longer or shorter\n\n");
        List<LengthSplitAccuracy> splits =
                data.models().stream().map(analysis::lengthSplitAccuracy).toList();
        CsvTable splitCsv =
                new CsvTable(
                        "model_id", "model", "group", "pairs", "correct", "model_ties", "accuracy");
        List<List<String>> rows = new ArrayList<>();
        for (LengthSplitAccuracy split : splits) {
            AnalyzedModel model = split.model();
            splitRow(splitCsv, model, "chosen_longer", split.chosenLonger());
            splitRow(splitCsv, model, "chosen_shorter", split.chosenShorter());
            splitRow(splitCsv, model, "same_length", split.sameLength());
            rows.add(
                    List.of(
                            cell(model.label()),
                            rate(split.chosenLonger().agreeing(), split.chosenLonger().judged()),
                            rate(split.chosenShorter().agreeing(), split.chosenShorter().judged()),
                            rate(split.sameLength().agreeing(), split.sameLength().judged())));
        }
        md.append(table(List.of("model", "chosen longer", "chosen shorter", "same length"), rows));
        md.append('\n').append(csvLink(splitCsv, "length_split_accuracy.csv")).append("\n\n");
        md.append(
                        plot(
                                "length_split.png",
                                "Accuracy by which side is longer",
                                f -> ReportPlots.lengthSplit(splits, f)))
                .append("\n\n");
        scatterPlots(md, scatters, "length_bias_", ": margin vs length difference");
        return scatters;
    }

    private static void splitRow(CsvTable csv, AnalyzedModel model, String group, Accuracy a) {
        csv.row(
                model.id(),
                model.label(),
                group,
                a.judged(),
                a.agreeing(),
                a.modelTies(),
                a.rate());
    }

    private void markdownBias(
            StringBuilder md, AnalysisData data, List<BiasScatter> lengthScatters) {
        md.append("## Markdown bias\n\n");
        md.append(
                "Margin against the difference in Markdown density: headers, list items, bold"
                        + " spans and emoji per 1000 characters, chosen minus rejected. A positive"
                        + " correlation means the model rewards heavier formatting.\n\n");
        List<BiasScatter> scatters =
                biasScatters(
                        md,
                        data,
                        BiasFeature.MARKDOWN_DENSITY_DIFFERENCE,
                        "density",
                        PairFeatures::chosenMarkdownDensity,
                        PairFeatures::rejectedMarkdownDensity,
                        "markdown_bias.csv");
        scatterPlots(md, scatters, "markdown_bias_", ": margin vs markdown density");
        // Both bias sections share one correlations file, written once both are known.
        CsvTable correlations =
                new CsvTable("model_id", "model", "feature", "n", "pearson", "spearman");
        List<BiasScatter> all = new ArrayList<>(lengthScatters);
        all.addAll(scatters);
        for (BiasScatter scatter : all) {
            correlations.row(
                    scatter.model().id(),
                    scatter.model().label(),
                    scatter.feature().name().toLowerCase(Locale.ROOT),
                    scatter.correlation().n(),
                    scatter.correlation().pearson(),
                    scatter.correlation().spearman());
        }
        md.append(csvLink(correlations, "correlations.csv"))
                .append(" (both features, every model)\n\n");
    }

    /**
     * Each model's margin against {@code feature}: appends the correlation table and a link to the
     * points, saved as {@code csvName} with the pair's {@code chosen} and {@code rejected} measure
     * in the columns {@code chosen_<measure>} and {@code rejected_<measure>}.
     */
    private List<BiasScatter> biasScatters(
            StringBuilder md,
            AnalysisData data,
            BiasFeature feature,
            String measure,
            Function<PairFeatures, Object> chosen,
            Function<PairFeatures, Object> rejected,
            String csvName) {
        Map<Long, PairFeatures> features = featuresById(data);
        CsvTable points =
                new CsvTable(
                        "model_id",
                        "model",
                        "pair_id",
                        "chosen_" + measure,
                        "rejected_" + measure,
                        measure + "_difference",
                        "margin");
        List<BiasScatter> scatters = new ArrayList<>();
        for (AnalyzedModel model : data.models()) {
            BiasScatter scatter = analysis.bias(model, feature);
            scatters.add(scatter);
            for (BiasPoint point : scatter.points()) {
                PairFeatures pair = features.get(point.pairId());
                points.row(
                        model.id(),
                        model.label(),
                        point.pairId(),
                        chosen.apply(pair),
                        rejected.apply(pair),
                        point.feature(),
                        point.margin());
            }
        }
        md.append(correlationTable(scatters));
        md.append('\n').append(csvLink(points, csvName)).append("\n\n");
        return scatters;
    }

    /**
     * Appends each scatter's plot, saved as {@code filePrefix} and the model's slug, captioned with
     * the model's label and {@code captionTail}.
     */
    private void scatterPlots(
            StringBuilder md, List<BiasScatter> scatters, String filePrefix, String captionTail) {
        for (BiasScatter scatter : scatters) {
            md.append(
                            plot(
                                    filePrefix + slug(scatter.model()) + ".png",
                                    scatter.model().label() + captionTail,
                                    f -> ReportPlots.scatter(scatter, f)))
                    .append("\n\n");
        }
    }

    private static String correlationTable(List<BiasScatter> scatters) {
        List<List<String>> rows = new ArrayList<>();
        for (BiasScatter scatter : scatters) {
            rows.add(
                    List.of(
                            cell(scatter.model().label()),
                            String.valueOf(scatter.correlation().n()),
                            number(scatter.correlation().pearson(), 3),
                            number(scatter.correlation().spearman(), 3)));
        }
        return table(List.of("model", "pairs", "Pearson r", "Spearman ρ"), rows);
    }

    private void calibration(StringBuilder md, AnalysisData data) {
        md.append("## Calibration\n\n");
        md.append(
                "How often humans agree with the side the model prefers, by how confident the"
                        + " model is. Verdicts are sorted by the model's |margin| and cut into up"
                        + " to "
                        + options.calibrationBuckets()
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
        for (AnalyzedModel model : data.models()) {
            Calibration calibration = analysis.calibration(model, options.calibrationBuckets());
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
                            plot(
                                    "calibration_" + slug(model) + ".png",
                                    model.label() + ": calibration",
                                    f -> ReportPlots.calibration(calibration, f)))
                    .append("\n\n");
        }
        md.append(csvLink(csv, "calibration.csv")).append("\n\n");
    }

    private void severalModels(StringBuilder md, AnalysisData data) {
        md.append("## Models side by side\n\n");
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
            List<Object> row =
                    new ArrayList<>(
                            List.of(
                                    f.pairId(),
                                    f.dataset(),
                                    f.source() == null ? "" : f.source(),
                                    f.chosenLength(),
                                    f.rejectedLength(),
                                    verdicts(f.annotations())));
            for (AnalyzedModel model : models) {
                SideScores score = pair.score(model.id()).orElse(null);
                row.add(score == null ? null : score.chosen());
                row.add(score == null ? null : score.rejected());
                row.add(score == null ? null : score.margin());
            }
            scores.row(row);
        }
        md.append(csvLink(scores, "scores_side_by_side.csv"))
                .append(
                        ": every model's chosen and rejected score and margin for each scored"
                                + " pair,")
                .append(" with the pair's lengths and human verdicts.\n\n");

        md.append("### Agreement between models\n\n");
        md.append(
                "Share of the pairs both models scored (neither as a tie) where they prefer the"
                        + " same side.\n\n");
        AgreementMatrix matrix = analysis.agreementMatrix();
        CsvTable agreementCsv =
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
                agreementCsv.row(
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
        md.append('\n').append(csvLink(agreementCsv, "model_agreement.csv")).append("\n\n");

        md.append("### Pairs the models disagree on most\n\n");
        List<String> conflictColumns =
                new ArrayList<>(
                        List.of("rank", "pair_id", "dataset", "source", "spread", "opposite"));
        models.forEach(model -> conflictColumns.add(model.label() + " normalized_margin"));
        CsvTable conflictCsv = new CsvTable(conflictColumns);
        if (models.size() < 2) {
            md.append("Only one model is analysed.\n\n");
        } else {
            md.append(
                    "Each model's margin is divided by its typical |margin| (root mean square over"
                            + " the pairs it scored) so that models with different reward scales"
                            + " compare; pairs are ranked by the spread (largest minus smallest"
                            + " normalized margin). *Opposite* marks pairs where one model prefers"
                            + " the chosen side and another the rejected side.\n\n");
            List<ModelConflict> conflicts = analysis.conflicts(options.topRows());
            List<List<String>> conflictRows = new ArrayList<>();
            int rank = 0;
            for (ModelConflict conflict : conflicts) {
                rank++;
                PairFeatures f = conflict.pair().features();
                List<Object> csvRow =
                        new ArrayList<>(
                                List.of(
                                        rank,
                                        f.pairId(),
                                        f.dataset(),
                                        f.source() == null ? "" : f.source(),
                                        conflict.spread(),
                                        conflict.opposite()));
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
                conflictCsv.row(csvRow);
                conflictRows.add(mdRow);
            }
            List<String> conflictHeader =
                    new ArrayList<>(List.of("#", "pair", "source", "spread", "opposite"));
            models.forEach(model -> conflictHeader.add(cell(model.label())));
            md.append(table(conflictHeader, conflictRows));
            md.append('\n');
        }
        md.append(csvLink(conflictCsv, "model_conflicts.csv")).append("\n\n");
    }

    private void disagreements(StringBuilder md, AnalysisData data) {
        md.append("## Most confidently wrong pairs\n\n");
        md.append(
                "For each model, the pairs where it prefers the side the dataset label (*label*)"
                        + " or a human verdict (*human*) rejected, largest wrong-way margin first"
                        + " (at most "
                        + options.topRows()
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
        AnalysisScope scope = data.scope();
        for (AnalyzedModel model : data.models()) {
            List<Disagreement> rows =
                    store.disagreements(
                            DisagreementQuery.forModel(model.id())
                                    .withDatasets(scope.datasets())
                                    .withSources(scope.sources())
                                    .withLimit(options.topRows()));
            md.append("### ").append(cell(model.label())).append("\n\n");
            if (rows.isEmpty()) {
                md.append("No disagreements.\n\n");
                continue;
            }
            List<List<String>> mdRows = new ArrayList<>();
            int rank = 0;
            for (Disagreement d : rows) {
                rank++;
                String verdicts =
                        verdicts(
                                d.annotations().stream()
                                        .map(StoredAnnotation::annotation)
                                        .toList());
                csv.row(
                        model.id(),
                        model.label(),
                        rank,
                        d.kind().name().toLowerCase(Locale.ROOT),
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
                                d.kind().name().toLowerCase(Locale.ROOT),
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
        md.append(csvLink(csv, "disagreements.csv")).append("\n\n");
    }

    private void definitions(StringBuilder md) {
        md.append("## Definitions\n\n");
        md.append(
                """
                - **Margin**: the model's reward of the chosen side minus that of the rejected \
                side (as the dataset labels them). The model prefers the chosen side when it is \
                positive, the rejected side when negative; exactly 0 is a *model tie*.
                - **Accuracy vs labels**: scored pairs with margin > 0, over all scored pairs \
                (model ties count as wrong and are also listed).
                - **Accuracy vs humans**: verdicts preferring a side (A/B better, mapped back to \
                chosen/rejected) that the model agrees with, over all such verdicts on pairs it \
                scored. Each annotator's verdict counts once; ties, both-bad and skips are left \
                out.
                - **Length**: characters (Unicode code points) of a side's completion turns; \
                the store keeps no token counts.
                - **Markdown density**: header lines, list item lines, bold spans and emoji per \
                1000 characters of a side.
                - **Correlations**: Pearson's r, and Spearman's ρ with tied values sharing their \
                average rank; blank (–) with fewer than two pairs or a constant series.
                - **Calibration buckets**: quantile buckets of |margin| over the verdicts \
                preferring a side; verdicts on model ties are left out.
                - **Model agreement**: share of pairs both models scored, neither as a tie, where \
                they prefer the same side.
                - **Normalized margin**: margin divided by the model's root-mean-square margin \
                over the pairs it scored.

                """);
    }

    private void files(StringBuilder md) {
        md.append("## Files\n\n");
        for (Path csv : csvFiles) {
            md.append("- [")
                    .append(csv.getFileName())
                    .append("](")
                    .append(csv.getFileName())
                    .append(")\n");
        }
        for (Path png : plots) {
            md.append("- [")
                    .append(png.getFileName())
                    .append("](")
                    .append(png.getFileName())
                    .append(")\n");
        }
    }

    // ---------------------------------------------------------------- helpers

    private String csvLink(CsvTable table, String name) {
        Path file = folder.resolve(name);
        table.write(file);
        csvFiles.add(file);
        return "Data: [" + name + "](" + name + ")";
    }

    /** Draws a chart into a file. */
    private interface Chart {
        void draw(Path file);
    }

    private String plot(String name, String alt, Chart chart) {
        Path file = folder.resolve(name);
        chart.draw(file);
        plots.add(file);
        return "![" + cell(alt) + "](" + name + ")";
    }

    private static Map<Long, PairFeatures> featuresById(AnalysisData data) {
        Map<Long, PairFeatures> features = new HashMap<>();
        for (AnalyzedPair pair : data.pairs()) {
            features.put(pair.pairId(), pair.features());
        }
        return features;
    }

    /** A model's part of a file name: {@code m<id>-<name in lower-case letters and digits>}. */
    static String slug(AnalyzedModel model) {
        String name =
                model.name()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        if (name.length() > 40) {
            name = name.substring(0, 40).replaceAll("-$", "");
        }
        return name.isEmpty() ? "m" + model.id() : "m" + model.id() + "-" + name;
    }

    /** Verdicts as {@code annotator: chosen better; other: tie}. */
    static String verdicts(List<Annotation> annotations) {
        return annotations.stream()
                .map(a -> a.annotator() + ": " + verdictText(a))
                .collect(Collectors.joining("; "));
    }

    private static String verdictText(Annotation annotation) {
        return annotation
                .preferredSide()
                .map(side -> side.storedName() + " better")
                .orElseGet(
                        () ->
                                switch (annotation.verdict()) {
                                    case TIE -> "tie";
                                    case BOTH_BAD -> "both bad";
                                    case SKIP -> "skipped";
                                    case A_BETTER, B_BETTER -> annotation.verdict().name();
                                });
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
