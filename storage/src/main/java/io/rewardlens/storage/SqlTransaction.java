package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work in one SQLite transaction on a connection that stays in JDBC auto-commit mode.
 *
 * <p>Transactions are opened with explicit {@code BEGIN IMMEDIATE} (writes) or {@code BEGIN}
 * (reads) instead of {@code setAutoCommit(false)}: the driver would otherwise open the next
 * transaction right after each commit, holding the write lock between user actions. A write
 * transaction takes the write lock up front, so it waits ({@code busy_timeout}) instead of failing
 * when another process is writing.
 */
final class SqlTransaction {
    /** Work to run inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private SqlTransaction() {}

    static <T> T write(Connection connection, Work<T> work) throws SQLException {
        return run(connection, "BEGIN IMMEDIATE", work);
    }

    static <T> T read(Connection connection, Work<T> work) throws SQLException {
        return run(connection, "BEGIN DEFERRED", work);
    }

    private static <T> T run(Connection connection, String begin, Work<T> work)
            throws SQLException {
        execute(connection, begin);
        T result;
        try {
            result = work.run(connection);
        } catch (Throwable e) {
            try {
                execute(connection, "ROLLBACK");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        execute(connection, "COMMIT");
        return result;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
