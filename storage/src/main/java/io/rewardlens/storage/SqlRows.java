package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Single-value reads that every table's SQL needs: a count, the last inserted row id. */
final class SqlRows {
    private SqlRows() {}

    /** The one number a query such as {@code SELECT count(*) ...} returns. */
    static long single(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The id of the row this connection inserted last. */
    static long lastInsertId(Connection c) throws SQLException {
        return single(c, "SELECT last_insert_rowid()");
    }
}
