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
 */
final class DatasetTable {
    private DatasetTable() {}

    /**
     * Inserts an empty dataset.
     *
     * @return its id
     * @throws DatasetExistsException if the name is taken
     */
    static long insert(Connection c, String name, String origin) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM dataset WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    throw new DatasetExistsException(name);
                }
            }
        }
        try (PreparedStatement insert =
                c.prepareStatement(
                        "INSERT INTO dataset (name, origin, created_at_ms) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, origin);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
        return SqlRows.lastInsertId(c);
    }

    /** Inserts an empty dataset and returns its summary. */
    static DatasetSummary create(Connection c, String name, String origin) throws SQLException {
        insert(c, name, origin);
        return summaries(c, name).get(0);
    }

    /** Deletes a dataset (its pairs, annotations and scores go with it); whether it existed. */
    static boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM dataset WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * The id of the named dataset.
     *
     * @throws StoreException if there is none
     */
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
        if (!summaries(c, newName).isEmpty()) {
            throw new DatasetExistsException(newName);
        }
        try (PreparedStatement rename =
                c.prepareStatement("UPDATE dataset SET name = ? WHERE name = ?")) {
            rename.setString(1, newName);
            rename.setString(2, oldName);
            return rename.executeUpdate() > 0;
        }
    }

    static long id(Connection c, String name) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM dataset WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet rows = find.executeQuery()) {
                if (!rows.next()) {
                    throw new StoreException("no dataset named '" + name + "'");
                }
                return rows.getLong(1);
            }
        }
    }

    /** Every dataset with its counts, oldest first; only the named one unless it is null. */
    static List<DatasetSummary> summaries(Connection c, String onlyName) throws SQLException {
        String sql =
                "SELECT d.id, d.name, d.origin, d.created_at_ms, count(p.id),"
                        + " sum(EXISTS (SELECT 1 FROM annotation a WHERE a.pair_id = p.id)),"
                        + " sum(EXISTS (SELECT 1 FROM score s WHERE s.pair_id = p.id))"
                        + " FROM dataset d LEFT JOIN pair p ON p.dataset_id = d.id"
                        + (onlyName == null ? "" : " WHERE d.name = ?")
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
