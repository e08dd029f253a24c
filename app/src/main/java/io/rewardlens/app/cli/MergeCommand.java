package io.rewardlens.app.cli;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoreException;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.VerdictMerge;
import io.rewardlens.storage.VerdictMergeSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rewardlens merge}: the verdicts of other RewardLens databases (teammates' copies) into
 * one, the same way {@code import-annotations} brings in verdict files.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merge the verdicts of other RewardLens databases (teammates' copies) into --db.",
            "Pairs are found by content; a pair --db lacks is added to a new dataset named after"
                    + " the source's dataset. Verdicts in force and superseded come along.",
            "Nothing is overwritten and merging again adds nothing (as import-annotations). All"
                    + " sources go in in one transaction.",
        })
public final class MergeCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @Mixin StoreOptions store;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE.db", description = "Databases to merge.")
    List<Path> sources;

    @Override
    public Integer call() throws Exception {
        try (PreferenceStore target = store.openExisting()) {
            for (Path source : sources) {
                if (!Files.isRegularFile(source)) {
                    throw new RefusedInputException("no database " + source);
                }
                if (Files.isSameFile(source, target.file())) {
                    throw new RefusedInputException(
                            source + " is the --db database itself; name another one");
                }
            }
            List<PreferenceStore> opened = new ArrayList<>();
            try {
                for (Path source : sources) {
                    opened.add(openSource(source));
                }
                VerdictMergeSummary summary;
                try (VerdictMerge merge = target.beginVerdictMerge()) {
                    for (PreferenceStore source : opened) {
                        mergeFrom(source, merge);
                    }
                    summary = merge.summary();
                    merge.commit();
                }
                ImportAnnotationsCommand.print(summary, spec.commandLine().getOut());
            } finally {
                for (PreferenceStore source : opened) {
                    source.close();
                }
            }
        }
        return 0;
    }

    private static PreferenceStore openSource(Path source) {
        try {
            return PreferenceStore.open(source);
        } catch (StoreBusyException busy) {
            throw busy;
        } catch (StoreException refused) {
            throw new RefusedInputException(refused.getMessage(), refused.getCause());
        }
    }

    private static void mergeFrom(PreferenceStore source, VerdictMerge merge) {
        String origin = String.valueOf(source.file().getFileName());
        PairQuery query = PairQuery.all().withLimit(PAGE);
        for (long offset = 0; ; offset += PAGE) {
            List<StoredPair> page = source.pairs(query.withOffset(offset));
            for (StoredPair stored : page) {
                List<Annotation> verdicts =
                        new ArrayList<>(source.supersededAnnotations(stored.id()));
                for (StoredAnnotation inForce : source.annotations(stored.id())) {
                    verdicts.add(inForce.annotation());
                }
                if (verdicts.isEmpty()) {
                    continue;
                }
                long pairId = merge.pair(stored.pair(), stored.dataset(), origin).id();
                for (Annotation verdict : verdicts) {
                    merge.addVerdict(pairId, verdict);
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }
}
