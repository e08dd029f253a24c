package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code pair} table: adding, finding, listing and counting pairs. */
final class PairTable {
    /** The columns {@link #pairFrom} reads, over the {@code pair} table aliased {@code p}. */
    static final String COLUMNS =
            "p.id, (SELECT name FROM dataset WHERE id = p.dataset_id), p.source, p.position,"
                    + " p.prompt, p.chosen, p.rejected, p.diverging, p.metadata, p.parent_pair_id";

    private PairTable() {}

    /**
     * Adds one pair to an existing dataset.
     *
     * @throws StoreException if the dataset or the parent pair does not exist
     */
    static StoredPair add(Connection c, String dataset, PreferencePair pair) throws SQLException {
        long datasetId = DatasetTable.id(c, dataset);
        if (pair.parentPairId() != null && !exists(c, pair.parentPairId())) {
            throw new StoreException("no pair with id " + pair.parentPairId());
        }
        try (PreparedStatement insert = c.prepareStatement(PairImport.INSERT_PAIR)) {
            PairImport.bind(insert, datasetId, pair);
            insert.executeUpdate();
        }
        return new StoredPair(SqlRows.lastInsertId(c), dataset, pair);
    }

    /**
     * Whether a pair with this id exists, one of a dataset being imported included: an import saves
     * its verdicts on its own pairs.
     */
    static boolean exists(Connection c, long pairId) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM pair WHERE id = ?")) {
            find.setLong(1, pairId);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next();
            }
        }
    }

    static Optional<StoredPair> find(Connection c, long pairId) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM pair p WHERE p.id = ? AND "
                                + DatasetTable.PAIR_IS_VISIBLE)) {
            query.setLong(1, pairId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(pairFrom(rows, 1)) : Optional.empty();
            }
        }
    }

    /** The pairs a query selects, in import order. */
    static List<StoredPair> select(Connection c, PairQuery query) throws SQLException {
        List<StoredPair> pairs = new ArrayList<>();
        try (PreparedStatement statement = PairSql.select(query).prepare(c);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                pairs.add(pairFrom(rows, 1));
            }
        }
        return pairs;
    }

    /** How many pairs a query selects (ignoring its limit and offset). */
    static long count(Connection c, PairQuery query) throws SQLException {
        try (PreparedStatement statement = PairSql.count(query).prepare(c);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** See {@link PreferenceStore#nextUnannotated}. */
    static Optional<StoredPair> nextUnannotated(
            Connection c, String dataset, long afterPosition, long afterPairId)
            throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM pair p WHERE p.dataset_id = (SELECT id FROM"
                                + " dataset WHERE name = ? AND import_owner IS NULL) AND"
                                + " (p.position, p.id) >"
                                + " (?, ?) AND NOT EXISTS (SELECT 1 FROM annotation a"
                                + " WHERE a.pair_id = p.id) ORDER BY p.position, p.id"
                                + " LIMIT 1")) {
            query.setString(1, dataset);
            query.setLong(2, afterPosition);
            query.setLong(3, afterPairId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(pairFrom(rows, 1)) : Optional.empty();
            }
        }
    }

    /** Pairs, annotated pairs and scored pairs per source, by source. */
    static List<SourceSummary> sourceSummaries(Connection c) throws SQLException {
        List<SourceSummary> perSource = new ArrayList<>();
        try (Statement statement = c.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT p.source, count(*), sum(EXISTS (SELECT 1 FROM"
                                        + " annotation a WHERE a.pair_id = p.id)),"
                                        + " sum(EXISTS (SELECT 1 FROM score s WHERE"
                                        + " s.pair_id = p.id)) FROM pair p WHERE "
                                        + DatasetTable.PAIR_IS_VISIBLE
                                        + " GROUP BY p.source ORDER BY p.source")) {
            while (rows.next()) {
                perSource.add(
                        new SourceSummary(
                                rows.getString(1),
                                rows.getLong(2),
                                rows.getLong(3),
                                rows.getLong(4)));
            }
        }
        return perSource;
    }

    /** Reads the {@link #COLUMNS} starting at column {@code first}. */
    static StoredPair pairFrom(ResultSet rows, int first) throws SQLException {
        long id = rows.getLong(first);
        String dataset = rows.getString(first + 1);
        String source = rows.getString(first + 2);
        long position = rows.getLong(first + 3);
        // Texts are decoded only when someone reads them (see StoredMessageList).
        List<ChatMessage> prompt = new StoredMessageList(rows.getBytes(first + 4));
        List<ChatMessage> chosen = new StoredMessageList(rows.getBytes(first + 5));
        List<ChatMessage> rejected = new StoredMessageList(rows.getBytes(first + 6));
        boolean diverging = rows.getInt(first + 7) != 0;
        String metadata = rows.getString(first + 8);
        long parent = rows.getLong(first + 9);
        Long parentId = rows.wasNull() ? null : parent;
        return new StoredPair(
                id,
                dataset,
                new PreferencePair(
                        source, position, prompt, chosen, rejected, diverging, metadata, parentId));
    }
}
