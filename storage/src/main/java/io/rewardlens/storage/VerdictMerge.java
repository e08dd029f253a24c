package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Brings verdicts from elsewhere (a teammate's annotation file or database) into the store, in one
 * transaction: either everything given before {@link #commit()} is stored, or (on {@link #close()}
 * without commit, or any failure) nothing is.
 *
 * <p>Pairs are found by content ({@link #pair}): the same source and the same two whole
 * conversations; a pair the store lacks is added to a new dataset. Verdicts ({@link #addVerdict})
 * are never overwritten: one the store already holds (same annotator, verdict, strength, tags,
 * rationale, side shown as A and creation time, in force or superseded) is skipped, so merging
 * twice adds nothing; a different verdict of the same annotator on the pair is kept too, and the
 * newest one is in force, the other in {@code annotation_history}. Start one with {@link
 * PreferenceStore#beginVerdictMerge()}; use it from one thread; always close it.
 */
public final class VerdictMerge implements AutoCloseable {
    /** What became of one verdict. */
    public enum Outcome {
        /** Stored in force: the annotator had no verdict on the pair. */
        ADDED,
        /** Stored in force, newer than the annotator's verdict, which went to the history. */
        ADDED_NEWER,
        /** Stored in the history: older than the annotator's verdict in force. */
        ADDED_OLDER,
        /** Already held; nothing stored. */
        DUPLICATE
    }

    /**
     * A pair as the merge found or added it.
     *
     * @param id the pair's id in this store
     * @param added whether this merge added it
     */
    public record MergedPair(long id, boolean added) {}

    private final Connection connection;
    private final Map<String, Long> pairsByContent = new HashMap<>();
    private final Map<String, Long> newDatasets = new HashMap<>();
    private final Set<Long> matched = new HashSet<>();
    private final Set<Long> added = new HashSet<>();
    private final long startedAtMs = System.currentTimeMillis();
    private long verdictsAdded;
    private long duplicates;
    private long conflicts;
    private boolean open = true;

    VerdictMerge(Connection connection) {
        this.connection = connection;
        try {
            SqlTransaction.execute(connection, "BEGIN IMMEDIATE");
            indexPairs();
        } catch (SQLException | RuntimeException e) {
            abandon(e);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw PreferenceStore.failure("cannot start merging verdicts", e);
        }
    }

    private void indexPairs() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT "
                                        + PairTable.COLUMNS
                                        + " FROM pair p WHERE "
                                        + DatasetTable.PAIR_IS_VISIBLE
                                        + " ORDER BY p.id")) {
            while (rows.next()) {
                StoredPair stored = PairTable.pairFrom(rows, 1);
                pairsByContent.putIfAbsent(PairContentKey.of(stored.pair()), stored.id());
            }
        }
    }

    /**
     * Finds the pair with this content (the first one, when the store holds it more than once), or
     * adds it to a new dataset: the first pair added for {@code datasetName} creates a dataset of
     * that name, or of that name with {@code -2}, {@code -3}… when it is taken. An added pair keeps
     * its position and metadata and has no parent.
     */
    public MergedPair pair(PreferencePair content, String datasetName, String origin) {
        checkOpen();
        String key = PairContentKey.of(content);
        Long id = pairsByContent.get(key);
        if (id != null) {
            if (!added.contains(id)) {
                matched.add(id);
            }
            return new MergedPair(id, false);
        }
        return guarded(
                "add a pair to " + datasetName,
                () -> {
                    long datasetId = newDataset(datasetName, origin);
                    PreferencePair orphan =
                            new PreferencePair(
                                    content.source(),
                                    content.position(),
                                    content.prompt(),
                                    content.chosen(),
                                    content.rejected(),
                                    content.diverging(),
                                    content.metadataJson(),
                                    null);
                    try (PreparedStatement insert =
                            connection.prepareStatement(PairImport.INSERT_PAIR)) {
                        PairImport.bind(insert, datasetId, orphan);
                        insert.executeUpdate();
                    }
                    long newId = SqlRows.lastInsertId(connection);
                    pairsByContent.put(key, newId);
                    added.add(newId);
                    return new MergedPair(newId, true);
                });
    }

    private long newDataset(String name, String origin) throws SQLException {
        Long known = newDatasets.get(name);
        if (known != null) {
            return known;
        }
        String unique = name;
        for (int n = 2; DatasetTable.nameTaken(connection, unique); n++) {
            unique = name + "-" + n;
        }
        long id = DatasetTable.insert(connection, unique, origin, null);
        newDatasets.put(name, id);
        return id;
    }

    /**
     * Adds a verdict on a pair of this store ({@link Annotation#pairId()} is replaced by {@code
     * pairId}; its creation time is kept to the millisecond, as the store keeps it).
     */
    public Outcome addVerdict(long pairId, Annotation verdict) {
        checkOpen();
        Annotation annotation =
                new Annotation(
                        pairId,
                        verdict.annotator(),
                        verdict.verdict(),
                        verdict.strength(),
                        verdict.tags(),
                        verdict.rationale(),
                        verdict.displayedAsA(),
                        verdict.timeTakenMs(),
                        verdict.createdAt().truncatedTo(ChronoUnit.MILLIS));
        return guarded(
                "add a verdict to pair " + pairId,
                () -> {
                    if (!PairTable.exists(connection, pairId)) {
                        throw new StoreException("no pair with id " + pairId);
                    }
                    Optional<StoredAnnotation> inForce =
                            AnnotationTable.inForce(connection, pairId, annotation.annotator());
                    if (inForce.isPresent() && sameVerdict(inForce.get().annotation(), annotation)
                            || isInHistory(annotation)) {
                        duplicates++;
                        return Outcome.DUPLICATE;
                    }
                    verdictsAdded++;
                    if (inForce.isEmpty()) {
                        AnnotationTable.insert(connection, annotation);
                        return Outcome.ADDED;
                    }
                    conflicts++;
                    Annotation current = inForce.get().annotation();
                    if (annotation.createdAt().isAfter(current.createdAt())) {
                        AnnotationTable.insertHistory(connection, current, startedAtMs);
                        AnnotationTable.replace(connection, inForce.get().id(), annotation);
                        return Outcome.ADDED_NEWER;
                    }
                    AnnotationTable.insertHistory(connection, annotation, startedAtMs);
                    return Outcome.ADDED_OLDER;
                });
    }

    private boolean isInHistory(Annotation annotation) throws SQLException {
        for (Annotation old : AnnotationTable.historyOfPair(connection, annotation.pairId())) {
            if (sameVerdict(old, annotation)) {
                return true;
            }
        }
        return false;
    }

    /** The same verdict: everything but the pair id and the time taken. */
    static boolean sameVerdict(Annotation a, Annotation b) {
        return a.annotator().equals(b.annotator())
                && a.verdict() == b.verdict()
                && Objects.equals(a.strength(), b.strength())
                && a.tags().equals(b.tags())
                && a.rationale().equals(b.rationale())
                && a.displayedAsA() == b.displayedAsA()
                && a.createdAt().toEpochMilli() == b.createdAt().toEpochMilli();
    }

    /** What was merged so far. */
    public VerdictMergeSummary summary() {
        return new VerdictMergeSummary(
                matched.size(), added.size(), verdictsAdded, duplicates, conflicts);
    }

    /**
     * Stores everything given and ends the merge.
     *
     * @throws StoreException if the commit fails; nothing is then stored
     */
    public void commit() {
        checkOpen();
        guarded(
                "commit the merged verdicts",
                () -> {
                    SqlTransaction.execute(connection, "COMMIT");
                    return null;
                });
        open = false;
        try {
            connection.close();
        } catch (SQLException e) {
            throw PreferenceStore.failure("cannot close the merge's connection", e);
        }
    }

    /** Ends the merge; without {@link #commit()} nothing given is stored. */
    @Override
    public void close() {
        if (open) {
            abandon(null);
        }
    }

    private interface SqlStep<T> {
        T run() throws SQLException;
    }

    private <T> T guarded(String action, SqlStep<T> step) {
        try {
            return step.run();
        } catch (SQLException | RuntimeException e) {
            abandon(e);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw PreferenceStore.failure("cannot " + action, e);
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the merge has ended");
        }
    }

    private void abandon(Exception cause) {
        open = false;
        try {
            SqlTransaction.execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            if (cause != null && !String.valueOf(e.getMessage()).contains("no transaction")) {
                cause.addSuppressed(e);
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
