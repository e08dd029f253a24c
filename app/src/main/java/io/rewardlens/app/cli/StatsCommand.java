package io.rewardlens.app.cli;

import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.SourceSummary;
import io.rewardlens.storage.StoreStats;
import io.rewardlens.storage.StoredModel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code rewardlens stats}: what a store holds. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description =
                "Show what a store holds: datasets, pairs, annotated and scored pairs, models, and"
                        + " pairs per dataset and per source.")
public final class StatsCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PreferenceStore db = store.openExisting()) {
            StoreStats stats = db.stats();
            out.printf("database      %s%n", store.database);
            out.printf("datasets      %d%n", stats.datasets());
            out.printf("pairs         %d%n", stats.pairs());
            out.printf(
                    "annotated     %s (%s)%n",
                    Plural.of(stats.annotatedPairs(), "pair"),
                    Plural.of(stats.annotations(), "verdict"));
            out.printf("scored        %s%n", Plural.of(stats.scoredPairs(), "pair"));
            out.printf(
                    "models        %d (%d cached scores)%n", stats.models(), stats.cachedScores());
            for (StoredModel model : db.models()) {
                out.println("  " + StoredModels.describe(model));
            }
            out.println();
            out.printf("%-40s %10s %10s %10s%n", "dataset", "pairs", "annotated", "scored");
            for (DatasetSummary dataset : stats.perDataset()) {
                out.printf(
                        "%-40s %10d %10d %10d%n",
                        dataset.name(),
                        dataset.pairs(),
                        dataset.annotatedPairs(),
                        dataset.scoredPairs());
            }
            out.println();
            out.printf("%-40s %10s %10s %10s%n", "source", "pairs", "annotated", "scored");
            for (SourceSummary source : stats.perSource()) {
                out.printf(
                        "%-40s %10d %10d %10d%n",
                        source.source() == null ? "(none)" : source.source(),
                        source.pairs(),
                        source.annotatedPairs(),
                        source.scoredPairs());
            }
        }
        return 0;
    }
}
