package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * A bulk import of pairs into a new dataset, all in one transaction: either every pair added before
 * {@link #commit()} is stored, or (on {@link #close()} without commit, or any failure) nothing is,
 * not even the dataset. Pairs are inserted with a prepared statement in batches.
 *
 * <p>Start one with {@link PreferenceStore#beginImport}; use it from one thread; always close it.
 */
public final class PairImport implements AutoCloseable {
    static final String INSERT_PAIR =
            "INSERT INTO pair (dataset_id, position, source, prompt, chosen, rejected, diverging,"
                    + " metadata, parent_pair_id) VALUES (?, ?, ?, CAST(? AS TEXT),"
                    + " CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?)";

    private static final int BATCH_SIZE = 256;

    private final Connection connection;
    private final String dataset;
    private final long datasetId;
    private final PreparedStatement insert;
    private final Utf8JsonBuffer json = new Utf8JsonBuffer();
    private int batched;
    private long added;
    private boolean open = true;
    private boolean committed;

    PairImport(Connection connection, String dataset, String origin) {
        this.connection = connection;
        this.dataset = dataset;
        try {
            SqlTransaction.execute(connection, "BEGIN IMMEDIATE");
            this.datasetId = PreferenceStore.insertDataset(connection, dataset, origin);
            this.insert = connection.prepareStatement(INSERT_PAIR);
        } catch (SQLException | RuntimeException e) {
            abandon(e);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw PreferenceStore.failure("cannot start importing into " + dataset, e);
        }
    }

    /** The name of the dataset being filled. */
    public String dataset() {
        return dataset;
    }

    /** How many pairs were added so far. */
    public long added() {
        return added;
    }

    /**
     * Adds a pair to the dataset (visible to others only after {@link #commit()}).
     *
     * @throws StoreException if the insert fails; the import is then rolled back and closed
     */
    public void add(PreferencePair pair) {
        checkOpen();
        try {
            bind(insert, datasetId, pair, json);
            insert.addBatch();
            added++;
            if (++batched == BATCH_SIZE) {
                flush();
            }
        } catch (SQLException e) {
            abandon(e);
            throw PreferenceStore.failure("cannot import into " + dataset, e);
        }
    }

    /**
     * Stores everything added and ends the import.
     *
     * @throws StoreException if the commit fails; nothing is then stored
     */
    public void commit() {
        checkOpen();
        try {
            flush();
            insert.close();
            SqlTransaction.execute(connection, "COMMIT");
            committed = true;
            open = false;
            connection.close();
        } catch (SQLException e) {
            abandon(e);
            throw PreferenceStore.failure("cannot finish importing into " + dataset, e);
        }
    }

    /** Ends the import; without a prior {@link #commit()} nothing of it is stored. */
    @Override
    public void close() {
        if (open) {
            StoreException problem = new StoreException("import into " + dataset + " abandoned");
            abandon(problem);
            if (problem.getSuppressed().length > 0) {
                throw problem;
            }
        }
    }

    /** Whether {@link #commit()} succeeded. */
    public boolean committed() {
        return committed;
    }

    private void flush() throws SQLException {
        if (batched > 0) {
            insert.executeBatch();
            batched = 0;
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new StoreException("the import into " + dataset + " is already finished");
        }
    }

    private void abandon(Exception cause) {
        open = false;
        try {
            SqlTransaction.execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            // No transaction left to roll back (SQLite already ended it) is fine; others are not.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Binds a pair to {@link #INSERT_PAIR}. Message lists are bound as UTF-8 bytes and cast to TEXT
     * by SQLite: this skips the driver's String-to-UTF-8 conversion, the largest cost of an import
     * after parsing.
     */
    static void bind(
            PreparedStatement insert, long datasetId, PreferencePair pair, Utf8JsonBuffer json)
            throws SQLException {
        insert.setLong(1, datasetId);
        insert.setLong(2, pair.position());
        insert.setString(3, pair.source());
        insert.setBytes(4, messages(pair.prompt(), json));
        insert.setBytes(5, messages(pair.chosen(), json));
        insert.setBytes(6, messages(pair.rejected(), json));
        insert.setInt(7, pair.diverging() ? 1 : 0);
        insert.setString(8, pair.metadataJson());
        if (pair.parentPairId() == null) {
            insert.setNull(9, Types.INTEGER);
        } else {
            insert.setLong(9, pair.parentPairId());
        }
    }

    private static byte[] messages(List<ChatMessage> messages, Utf8JsonBuffer json) {
        json.reset();
        MessageJson.encode(messages, json);
        return json.toByteArray();
    }
}
