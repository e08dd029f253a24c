package io.rewardlens.app.cli;

import io.rewardlens.app.report.ReportOptions;
import io.rewardlens.app.report.ReportWriter;
import io.rewardlens.app.report.WrittenReport;
import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.storage.analysis.AnalyzedModel;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rewardlens report}: writes the reward-model failure report of a store (accuracy against
 * labels and humans, length and Markdown bias, calibration, agreement between models, the most
 * confidently wrong pairs) as Markdown, CSV tables and PNG plots. Exits with 1 and one clear line
 * when the store has nothing to report on.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a report on how reward models fail, as Markdown, CSV files and plots.",
            "It covers accuracy against dataset labels and human verdicts (overall and per"
                    + " source), RewardBench and RewardBench 2 scores of datasets shaped like"
                    + " them, human-label agreement, length and markdown bias, calibration,"
                    + " agreement between models and the most confidently wrong pairs.",
            "Into --out: report.md, one CSV file per table or plot, and PNG plots."
        })
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--db",
            required = true,
            paramLabel = "FILE",
            description = "The RewardLens store to report on.")
    Path db;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder to write the report into (created if missing).")
    Path out;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description =
                    "A model to report on, by registered name (every model of that name) or id;"
                            + " repeatable. Default: every model with scores.")
    List<String> models = new ArrayList<>();

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Only pairs of this dataset; repeatable. Default: every dataset.")
    List<String> datasets = new ArrayList<>();

    @Option(
            names = "--calibration-buckets",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Quantile buckets of |margin| in the calibration (default: ${DEFAULT-VALUE}).")
    int calibrationBuckets;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description =
                    "Rows in the lists of most confidently wrong pairs (per model) and of pairs"
                            + " the models disagree on most (default: ${DEFAULT-VALUE}).")
    int top;

    /** A problem with what the user asked for: reported as one line, exit code 2. */
    private static final class ReportRefused extends Exception {
        ReportRefused(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        if (calibrationBuckets < 1 || top < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--calibration-buckets and --top must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            WrittenReport report = writeReport();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Wrote %s (%s, %s)%n",
                            report.markdown(),
                            Plural.of(report.csvFiles().size(), "CSV file"),
                            Plural.of(report.plots().size(), "plot"));
            return 0;
        } catch (ReportRefused e) {
            err.println(CliErrors.PREFIX + "report refused: " + e.getMessage());
            return CliErrors.REFUSED;
        }
    }

    private WrittenReport writeReport() throws ReportRefused {
        if (Files.isDirectory(db)) {
            throw new ReportRefused("--db " + db + " is a folder, not a database file");
        }
        if (!Files.isRegularFile(db)) {
            throw new ReportRefused(
                    "no database " + db + " (rewardlens import --db FILE creates one)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ReportRefused("--out " + out + " is a file, not a folder");
        }
        try (PreferenceStore store = PreferenceStore.open(db)) {
            Set<String> datasetNames = checkDatasets(store);
            AnalysisScope scope =
                    AnalysisScope.all().withDatasets(datasetNames).withModels(resolveModels(store));
            AnalysisData data;
            try (PairProgress progress = new PairProgress()) {
                data = AnalysisData.load(store, scope, progress);
            }
            if (!data.hasScores()) {
                throw new ReportRefused(
                        "no model scores in "
                                + db
                                + describe(datasetNames)
                                + (models.isEmpty() ? "" : " by " + String.join(", ", models))
                                + "; score a dataset with a reward model first");
            }
            data = withoutUnscoredModels(data);
            // Charts are drawn with Java2D into images: no display is needed or wanted.
            System.setProperty("java.awt.headless", "true");
            return new ReportWriter(
                            store,
                            new PreferenceAnalysis(data),
                            new ReportOptions(calibrationBuckets, top),
                            Instant.now())
                    .write(out);
        }
    }

    private Set<String> checkDatasets(PreferenceStore store) throws ReportRefused {
        Set<String> names = new LinkedHashSet<>(datasets);
        for (String name : names) {
            if (store.dataset(name).isEmpty()) {
                throw new ReportRefused(
                        "no dataset named '"
                                + name
                                + "' in "
                                + db
                                + "; it has: "
                                + listOrNone(
                                        store.datasets().stream()
                                                .map(DatasetSummary::name)
                                                .toList()));
            }
        }
        return names;
    }

    /** The ids of the models asked for: by name first (all models of that name), else by id. */
    private List<Long> resolveModels(PreferenceStore store) throws ReportRefused {
        List<StoredModel> registered = store.models();
        Set<Long> ids = new LinkedHashSet<>();
        for (String wanted : models) {
            List<StoredModel> named =
                    registered.stream().filter(m -> m.info().name().equals(wanted)).toList();
            if (!named.isEmpty()) {
                named.forEach(m -> ids.add(m.id()));
                continue;
            }
            StoredModel byId =
                    registered.stream()
                            .filter(m -> String.valueOf(m.id()).equals(wanted.strip()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new ReportRefused(
                                                    "no model named or numbered '"
                                                            + wanted
                                                            + "' in "
                                                            + db
                                                            + "; registered: "
                                                            + listOrNone(
                                                                    registered.stream()
                                                                            .map(
                                                                                    m ->
                                                                                            m.id()
                                                                                                    + " "
                                                                                                    + m.info()
                                                                                                            .name())
                                                                            .toList())));
            ids.add(byId.id());
        }
        return List.copyOf(ids);
    }

    /** Leaves out asked-for models that scored nothing in scope, saying so. */
    private AnalysisData withoutUnscoredModels(AnalysisData data) {
        List<AnalyzedModel> kept = new ArrayList<>();
        for (AnalyzedModel model : data.models()) {
            if (model.scoredPairs() > 0) {
                kept.add(model);
            } else {
                spec.commandLine()
                        .getErr()
                        .println(
                                "rewardlens: report: model "
                                        + model.id()
                                        + " ("
                                        + model.name()
                                        + ") has no scores here; left out");
            }
        }
        if (kept.size() == data.models().size()) {
            return data;
        }
        AnalysisScope scope =
                data.scope().withModels(kept.stream().map(AnalyzedModel::id).toList());
        return new AnalysisData(scope, kept, data.pairs());
    }

    private static String describe(Set<String> datasetNames) {
        return datasetNames.isEmpty() ? "" : " for dataset " + String.join(", ", datasetNames);
    }

    private static String listOrNone(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** A progress bar on standard error while pairs are read, when a person is watching. */
    private static final class PairProgress implements ProgressListener, AutoCloseable {
        private final boolean interactive = System.console() != null;
        private ProgressBar bar;

        @Override
        public void progress(long done, long total, String message) {
            if (!interactive) {
                return;
            }
            if (bar == null) {
                bar =
                        new ProgressBarBuilder()
                                .setTaskName(message)
                                .setInitialMax(total)
                                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                                .build();
            }
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
