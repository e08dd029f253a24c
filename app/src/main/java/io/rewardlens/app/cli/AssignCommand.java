package io.rewardlens.app.cli;

import io.rewardlens.storage.PairImport;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.ui.workbench.WorkbenchViewModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rewardlens assign}: splits a dataset among annotators, one database per annotator, each
 * pair going to exactly K of them, loads balanced.
 */
@Command(
        name = "assign",
        mixinStandardHelpOptions = true,
        description = {
            "Split a dataset among annotators: one database per annotator, DIR/<annotator>.db.",
            "Each holds the pairs assigned to that annotator, under the same dataset name: each"
                    + " pair goes to exactly --overlap K distinct annotators and loads differ by at"
                    + " most one pair.",
            "The split is the same for the same --seed. Each database remembers its annotator"
                    + " (setting 'annotator'); merge brings the verdicts back together.",
        })
public final class AssignCommand implements Callable<Integer> {
    /**
     * The store-wide setting that names the annotator a database was assigned to; the workbench
     * gives that database's verdicts under this name (a constant, inlined: no JavaFX is loaded).
     */
    static final String ANNOTATOR_SETTING = WorkbenchViewModel.ASSIGNED_ANNOTATOR_SETTING;

    /** The annotator name under which an adjudicator's final verdicts are stored. */
    private static final String ADJUDICATOR = "adjudicator";

    /** Annotator names become file names: keep them to letters, digits and {@code . _ -}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Mixin StoreOptions store;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset.")
    String dataset;

    @Option(
            names = "--annotators",
            required = true,
            split = ",",
            paramLabel = "NAME",
            description = "The annotators, comma-separated.")
    List<String> annotators;

    @Option(
            names = "--overlap",
            required = true,
            paramLabel = "K",
            description = "How many annotators judge each pair (1 to the number of annotators).")
    int overlap;

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "N",
            description = "Seed of the split (default 0).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (String annotator : annotators) {
            String name = annotator.strip();
            if (!NAME.matcher(name).matches()) {
                throw new RefusedInputException(
                        "--annotators: '"
                                + annotator
                                + "' is not a usable name (letters, digits, '.', '_', '-')");
            }
            if (name.equals(ADJUDICATOR)) {
                throw new RefusedInputException(
                        "--annotators: '"
                                + ADJUDICATOR
                                + "' is the name of the adjudicator's final verdicts, not an"
                                + " annotator");
            }
            if (!names.add(name)) {
                throw new RefusedInputException("--annotators: '" + name + "' is named twice");
            }
        }
        if (overlap < 1 || overlap > names.size()) {
            throw new RefusedInputException(
                    "--overlap must be between 1 and the number of annotators ("
                            + names.size()
                            + "), not "
                            + overlap);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new RefusedInputException("--out " + out + " is a file, not a folder");
        }
        for (String name : names) {
            Path file = out.resolve(name + ".db");
            if (Files.exists(file)) {
                throw new RefusedInputException(
                        file + " exists already; choose another --out folder");
            }
        }
        List<List<PreferencePair>> shares = new ArrayList<>();
        try (PreferenceStore db = store.openExisting()) {
            if (db.dataset(dataset).isEmpty()) {
                throw Datasets.unknown(dataset, store.database, db);
            }
            List<StoredPair> pairs = db.pairs(PairQuery.all().withDataset(dataset));
            for (int i = 0; i < names.size(); i++) {
                shares.add(new ArrayList<>());
            }
            for (int[] assignment : assign(pairs.size(), names.size(), overlap, seed)) {
                StoredPair pair = pairs.get(assignment[0]);
                shares.get(assignment[1]).add(withoutParent(pair.pair()));
            }
        }
        Files.createDirectories(out);
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> ordered = List.copyOf(names);
        for (int a = 0; a < ordered.size(); a++) {
            Path file = out.resolve(ordered.get(a) + ".db");
            List<PreferencePair> share = shares.get(a);
            // Import order: the dataset's own order, whatever order the split drew them in.
            share.sort((x, y) -> Long.compare(x.position(), y.position()));
            try (PreferenceStore copy = PreferenceStore.open(file)) {
                try (PairImport pairImport =
                        copy.beginImport(
                                dataset, "assigned from " + store.database.getFileName())) {
                    for (PreferencePair pair : share) {
                        pairImport.add(pair);
                    }
                    pairImport.commit();
                }
                copy.putSetting(ANNOTATOR_SETTING, ordered.get(a));
            }
            stdout.printf("%s: %s for %s%n", file, Plural.of(share.size(), "pair"), ordered.get(a));
        }
        return 0;
    }

    /**
     * The split: (pair index, annotator index) assignments. Pairs are taken in a seeded random
     * order and dealt to a seeded random order of annotators round-robin, K consecutive slots per
     * pair; since K is at most the number of annotators, a pair's K slots are K distinct
     * annotators, and round-robin dealing keeps every load within one of the others.
     */
    static List<int[]> assign(int pairs, int annotators, int overlap, long seed) {
        Random random = new Random(seed);
        List<Integer> pairOrder = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            pairOrder.add(i);
        }
        Collections.shuffle(pairOrder, random);
        List<Integer> annotatorOrder = new ArrayList<>();
        for (int i = 0; i < annotators; i++) {
            annotatorOrder.add(i);
        }
        Collections.shuffle(annotatorOrder, random);
        List<int[]> assignments = new ArrayList<>();
        long slot = 0;
        for (int pair : pairOrder) {
            for (int k = 0; k < overlap; k++) {
                assignments.add(new int[] {pair, annotatorOrder.get((int) (slot % annotators))});
                slot++;
            }
        }
        return assignments;
    }

    private static PreferencePair withoutParent(PreferencePair pair) {
        // The parent's id means nothing in the annotator's own database.
        return new PreferencePair(
                pair.source(),
                pair.position(),
                pair.prompt(),
                pair.chosen(),
                pair.rejected(),
                pair.diverging(),
                pair.metadataJson(),
                null);
    }
}
