package io.rewardlens.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A connection to a new store file with the current schema, for the table classes' tests. */
final class MigratedConnection {
    private MigratedConnection() {}

    static Connection open(Path folder) throws SQLException {
        Path file = folder.resolve("tables.db");
        Connection c = PreferenceStore.connect(file);
        SchemaMigrations.migrate(c, file.toString());
        return c;
    }
}
