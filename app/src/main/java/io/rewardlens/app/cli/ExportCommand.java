package io.rewardlens.app.cli;

import io.rewardlens.storage.AnnotationState;
import io.rewardlens.storage.PairFilter;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ScoreAgreement;
import io.rewardlens.storage.skywork.ExportLayout;
import io.rewardlens.storage.skywork.ExportOptions;
import io.rewardlens.storage.skywork.ExportReport;
import io.rewardlens.storage.skywork.LeftOutReason;
import io.rewardlens.storage.skywork.Orientation;
import io.rewardlens.storage.skywork.SkyworkExporter;
import io.rewardlens.storage.skywork.SkyworkFileType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rewardlens export}: curated pairs in a record layout (Skywork, TRL, OpenAI DPO,
 * RewardBench) as JSONL or Parquet, with a sidecar.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export pairs as preference data (JSONL or Parquet) with a sidecar.",
            "--format picks the layout: skywork {\"chosen\", \"rejected\", \"source\"} (default),"
                    + " trl {\"prompt\", \"chosen\", \"rejected\"}, openai-dpo {\"input\","
                    + " \"preferred_output\", \"non_preferred_output\"} or rewardbench (flat"
                    + " strings). Pairs a layout cannot hold are left out and counted.",
            "OUT.meta.json records the layout, filters, counts, what was left out and why,"
                    + " annotators, models and time.",
        })
