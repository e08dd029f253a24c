package io.rewardlens.app.cli;

import io.rewardlens.storage.DatasetExistsException;
import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PreferenceStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rewardlens datasets list|rename|delete}: the datasets of a store. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = "List, rename or delete the datasets of a store.",
        subcommands = {
            DatasetsCommand.List.class,
            DatasetsCommand.Rename.class,
            DatasetsCommand.Delete.class
        })
public final class DatasetsCommand implements Runnable {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: say which ones there are. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "datasets needs a subcommand: list, rename or delete");
    }

    /** {@code datasets list}: every dataset with its counts and where it came from. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List every dataset with its pairs, annotated and scored pairs, and the"
                            + " files it was imported from.")
    static final class List implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PreferenceStore db = store.openExisting()) {
                java.util.List<DatasetSummary> datasets = db.datasets();
                if (datasets.isEmpty()) {
                    out.printf("%s holds no dataset%n", store.database);
                    return 0;
                }
                out.printf(
                        "%-32s %10s %10s %10s  %s%n",
                        "dataset", "pairs", "annotated", "scored", "source");
                for (DatasetSummary dataset : datasets) {
                    out.printf(
                            "%-32s %10d %10d %10d  %s%n",
                            dataset.name(),
                            dataset.pairs(),
                            dataset.annotatedPairs(),
                            dataset.scoredPairs(),
                            dataset.origin() == null ? "-" : dataset.origin());
                }
            }
            return 0;
        }
    }

    /** {@code datasets rename OLD NEW}. */
    @Command(
            name = "rename",
            mixinStandardHelpOptions = true,
            description =
                    "Rename dataset OLD to NEW, keeping its pairs, annotations and scores; a NEW"
                            + " that is taken is refused.")
    static final class Rename implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OLD", description = "The dataset's name.")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW", description = "Its new name.")
        String newName;

        @Override
        public Integer call() {
            if (newName.isBlank()) {
                throw new RefusedInputException("a dataset's name cannot be blank");
            }
            try (PreferenceStore db = store.openExisting()) {
                boolean renamed;
                try {
                    renamed = db.renameDataset(oldName, newName);
                } catch (DatasetExistsException taken) {
                    throw new RefusedInputException(
                            "there already is a dataset named '"
                                    + newName
                                    + "' in "
                                    + store.database
                                    + "; pick another name, or remove that one with"
                                    + " 'rewardlens datasets delete "
                                    + newName
                                    + "'");
                }
                if (!renamed) {
                    throw Datasets.unknown(oldName, store.database, db);
                }
            }
            spec.commandLine()
                    .getOut()
                    .printf("dataset '%s' is now named '%s'%n", oldName, newName);
            return 0;
        }
    }

    /** {@code datasets delete NAME}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description =
                    "Delete dataset NAME with its pairs and their annotations and scores, in one"
                            + " transaction.")
    static final class Delete implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The dataset to delete.")
        String name;

        @Override
        public Integer call() {
            try (PreferenceStore db = store.openExisting()) {
                DatasetSummary dataset =
                        db.dataset(name)
                                .orElseThrow(() -> Datasets.unknown(name, store.database, db));
                if (!db.deleteDataset(name)) {
                    throw Datasets.unknown(name, store.database, db);
                }
                spec.commandLine()
                        .getOut()
                        .printf(
                                "deleted dataset '%s': %s, %s annotated, %s scored%n",
                                name,
                                Plural.of(dataset.pairs(), "pair"),
                                dataset.annotatedPairs(),
                                dataset.scoredPairs());
            }
            return 0;
        }
    }
}
