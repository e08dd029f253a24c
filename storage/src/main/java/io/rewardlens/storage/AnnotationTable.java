package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the {@code annotation} table (human verdicts in force, one per pair and annotator) and
 * of {@code annotation_history} (the verdicts they replaced).
 */
final class AnnotationTable {
    /** The columns {@link #annotationFrom} reads, over the table aliased {@code a}. */
    static final String COLUMNS =
            "a.id, a.pair_id, a.annotator, a.verdict, a.strength, a.tags, a.rationale,"
                    + " a.displayed_as_a, a.time_taken_ms, a.created_at_ms";

    /** Selects one pair's annotations (the pair id is its one parameter), oldest first. */
    static final String OF_PAIR =
            "SELECT "
                    + COLUMNS
                    + " FROM annotation a WHERE a.pair_id = ? ORDER BY a.created_at_ms, a.id";

    private AnnotationTable() {}

    /**
     * Saves a verdict, replacing (and keeping the id of) the annotator's earlier one on the pair. A
     * replaced verdict that differs from the new one is kept in {@code annotation_history}, so a
     * re-judged pair loses nothing.
     *
     * @throws StoreException if the pair does not exist
     */
    static StoredAnnotation save(Connection c, Annotation annotation) throws SQLException {
        if (!PairTable.exists(c, annotation.pairId())) {
            throw new StoreException("no pair with id " + annotation.pairId());
        }
        Optional<StoredAnnotation> existing =
                inForce(c, annotation.pairId(), annotation.annotator());
        if (existing.isEmpty()) {
            return insert(c, annotation);
        }
        if (!existing.get().annotation().equals(annotation)) {
            insertHistory(c, existing.get().annotation(), System.currentTimeMillis());
        }
        replace(c, existing.get().id(), annotation);
        return new StoredAnnotation(existing.get().id(), annotation);
    }

    /** The annotator's verdict in force on the pair, if any. */
    static Optional<StoredAnnotation> inForce(Connection c, long pairId, String annotator)
            throws SQLException {
        try (PreparedStatement find =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM annotation a WHERE a.pair_id = ? AND a.annotator = ?")) {
            find.setLong(1, pairId);
            find.setString(2, annotator);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? Optional.of(annotationFrom(rows, 1)) : Optional.empty();
            }
        }
    }

    /** Inserts a verdict in force (the annotator must have none on the pair yet). */
    static StoredAnnotation insert(Connection c, Annotation annotation) throws SQLException {
        try (PreparedStatement statement =
                c.prepareStatement(
                        "INSERT INTO annotation (pair_id, annotator, verdict, strength, tags,"
                                + " rationale, displayed_as_a, time_taken_ms, created_at_ms)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, annotation);
            statement.executeUpdate();
        }
        return new StoredAnnotation(SqlRows.lastInsertId(c), annotation);
    }

    /** Overwrites the verdict in force with this id (nothing goes to the history). */
    static void replace(Connection c, long id, Annotation annotation) throws SQLException {
        try (PreparedStatement statement =
                c.prepareStatement(
                        "UPDATE annotation SET pair_id = ?, annotator = ?, verdict = ?,"
                                + " strength = ?, tags = ?, rationale = ?, displayed_as_a = ?,"
                                + " time_taken_ms = ?, created_at_ms = ? WHERE id = ?")) {
            bind(statement, annotation);
            statement.setLong(10, id);
            statement.executeUpdate();
        }
    }

    /** Keeps a verdict that is no longer (or never was) in force. */
    static void insertHistory(Connection c, Annotation annotation, long supersededAtMs)
            throws SQLException {
        try (PreparedStatement statement =
                c.prepareStatement(
                        "INSERT INTO annotation_history (pair_id, annotator, verdict, strength,"
                                + " tags, rationale, displayed_as_a, time_taken_ms,"
                                + " created_at_ms, superseded_at_ms)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, annotation);
            statement.setLong(10, supersededAtMs);
            statement.executeUpdate();
        }
    }

    /** The verdicts of a pair that are no longer in force, oldest first. */
    static List<Annotation> historyOfPair(Connection c, long pairId) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM annotation_history a WHERE a.pair_id = ?"
                                + " ORDER BY a.created_at_ms, a.id")) {
            query.setLong(1, pairId);
            List<Annotation> annotations = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    annotations.add(annotationFrom(rows, 1).annotation());
                }
            }
            return annotations;
        }
    }

    /** Binds the nine columns of a verdict, pair id first, in the table's order. */
    private static void bind(PreparedStatement statement, Annotation annotation)
            throws SQLException {
        statement.setLong(1, annotation.pairId());
        statement.setString(2, annotation.annotator());
        statement.setString(3, annotation.verdict().name());
        if (annotation.strength() == null) {
            statement.setNull(4, Types.INTEGER);
        } else {
            statement.setInt(4, annotation.strength());
        }
        statement.setString(5, StringListJson.write(annotation.tags()));
        statement.setString(6, annotation.rationale());
        statement.setString(7, annotation.displayedAsA().storedName());
        statement.setLong(8, annotation.timeTakenMs());
        statement.setLong(9, annotation.createdAt().toEpochMilli());
    }

    /** Deletes an annotation; whether it existed. */
    static boolean delete(Connection c, long annotationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM annotation WHERE id = ?")) {
            delete.setLong(1, annotationId);
            return delete.executeUpdate() > 0;
        }
    }

    /** The annotations of a pair, oldest first. */
    static List<StoredAnnotation> ofPair(Connection c, long pairId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(OF_PAIR)) {
            return ofPair(query, pairId);
        }
    }

    /** The annotations of a pair through a statement prepared from {@link #OF_PAIR}. */
    static List<StoredAnnotation> ofPair(PreparedStatement ofPair, long pairId)
            throws SQLException {
        ofPair.setLong(1, pairId);
        List<StoredAnnotation> annotations = new ArrayList<>();
        try (ResultSet rows = ofPair.executeQuery()) {
            while (rows.next()) {
                annotations.add(annotationFrom(rows, 1));
            }
        }
        return annotations;
    }

    /** Reads the {@link #COLUMNS} starting at column {@code first}. */
    static StoredAnnotation annotationFrom(ResultSet rows, int first) throws SQLException {
        long id = rows.getLong(first);
        long pairId = rows.getLong(first + 1);
        String annotator = rows.getString(first + 2);
        Verdict verdict = Verdict.valueOf(rows.getString(first + 3));
        int strength = rows.getInt(first + 4);
        Integer strengthOrNull = rows.wasNull() ? null : strength;
        List<String> tags = StringListJson.read(rows.getString(first + 5));
        String rationale = rows.getString(first + 6);
        Side displayedAsA = Side.fromStoredName(rows.getString(first + 7));
        long timeTaken = rows.getLong(first + 8);
        Instant createdAt = Instant.ofEpochMilli(rows.getLong(first + 9));
        return new StoredAnnotation(
                id,
                new Annotation(
                        pairId,
                        annotator,
                        verdict,
                        strengthOrNull,
                        tags,
                        rationale,
                        displayedAsA,
                        timeTaken,
                        createdAt));
    }
}