public final class ExportCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin ProgressOption progress;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Option(
            names = "--format",
            defaultValue = "skywork",
            paramLabel = "LAYOUT",
            description =
                    "skywork (default), trl, openai-dpo or rewardbench. (jsonl and parquet are"
                            + " still taken, as --file-type.)")
    String format;

    @Option(
            names = "--file-type",
            paramLabel = "TYPE",
            description =
                    "jsonl or parquet. By default parquet when OUT ends in .parquet, else jsonl"
                            + " (gzipped when OUT ends in .gz).")
    String fileType;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only these datasets.")
    List<String> datasets = List.of();

    @Option(names = "--source", paramLabel = "S", description = "Only pairs with these sources.")
    List<String> sources = List.of();

    @Option(names = "--annotated-only", description = "Only pairs with a human verdict.")
    boolean annotatedOnly;

    @Option(
            names = "--orient",
            defaultValue = "label",
            paramLabel = "human|label",
            description =
                    "label (default): chosen is the dataset's chosen side; human: the side the"
                            + " human preferred becomes chosen (ties, both-bad and skips are left"
                            + " out unless included).")
    String orient;

    @Option(
            names = "--resolve",
            paramLabel = "majority|adjudicated",
            description =
                    "Settle a team's verdicts per pair: majority: the most frequent verdict of"
                            + " the annotators; adjudicated: the adjudicator's verdict, else the"
                            + " majority. The resolved side becomes chosen; a pair with neither"
                            + " is left out (counted in OUT.meta.json). Replaces --orient.")
    String resolve;

    @Option(names = "--include-ties", description = "With --orient human: keep ties.")
    boolean includeTies;

    @Option(names = "--include-both-bad", description = "With --orient human: keep both-bad.")
    boolean includeBothBad;

    @Option(names = "--include-skipped", description = "With --orient human: keep skips.")
    boolean includeSkipped;

    @Option(names = "--annotator", paramLabel = "NAME", description = "Only these annotators.")
    List<String> annotators = List.of();

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "Filter by this scored model (id, name or bundle hash prefix).")
    String model;

    @Option(
            names = "--min-margin",
            defaultValue = "0",
            paramLabel = "X",
            description = "With --model: only pairs where |margin| >= X.")
    double minMargin;

    @Option(
            names = "--agreement",
            defaultValue = "any",
            paramLabel = "any|agrees|disagrees",
            description = "With --model: only pairs where the model agrees / disagrees.")
    String agreement;

    @Override
    public Integer call() throws Exception {
        PairFilter pairs =
                PairFilter.all()
                        .withDatasets(Set.copyOf(datasets))
                        .withSources(Set.copyOf(sources))
                        .withAnnotation(
                                annotatedOnly ? AnnotationState.ANNOTATED : AnnotationState.ANY)
                        .withAnnotators(Set.copyOf(annotators));
        ExportOptions options =
                ExportOptions.defaults()
                        .withOrientation(orientation())
                        .withIncluded(includeTies, includeBothBad, includeSkipped)
                        .withLayout(layout())
                        .withFileType(fileType());
        PrintWriter stdout = spec.commandLine().getOut();
        try (PreferenceStore db = store.openExisting()) {
            for (String name : datasets) {
                if (db.dataset(name).isEmpty()) {
                    throw Datasets.unknown(name, store.database, db);
                }
            }
            if (model != null) {
                pairs =
                        pairs.withModel(
                                StoredModels.find(db, model).id(), minMargin, agreementFilter());
            } else if (minMargin != 0 || !agreement.equals("any")) {
                throw new ParameterException(
                        spec.commandLine(), "--min-margin and --agreement need --model");
            }
            ExportReport report;
            try (ConsoleProgress bar =
                    ConsoleProgress.start("export", " pairs", progress.enabled())) {
                report = SkyworkExporter.export(db, out, options.withPairs(pairs), bar);
            }
            stdout.printf(
                    "%s: %d of %s exported (%s, %s) in %.1f s; provenance in %s%n",
                    report.output(),
                    report.exported(),
                    Plural.of(report.considered(), "pair"),
                    report.layout().label(),
                    report.fileType().name().toLowerCase(java.util.Locale.ROOT),
                    report.elapsed().toMillis() / 1000.0,
                    report.sidecar());
            for (Map.Entry<LeftOutReason, Long> left : report.leftOut().entrySet()) {
                if (left.getValue() > 0) {
                    stdout.printf(
                            "  left out %d: %s%n", left.getValue(), left.getKey().description());
                }
            }
            if (report.considered() == 0) {
                stdout.println("nothing to export: " + whyNothingMatched(db));
            } else if (report.exported() == 0) {
                stdout.printf(
                        "nothing to export: all %s matched were left out, for the reasons"
                                + " above%n",
                        Plural.of(report.considered(), "pair"));
            }
        }
        return 0;
    }

    /** Why the datasets and sources chose no pair: which step of the selection emptied it. */
    private String whyNothingMatched(PreferenceStore db) {
        long all = db.countPairs(PairQuery.all());
        if (all == 0) {
            return "the database holds no pairs (rewardlens import adds some)";
        }
        long selected = all;
        String where = "in the database";
        if (!datasets.isEmpty()) {
            selected = db.countPairs(PairQuery.all().withDatasets(Set.copyOf(datasets)));
            where = (datasets.size() == 1 ? "in dataset " : "in datasets ") + quoted(datasets);
            if (selected == 0) {
                return (datasets.size() == 1 ? "dataset " : "datasets ")
                        + quoted(datasets)
                        + (datasets.size() == 1 ? " is empty" : " are empty")
                        + " ("
                        + Plural.of(all, "pair")
                        + " in the database)";
            }
        }
        String known =
                db.stats().perSource().stream()
                        .map(source -> source.source() == null ? "(none)" : source.source())
                        .limit(10)
                        .collect(Collectors.joining(", "));
        return Plural.of(selected, "pair")
                + " "
                + where
                + ", none with --source "
                + quoted(sources)
                + "; sources in the database: "
                + known;
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private Orientation orientation() {
        if (resolve != null) {
            if (!orient.equals("label")) {
                throw new ParameterException(
                        spec.commandLine(), "give --resolve or --orient human, not both");
            }
            return switch (resolve) {
                case "majority" -> Orientation.MAJORITY;
                case "adjudicated" -> Orientation.ADJUDICATED;
                default ->
                        throw new ParameterException(
                                spec.commandLine(),
                                "--resolve must be majority or adjudicated, not " + resolve);
            };
        }
        return switch (orient) {
            case "label" -> Orientation.DATASET_LABEL;
            case "human" -> Orientation.HUMAN_VERDICT;
            default ->
                    throw new ParameterException(
                            spec.commandLine(), "--orient must be human or label, not " + orient);
        };
    }

    private ScoreAgreement agreementFilter() {
        return switch (agreement) {
            case "any" -> ScoreAgreement.ANY;
            case "agrees" -> ScoreAgreement.AGREES;
            case "disagrees" -> ScoreAgreement.DISAGREES;
            default ->
                    throw new ParameterException(
                            spec.commandLine(),
                            "--agreement must be any, agrees or disagrees, not " + agreement);
        };
    }

    /** Whether --format names a container: the older spelling of --file-type. */
    private boolean formatIsFileType() {
        return format.equals("jsonl") || format.equals("parquet");
    }

    private ExportLayout layout() {
        if (formatIsFileType()) {
            return ExportLayout.SKYWORK;
        }
        return ExportLayout.fromLabel(format)
                .orElseThrow(
                        () ->
                                new ParameterException(
                                        spec.commandLine(),
                                        "--format must be one of "
                                                + ExportLayout.labels()
                                                + ", not "
                                                + format));
    }

    private SkyworkFileType fileType() {
        String container = fileType;
        if (formatIsFileType()) {
            if (container != null && !container.equals(format)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--format " + format + " and --file-type " + container + " disagree");
            }
            container = format;
        }
        if (container == null) {
            return null;
        }
        return switch (container) {
            case "jsonl" ->
                    out.getFileName().toString().endsWith(".gz")
                            ? SkyworkFileType.JSONL_GZIP
                            : SkyworkFileType.JSONL;
            case "parquet" -> SkyworkFileType.PARQUET;
            default ->
                    throw new ParameterException(
                            spec.commandLine(),
                            "--file-type must be jsonl or parquet, not " + container);
        };
    }
}
