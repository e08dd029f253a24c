package io.rewardlens.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database file to the current schema, one numbered step at a time.
 *
 * <p>The schema version is SQLite's own {@code PRAGMA user_version}: step {@code n} is the script
 * {@code schema/v<n>.sql}, run in one {@code BEGIN IMMEDIATE} transaction together with setting
 * {@code user_version = n}, so a crash leaves either the old or the new version and two processes
 * opening a fresh file never both migrate it. {@code PRAGMA application_id} marks the file as ours.
 */
final class SchemaMigrations {
    /** 'RLNS' in ASCII: marks a file as a RewardLens store. */
    static final int APPLICATION_ID = 0x524C4E53;

    /** The newest schema version this code knows. */
    static final int LATEST_VERSION = 4;

    private SchemaMigrations() {}

    static void migrate(Connection connection, String file) throws SQLException {
        checkOwnership(connection, file);
        for (int version = 1; version <= LATEST_VERSION; version++) {
            applyStep(connection, version);
        }
        int found = userVersion(connection);
        if (found > LATEST_VERSION) {
            throw new StoreException(
                    "%s was written by a newer RewardLens (schema version %d); this version reads up to %d"
                            .formatted(file, found, LATEST_VERSION));
        }
    }

    /**
     * Checks that a store can be read as it is, without migrating it (for a read-only store): it is
     * a RewardLens store of exactly this version's schema.
     */
    static void checkReadable(Connection connection, String file) throws SQLException {
        checkOwnership(connection, file);
        int found = userVersion(connection);
        if (found > LATEST_VERSION) {
            throw new StoreException(
                    "%s was written by a newer RewardLens (schema version %d); this version reads up to %d"
                            .formatted(file, found, LATEST_VERSION));
        }
        if (found < LATEST_VERSION) {
            throw new StoreException(
                    ("%s cannot be written here and was written by an older RewardLens (schema"
                                    + " version %d, this version needs %d); open it once where it"
                                    + " can be written, and RewardLens upgrades it")
                            .formatted(file, found, LATEST_VERSION));
        }
    }

    private static void checkOwnership(Connection connection, String file) throws SQLException {
        int applicationId = intPragma(connection, "application_id");
        if (applicationId == APPLICATION_ID) {
            return;
        }
        boolean hasTables;
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE"
                                        + " 'sqlite_%'")) {
            hasTables = rows.next() && rows.getLong(1) > 0;
        }
        if (applicationId != 0 || hasTables) {
            throw new StoreException(file + " is an SQLite database, but not a RewardLens store");
        }
    }

    private static void applyStep(Connection connection, int version) throws SQLException {
        if (userVersion(connection) >= version) {
            return;
        }
        SqlTransaction.write(
                connection,
                c -> {
                    // Re-check inside the write transaction: another process may have migrated.
                    if (userVersion(c) < version) {
                        for (String sql : statements(readScript(version))) {
                            SqlTransaction.execute(c, sql);
                        }
                        SqlTransaction.execute(c, "PRAGMA application_id = " + APPLICATION_ID);
                        SqlTransaction.execute(c, "PRAGMA user_version = " + version);
                    }
                    return null;
                });
    }

    static int userVersion(Connection connection) throws SQLException {
        return intPragma(connection, "user_version");
    }

    private static int intPragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static String readScript(int version) {
        String resource = "schema/v" + version + ".sql";
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema resource " + resource, e);
        }
    }

    /**
     * Splits a schema script into statements. Our scripts end every statement with a semicolon at
     * the end of a line and hold no semicolons inside literals; {@code --} lines are comments.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
