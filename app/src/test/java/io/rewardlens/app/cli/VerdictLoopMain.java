package io.rewardlens.app.cli;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Gives verdicts in a child process until it is killed: round after round over every pair of a
 * dataset, printing {@code acked PAIR ROUND} the moment each save has returned (as the workbench
 * acknowledges a verdict). The rationale holds the round, so the parent can tell which verdict is
 * in force. Arguments: the database, the dataset and the annotator's name.
 */
public final class VerdictLoopMain {
    private VerdictLoopMain() {}

    public static void main(String[] args) throws Exception {
        try (PreferenceStore store = PreferenceStore.open(Path.of(args[0]))) {
            List<StoredPair> pairs = store.pairs(PairQuery.all().withDataset(args[1]));
            for (long round = 1; ; round++) {
                for (StoredPair pair : pairs) {
                    Annotation verdict =
                            new Annotation(
                                    pair.id(),
                                    args[2],
                                    round % 2 == 0 ? Verdict.A_BETTER : Verdict.B_BETTER,
                                    1,
                                    List.of(),
                                    "round " + round,
                                    Side.CHOSEN,
                                    500,
                                    Instant.now());
                    while (true) {
                        try {
                            store.saveAnnotation(verdict);
                            break;
                        } catch (StoreBusyException busy) {
                            Thread.sleep(100);
                        }
                    }
                    System.out.println("acked " + pair.id() + " " + round);
                    System.out.flush();
                }
            }
        }
    }
}
