package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the {@code dataset} table: creating, finding, summarizing, renaming and deleting
 * datasets.
 *
 * <p>A dataset whose {@code import_owner} is set is still being imported (see {@link PairImport}):
 * every read ignores it and its pairs, but its name is taken.
 */
final class DatasetTable {
    /** The ids of the datasets being imported (usually none), as an SQL subquery. */
    private static final String IMPORTING_IDS =
            "(SELECT id FROM dataset WHERE import_owner IS NOT NULL)";

    /**
     * The condition that a pair, aliased {@code p}, belongs to a complete dataset. Cheap: the
     * subquery is evaluated once, and is empty unless an import runs.
     */
    static final String PAIR_IS_VISIBLE = "p.dataset_id NOT IN " + IMPORTING_IDS;

    private DatasetTable() {}

    /**
     * The condition that the pair id in {@code pairIdColumn} (of an annotation or a score) belongs
     * to a complete dataset.
     */
    static String pairIdIsVisible(String pairIdColumn) {
        return pairIdColumn
                + " NOT IN (SELECT id FROM pair WHERE dataset_id IN "
                + IMPORTING_IDS
                + ")";
    }

    /**
     * Inserts an empty dataset.
     *
     * @param importOwner the importing process ({@link ImportOwner#text()}), which hides the
     *     dataset until {@link #completeImport}; null for a complete dataset
     * @return its id
     * @throws DatasetExistsException if the name is taken
     */
    static long insert(Connection c, String name, String origin, String importOwner)
            throws SQLException {
        if (nameTaken(c, name)) {
            throw new DatasetExistsException(name);
        }
        try (PreparedStatement insert =
                c.prepareStatement(
                        "INSERT INTO dataset (name, origin, created_at_ms, import_owner) VALUES (?,"
                                + " ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, origin);
            insert.setLong(3, System.currentTimeMillis());
            insert.setString(4, importOwner);
            insert.executeUpdate();
        }
        return SqlRows.lastInsertId(c);
    }

    /** Whether a dataset has this name, one being imported included. */
    static boolean nameTaken(Connection c, String name) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM dataset WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Makes an imported dataset complete, and so visible, when its transaction commits. */
    static void completeImport(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE dataset SET import_owner = NULL WHERE id = ?")) {
            update.setLong(1, datasetId);
            update.executeUpdate();
        }
    }

    /** Inserts an empty dataset and returns its summary. */
    static DatasetSummary create(Connection c, String name, String origin) throws SQLException {
        insert(c, name, origin, null);
        return summaries(c, name).get(0);
    }

    /** Deletes a dataset (its pairs, annotations and scores go with it); whether it existed. */
    static boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM dataset WHERE name = ? AND import_owner IS NULL")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * Renames a dataset.
     *
     * @return whether there was a dataset named {@code oldName}
     * @throws DatasetExistsException if {@code newName} is another dataset's name
     */
    static boolean rename(Connection c, String oldName, String newName) throws SQLException {
        if (oldName.equals(newName)) {
            return summaries(c, oldName).size() == 1;
        }
        if (nameTaken(c, newName)) {
            throw new DatasetExistsException(newName);
        }
        try (PreparedStatement rename =
                c.prepareStatement(
                        "UPDATE dataset SET name = ? WHERE name = ? AND import_owner IS NULL")) {
            rename.setString(1, newName);
            rename.setString(2, oldName);
            return rename.executeUpdate() > 0;
        }
    }

    /**
     * The id of the named (complete) dataset.
     *
     * @throws StoreException if there is none
     */
    static long id(Connection c, String name) throws SQLException {
        try (PreparedStatement find =
                c.prepareStatement(
                        "SELECT id FROM dataset WHERE name = ? AND import_owner IS NULL")) {
            find.setString(1, name);
            try (ResultSet rows = find.executeQuery()) {
                if (!rows.next()) {
                    throw new StoreException("no dataset named '" + name + "'");
                }
                return rows.getLong(1);
            }
        }
    }

    /**
     * Every complete dataset with its counts, oldest first; only the named one unless it is null.
     */
    static List<DatasetSummary> summaries(Connection c, String onlyName) throws SQLException {
        String sql =
                "SELECT d.id, d.name, d.origin, d.created_at_ms, count(p.id),"
                        + " sum(EXISTS (SELECT 1 FROM annotation a WHERE a.pair_id = p.id)),"
                        + " sum(EXISTS (SELECT 1 FROM score s WHERE s.pair_id = p.id))"
                        + " FROM dataset d LEFT JOIN pair p ON p.dataset_id = d.id"
                        + " WHERE d.import_owner IS NULL"
                        + (onlyName == null ? "" : " AND d.name = ?")
                        + " GROUP BY d.id ORDER BY d.id";
        try (PreparedStatement query = c.prepareStatement(sql)) {
            if (onlyName != null) {
                query.setString(1, onlyName);
            }
            List<DatasetSummary> summaries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    summaries.add(
                            new DatasetSummary(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getString(3),
                                    Instant.ofEpochMilli(rows.getLong(4)),
                                    rows.getLong(5),
                                    rows.getLong(6),
                                    rows.getLong(7)));
                }
            }
            return summaries;
        }
    }
}
