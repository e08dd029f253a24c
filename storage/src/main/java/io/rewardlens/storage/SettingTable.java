package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The SQL of the {@code setting} table: store-wide key/value settings. */
final class SettingTable {
    private SettingTable() {}

    static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets a value, replacing the earlier one; a null value removes the setting. */
    static void put(Connection c, String key, String value) throws SQLException {
        String sql =
                value == null
                        ? "DELETE FROM setting WHERE key = ?"
                        : "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO"
                                + " UPDATE SET value = excluded.value";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, key);
            if (value != null) {
                statement.setString(2, value);
            }
            statement.executeUpdate();
        }
    }
}
