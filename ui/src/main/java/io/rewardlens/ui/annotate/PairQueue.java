package io.rewardlens.ui.annotate;

import io.rewardlens.storage.AnnotationState;
import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.Disagreement;
import io.rewardlens.storage.DisagreementKind;
import io.rewardlens.storage.DisagreementQuery;
import io.rewardlens.storage.PairFilter;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Hands out the pairs a {@link QueueFilter} selects, a page at a time, without ever reading a whole
 * dataset: pairs come dataset by dataset in import order (position, then id), each page picking up
 * after the last pair handed out, so pairs annotated meanwhile simply drop out of later pages of an
 * "unannotated" queue. With the disagreement filter the queue is the model's most confident
 * disagreements with the label ({@value #DISAGREEMENT_LIMIT} at most), most wrong first. Its
 * methods are serialized, as pages and counts are read by different background tasks.
 */
final class PairQueue {
    /** Pairs read per page. */
    static final int PAGE = 32;

    /** The most disagreements one queue holds. */
    static final int DISAGREEMENT_LIMIT = 2000;

    /**
     * How far the annotation of the queue's pairs has come.
     *
     * @param annotated pairs in the filter's datasets and source that anyone annotated
     * @param total pairs in the filter's datasets and source (all of them, annotated or not)
     */
    record Counts(long annotated, long total) {}

    private final PreferenceStore store;
    private final QueueFilter filter;
    private final Long modelId;
    private final List<String> datasets;
    private int datasetIndex;
    private long lastPosition = Long.MIN_VALUE;
    private long lastId = Long.MIN_VALUE;
    private int sharingLastPosition;
    private List<StoredPair> disagreements;
    private int disagreementIndex;
    private boolean exhausted;

    /**
     * A queue over a store.
     *
     * @param store the store
     * @param filter which pairs
     * @param modelId the model whose disagreements count, or null (then the disagreement filter
     *     selects nothing)
     */
    PairQueue(PreferenceStore store, QueueFilter filter, Long modelId) {
        this.store = Objects.requireNonNull(store, "store");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.modelId = modelId;
        if (filter.dataset() != null) {
            this.datasets = List.of(filter.dataset());
        } else {
            this.datasets = store.datasets().stream().map(DatasetSummary::name).toList();
        }
    }

    QueueFilter filter() {
        return filter;
    }

    synchronized boolean exhausted() {
        return exhausted;
    }

    /**
     * The next pairs.
     *
     * @return up to {@value #PAGE} pairs; empty once the queue is exhausted
     */
    synchronized List<StoredPair> nextPage() {
        if (filter.disagreesWithLabel()) {
            return nextDisagreements();
        }
        List<StoredPair> page = new ArrayList<>();
        while (page.isEmpty() && datasetIndex < datasets.size()) {
            PairQuery query = scope(datasets.get(datasetIndex));
            if (filter.unannotatedOnly()) {
                query = query.withAnnotation(AnnotationState.UNANNOTATED);
            }
            if (lastPosition != Long.MIN_VALUE) {
                // "position > last - 1" re-reads the pairs sharing the last position (edited
                // variants share their original's); those up to the last id are passed over.
                query = query.withAfterPosition(lastPosition - 1);
            }
            int limit = PAGE + sharingLastPosition;
            List<StoredPair> rows = store.pairs(query.withLimit(limit));
            for (StoredPair row : rows) {
                long position = row.pair().position();
                if (position == lastPosition && row.id() <= lastId) {
                    continue;
                }
                page.add(row);
                sharingLastPosition = position == lastPosition ? sharingLastPosition + 1 : 1;
                lastPosition = position;
                lastId = row.id();
            }
            if (rows.size() < limit) {
                datasetIndex++;
                lastPosition = Long.MIN_VALUE;
                lastId = Long.MIN_VALUE;
                sharingLastPosition = 0;
            }
        }
        if (page.isEmpty()) {
            exhausted = true;
        }
        return page;
    }

    private List<StoredPair> nextDisagreements() {
        List<StoredPair> all = disagreements();
        List<StoredPair> page = new ArrayList<>();
        while (page.size() < PAGE && disagreementIndex < all.size()) {
            StoredPair pair = all.get(disagreementIndex++);
            if (!filter.unannotatedOnly() || store.annotations(pair.id()).isEmpty()) {
                page.add(pair);
            }
        }
        if (page.isEmpty()) {
            exhausted = true;
        }
        return page;
    }

    private List<StoredPair> disagreements() {
        if (disagreements == null) {
            disagreements = new ArrayList<>();
            if (modelId != null) {
                PairFilter pairs = PairFilter.all();
                if (filter.dataset() != null) {
                    pairs = pairs.withDatasets(Set.of(filter.dataset()));
                }
                // The source is filtered in SQL, before the limit, so that a source's
                // disagreements are not crowded out by those of other sources.
                if (filter.source() != null) {
                    pairs = pairs.withSources(Set.of(filter.source()));
                }
                DisagreementQuery query =
                        DisagreementQuery.forModel(modelId)
                                .withKinds(EnumSet.of(DisagreementKind.LABEL))
                                .withLimit(DISAGREEMENT_LIMIT)
                                .withPairs(pairs);
                for (Disagreement disagreement : store.disagreements(query)) {
                    disagreements.add(disagreement.pair());
                }
            }
        }
        return disagreements;
    }

    /**
     * Counts the pairs in the filter's datasets and source, and how many are annotated.
     *
     * @return the counts
     */
    synchronized Counts counts() {
        if (filter.disagreesWithLabel()) {
            List<StoredPair> all = disagreements();
            long annotated =
                    all.stream().filter(pair -> !store.annotations(pair.id()).isEmpty()).count();
            return new Counts(annotated, all.size());
        }
        PairQuery scope = scope(filter.dataset());
        return new Counts(
                store.countPairs(scope.withAnnotation(AnnotationState.ANNOTATED)),
                store.countPairs(scope));
    }

    private PairQuery scope(String dataset) {
        PairQuery query = PairQuery.all();
        if (dataset != null) {
            query = query.withDataset(dataset);
        }
        if (filter.source() != null) {
            query = query.withSources(Set.of(filter.source()));
        }
        return query;
    }
}
