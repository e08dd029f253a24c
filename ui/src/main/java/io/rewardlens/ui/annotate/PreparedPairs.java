package io.rewardlens.ui.annotate;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.ui.task.BackgroundExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pairs read and parsed for display ({@link PreparedPair}), prepared in the background and kept for
 * the most recently used pairs ({@value #CAPACITY} by default), so moving back and forth shows them
 * at once. A pair is prepared once at a time, however often it is asked for.
 */
final class PreparedPairs {
    /** How many prepared pairs are kept. */
    static final int CAPACITY = 64;

    private final BackgroundExecutor executor;
    private final Consumer<String> errors;
    private final Map<Long, PreparedPair> prepared;
    private final Set<Long> preparing = new HashSet<>();
    private long generation;

    /**
     * An empty cache.
     *
     * @param executor prepares pairs in the background
     * @param errors told when a pair cannot be read (on the UI thread)
     */
    PreparedPairs(BackgroundExecutor executor, Consumer<String> errors) {
        this(executor, errors, CAPACITY);
    }

    /**
     * An empty cache of a given size.
     *
     * @param executor prepares pairs in the background
     * @param errors told when a pair cannot be read (on the UI thread)
     * @param capacity how many prepared pairs are kept
     */
    PreparedPairs(BackgroundExecutor executor, Consumer<String> errors, int capacity) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.prepared = Lru.of(capacity);
    }

    /**
     * A pair prepared already.
     *
     * @param pairId the pair's id
     * @return the pair, or null when it is not prepared (yet)
     */
    PreparedPair get(long pairId) {
        return prepared.get(pairId);
    }

    /** Forgets every prepared pair (pair ids and annotators' verdicts belong to one store). */
    void clear() {
        prepared.clear();
        forgetPending();
    }

    /** Drops the pairs being prepared: they are kept neither when done nor when they fail. */
    void forgetPending() {
        generation++;
        preparing.clear();
    }

    /**
     * Prepares the pairs not prepared nor being prepared, in the background.
     *
     * @param store the store they come from
     * @param annotator whose verdicts they carry
     * @param pairs the pairs
     * @param onPrepared run (on the UI thread) once they are kept, unless dropped meanwhile
     */
    void prepare(
            PreferenceStore store, String annotator, List<StoredPair> pairs, Runnable onPrepared) {
        List<StoredPair> todo = new ArrayList<>();
        for (StoredPair pair : pairs) {
            if (!prepared.containsKey(pair.id()) && preparing.add(pair.id())) {
                todo.add(pair);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        long expected = generation;
        executor.submit(
                "Preparing pairs",
                progress -> {
                    List<PreparedPair> done = new ArrayList<>(todo.size());
                    for (StoredPair pair : todo) {
                        done.add(PreparedPair.prepare(store, pair, annotator));
                    }
                    return done;
                },
                done -> {
                    if (expected != generation) {
                        return;
                    }
                    for (PreparedPair pair : done) {
                        preparing.remove(pair.id());
                        prepared.put(pair.id(), pair);
                    }
                    onPrepared.run();
                },
                error -> {
                    if (expected != generation) {
                        return;
                    }
                    todo.forEach(pair -> preparing.remove(pair.id()));
                    errors.accept("Cannot read a pair: " + FailureMessage.of(error));
                });
    }
}
