package io.rewardlens.app.cli;

import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storescoring.DatasetScoring;
import io.rewardlens.storescoring.StoreScoreCache;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rewardlens score}: scores the pairs of a dataset into the store. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Score both sides of every pair of a dataset (or of all datasets) with a reward model"
                    + " and save the scores in the store.",
            "Resumable: pairs this model already scored are skipped, and scores are saved every"
                    + " few hundred conversations, so a killed run picks up where it stopped.",
        })
public final class ScoreCommand implements Callable<Integer> {
    /** Exit code when some pairs could not be scored. */
    static final int SOME_PAIRS_FAILED = 3;

    @Mixin StoreOptions store;
    @Mixin ModelOptions modelOptions;
    @Mixin ProgressOption progress;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Only this dataset (default: every dataset).")
    String dataset;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PreferenceStore db = store.openExisting()) {
            if (dataset != null && db.dataset(dataset).isEmpty()) {
                throw Datasets.unknown(dataset, store.database, db);
            }
            long started = System.nanoTime();
            DatasetScoring.Report report;
            try (RewardModel model = modelOptions.load(err);
                    ScoringService service =
                            new ScoringService(model, new StoreScoreCache(db.scoreCache()));
                    ConsoleProgress bar =
                            ConsoleProgress.start("score", " pairs", progress.enabled())) {
                report =
                        BusyWait.retry(
                                err,
                                "scoring",
                                () ->
                                        new DatasetScoring(db, service, modelOptions.lengthPolicy())
                                                .scoreDataset(dataset, bar, () -> false));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "%s: %s scored by %s in %.1f s (%d already scored before, %d failed)%n",
                    dataset == null ? "all datasets" : "dataset '" + dataset + "'",
                    Plural.of(report.scored(), "pair"),
                    StoredModels.describe(report.model()),
                    seconds,
                    report.alreadyScored(),
                    report.failed());
            for (String failure : report.failures()) {
                err.println("  " + failure);
            }
            return report.failed() > 0 ? SOME_PAIRS_FAILED : 0;
        }
    }
}
