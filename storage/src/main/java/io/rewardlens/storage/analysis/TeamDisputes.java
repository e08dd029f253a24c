package io.rewardlens.storage.analysis;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairDetails;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.analysis.TeamAgreement.Category;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pairs a team's annotators disagree on (two verdicts in force or more, skips left out, of
 * different categories), each with every verdict and the adjudicator's final one, if given; and the
 * adjudicator's verdict itself, stored as the annotator {@link Annotation#ADJUDICATOR}.
 */
public final class TeamDisputes {
    /**
     * One disputed pair.
     *
     * @param pair the pair
     * @param verdicts the annotators' verdicts in force (the adjudicator's not among them)
     * @param adjudication the adjudicator's verdict, if given
     */
    public record Dispute(
            StoredPair pair,
            List<StoredAnnotation> verdicts,
            Optional<StoredAnnotation> adjudication) {
        /** Copies the verdicts. */
        public Dispute {
            verdicts = List.copyOf(verdicts);
        }
    }

    private TeamDisputes() {}

    /**
     * The disputed pairs of some datasets, in import order.
     *
     * @param datasets only these (empty: all)
     */
    public static List<Dispute> of(PreferenceStore store, Set<String> datasets) {
        List<Dispute> disputes = new ArrayList<>();
        PairQuery query =
                datasets.isEmpty() ? PairQuery.all() : PairQuery.all().withDatasets(datasets);
        store.forEachPairWithDetails(
                query,
                null,
                (PairDetails details) -> {
                    List<StoredAnnotation> verdicts = new ArrayList<>();
                    StoredAnnotation adjudication = null;
                    Set<Category> said = new HashSet<>();
                    for (StoredAnnotation stored : details.annotations()) {
                        if (stored.annotation().annotator().equals(Annotation.ADJUDICATOR)) {
                            adjudication = stored;
                            continue;
                        }
                        Optional<Category> category = Category.of(stored.annotation());
                        if (category.isPresent()) {
                            verdicts.add(stored);
                            said.add(category.get());
                        }
                    }
                    if (verdicts.size() >= 2 && said.size() >= 2) {
                        disputes.add(
                                new Dispute(
                                        details.pair(),
                                        verdicts,
                                        Optional.ofNullable(adjudication)));
                    }
                });
        return disputes;
    }

    /**
     * The adjudicator's final verdict on a pair, replacing an earlier one.
     *
     * @param pairId the pair
     * @param category what the adjudicator decided
     * @param rationale why, possibly empty
     * @return the stored verdict
     */
    public static StoredAnnotation adjudicate(
            PreferenceStore store, long pairId, Category category, String rationale) {
        return store.saveAnnotation(
                new Annotation(
                        pairId,
                        Annotation.ADJUDICATOR,
                        switch (category) {
                            case CHOSEN -> Verdict.A_BETTER;
                            case REJECTED -> Verdict.B_BETTER;
                            case TIE -> Verdict.TIE;
                            case BOTH_BAD -> Verdict.BOTH_BAD;
                        },
                        null,
                        List.of(),
                        rationale,
                        Side.CHOSEN,
                        0,
                        Instant.now()));
    }
}
