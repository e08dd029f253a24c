package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bulk import of pairs into a new dataset: either every pair added before {@link #commit()} is
 * stored, or (on {@link #close()} without commit, or any failure) nothing is, not even the dataset.
 *
 * <p>The import is not one transaction: it commits in steps of about {@value #STEP_BYTES} bytes of
 * encoded pairs, so that the write-ahead log is checkpointed and reused between steps and stays
 * small however large the import (a single transaction could not be checkpointed before its end,
 * and left a log as large as the whole import), and so that other writers get the write lock
 * between steps. Nothing of an unfinished import is ever visible all the same: its dataset row
 * names the importing process ({@code dataset.import_owner}), every read of the store ignores such
 * a dataset and its pairs (its name stays taken), and the owner is cleared in the transaction of
 * the last rows, so the dataset appears complete in one instant. An abandoned or failed import
 * deletes what it wrote, in steps as well; one whose process died (killed, power loss) is deleted
 * the next time a process on the same host opens the store or begins an import.
 *
 * <p>The steps alternate between long ({@value #STEP_BYTES} bytes) and short ({@value
 * #SHORT_STEP_BYTES}) ones, and the import checkpoints the log itself rather than after every
 * commit: a long step is checkpointed on a second connection and thread while the short step after
 * it is inserted, so that most of the checkpoint's copying and syncing overlaps with the import's
 * own work instead of stopping it; after the short step the import waits for that checkpoint and
 * checkpoints the short step itself. The log is then wholly in the database, and the next step
 * writes it from its start again (SQLite reuses the log only once it is wholly checkpointed, so a
 * checkpoint that always trailed the writer would let it grow without end). The log thus holds at
 * most one long and one short step.
 *
 * <p>Pairs are encoded on the caller's thread and inserted in batches with a prepared statement on
 * a background thread, one batch in flight while the next is being filled, so parsing and encoding
 * overlap with SQLite's work. Start one with {@link PreferenceStore#beginImport}; call it from one
 * thread; always close it.
 */
public final class PairImport implements AutoCloseable {
    static final String INSERT_PAIR =
            "INSERT INTO pair (dataset_id, position, source, prompt, chosen, rejected, diverging,"
                    + " metadata, parent_pair_id) VALUES (?, ?, ?, CAST(? AS TEXT),"
                    + " CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?)";

    private static final int BATCH_SIZE = 64;

    /**
     * Encoded bytes of pairs per long step. The write-ahead log holds at most a long and a short
     * step (their pages, indexes included, come to about 1.3 times the encoded bytes); far smaller
     * steps would cost time in commits and checkpoints.
     */
    static final long STEP_BYTES = 32L << 20;

    /** Encoded bytes of pairs of the short step after each long one. */
    static final long SHORT_STEP_BYTES = STEP_BYTES / 2;

    /** A pair in column form; message lists already UTF-8 JSON. */
    private record Row(
            long position,
            String source,
            byte[] prompt,
            byte[] chosen,
            byte[] rejected,
            boolean diverging,
            String metadata,
            Long parentPairId,
            List<ImportedVerdict> verdicts) {
        /** About the bytes the row takes in the database, for the size of a step. */
        long encodedBytes() {
            return prompt.length
                    + chosen.length
                    + rejected.length
                    + (source == null ? 0 : source.length())
                    + (metadata == null ? 0 : metadata.length());
        }
    }

    private final Connection connection;
    private final String dataset;
    private final String owner = ImportOwner.current().text();
    private final long datasetId;
    private final PreparedStatement insert;
    private final Utf8JsonBuffer json = new Utf8JsonBuffer();
    private final ExecutorService sqlite;
    private final Connection checkpointConnection;
    private final ExecutorService checkpointer;
    private Future<?> checkpointing;
    private boolean longStep = true;
    private List<Row> batch = new ArrayList<>(BATCH_SIZE);
    private Future<?> inFlight;
    private long added;
    private long bytesInStep;
    private boolean inStep;
    private boolean datasetInserted;
    private boolean open = true;
    private boolean committed;

    /**
     * @param connection the import's own connection
     * @param checkpointConnection a second connection to the same database, for the checkpoints
     *     that run while the import goes on; closed with the import
     */
    PairImport(
            Connection connection, Connection checkpointConnection, String dataset, String origin) {
        this.connection = connection;
        this.checkpointConnection = checkpointConnection;
        this.dataset = dataset;
        this.sqlite = daemonThread("rewardlens-import-sqlite");
        this.checkpointer = daemonThread("rewardlens-import-checkpoint");
        try {
            UnfinishedImports.deleteAbandoned(connection);
            this.datasetId =
                    SqlTransaction.write(
                            connection, c -> DatasetTable.insert(c, dataset, origin, owner));
            datasetInserted = true;
            // The steps before the last need not reach the disk at their commit: they are
            // invisible, and deleted after a crash. Checkpoints still sync as always, and the last
            // step's commit (synchronous FULL again) syncs the log with every step in it.
            SqlTransaction.execute(connection, "PRAGMA synchronous = NORMAL");
            SqlTransaction.execute(connection, "PRAGMA wal_autocheckpoint = 0");
            this.insert = connection.prepareStatement(INSERT_PAIR);
        } catch (SQLException | RuntimeException e) {
            abandon(e);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw PreferenceStore.failure("cannot start importing into " + dataset, e);
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(
                task -> {
                    Thread thread = new Thread(task, name);
                    thread.setDaemon(true);
                    return thread;
                });
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
     * @throws StoreException if inserting fails (possibly an earlier pair's batch); the import is
     *     then rolled back and closed
     */
    public void add(PreferencePair pair) {
        add(pair, List.of());
    }

    /**
     * Adds a pair together with the verdicts people gave on it in the tool the data came from; each
     * becomes an {@link Annotation} of the new pair, visible together with it.
     *
     * @throws StoreException if inserting fails (possibly an earlier pair's batch); the import is
     *     then rolled back and closed
     */
    public void add(PreferencePair pair, List<ImportedVerdict> verdicts) {
        checkOpen();
        batch.add(encode(pair, List.copyOf(verdicts), json));
        added++;
        if (batch.size() == BATCH_SIZE) {
            handOver();
        }
    }

    /**
     * Stores everything added and ends the import: the last step's transaction also marks the
     * dataset complete, so it becomes visible with all its pairs at once.
     *
     * @throws StoreException if the commit fails; nothing is then stored
     */
    public void commit() {
        checkOpen();
        if (!batch.isEmpty()) {
            handOver();
        }
        awaitInFlight();
        try {
            insert.close();
            if (inStep) {
                SqlTransaction.execute(connection, "COMMIT");
                inStep = false;
            }
            SqlTransaction.execute(connection, "PRAGMA synchronous = FULL");
            beginStepIfNone();
            DatasetTable.completeImport(connection, datasetId);
            SqlTransaction.execute(connection, "COMMIT");
            committed = true;
            open = false;
            // As an automatic checkpoint after the last commit would have: the rest of the log
            // goes into the database now, not at some later writer's commit.
            awaitCheckpoint();
            checkpoint(connection);
            connection.close();
        } catch (SQLException e) {
            if (committed) {
                // Everything is stored; the log is checkpointed by the next writer instead.
                closeImportConnectionQuietly();
                return;
            }
            abandon(e);
            throw PreferenceStore.failure("cannot finish importing into " + dataset, e);
        } finally {
            sqlite.shutdown();
            stopCheckpointer();
        }
    }

    /**
     * Ends the import; without a prior {@link #commit()} nothing of it is stored (what its steps
     * committed is deleted, which takes a while for a large import).
     */
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

    /** Waits for the batch in flight, then sends the current one to the SQLite thread. */
    private void handOver() {
        awaitInFlight();
        List<Row> rows = batch;
        batch = new ArrayList<>(BATCH_SIZE);
        inFlight =
                sqlite.submit(
                        () -> {
                            insertRows(rows);
                            return null;
                        });
    }

    /**
     * Inserts rows in one batch; a row with verdicts is inserted on its own, so that its new id is
     * known for its annotations. Commits the step once it holds {@link #STEP_BYTES}; the next one
     * begins with the next batch, so no lock is held while the caller has nothing to insert.
     */
    private void insertRows(List<Row> rows) throws SQLException {
        beginStepIfNone();
        for (Row row : rows) {
            bytesInStep += row.encodedBytes();
            if (row.verdicts().isEmpty()) {
                bind(insert, datasetId, row);
                insert.addBatch();
                continue;
            }
            insert.executeBatch(); // the rows before it keep their order
            bind(insert, datasetId, row);
            insert.executeUpdate();
            long pairId = SqlRows.lastInsertId(connection);
            for (ImportedVerdict verdict : row.verdicts()) {
                AnnotationTable.save(connection, verdict.toAnnotation(pairId));
            }
        }
        insert.executeBatch();
        if (bytesInStep >= (longStep ? STEP_BYTES : SHORT_STEP_BYTES)) {
            SqlTransaction.execute(connection, "COMMIT"); // the write lock is free for others now
            inStep = false;
            bytesInStep = 0;
            if (longStep) {
                // Nothing runs there now: the short step before waited for its checkpoint.
                checkpointing =
                        checkpointer.submit(
                                () -> {
                                    checkpoint(checkpointConnection);
                                    return null;
                                });
            } else {
                awaitCheckpoint();
                checkpoint(connection); // the next step then writes the log from its start
            }
            longStep = !longStep;
        }
    }

    /** Copies what the log holds into the database, as far as readers allow. */
    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Its row (busy, log frames, checkpointed frames) is not needed.
            statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)").close();
        }
    }

    /** Waits for the checkpoint running on the second connection, if any; rethrows its failure. */
    private void awaitCheckpoint() throws SQLException {
        Future<?> running = checkpointing;
        checkpointing = null;
        if (running == null) {
            return;
        }
        try {
            running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw failed;
            }
            throw new StoreException("checkpoint failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("import into " + dataset + " interrupted", e);
        }
    }

    private void stopCheckpointer() {
        checkpointer.shutdown();
        try {
            checkpointConnection.close();
        } catch (SQLException e) {
            // Only used for checkpoints: nothing of the import depends on closing it.
        }
    }

    private void closeImportConnectionQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Committed already; SQLite closes the file when the process ends at the latest.
        }
    }

    /** Begins a step's transaction unless one is open; on whichever thread uses the connection. */
    private void beginStepIfNone() throws SQLException {
        if (!inStep) {
            SqlTransaction.execute(connection, "BEGIN IMMEDIATE");
            inStep = true;
        }
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        Future<?> waiting = inFlight;
        inFlight = null;
        try {
            waiting.get();
        } catch (ExecutionException e) {
            Exception cause =
                    e.getCause() instanceof Exception exception
                            ? exception
                            : new RuntimeException(e);
            abandon(cause);
            throw PreferenceStore.failure("cannot import into " + dataset, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(e);
            throw new StoreException("import into " + dataset + " interrupted", e);
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new StoreException("the import into " + dataset + " is already finished");
        }
    }

    private void abandon(Exception cause) {
        open = false;
        if (inFlight != null) {
            inFlight.cancel(false);
            try {
                inFlight.get();
            } catch (Exception ignored) {
                // The import is being abandoned; its own failure is reported instead.
            }
            inFlight = null;
        }
        sqlite.shutdown();
        try {
            awaitCheckpoint();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        stopCheckpointer();
        try {
            SqlTransaction.execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            // No transaction left to roll back (SQLite already ended it) is fine; others are not.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
        if (datasetInserted) {
            try {
                UnfinishedImports.delete(connection, datasetId, owner);
            } catch (SQLException e) {
                // Left hidden; deleted once this process is gone and the store is opened again.
                cause.addSuppressed(e);
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static Row encode(
            PreferencePair pair, List<ImportedVerdict> verdicts, Utf8JsonBuffer json) {
        return new Row(
                pair.position(),
                pair.source(),
                messages(pair.prompt(), json),
                messages(pair.chosen(), json),
                messages(pair.rejected(), json),
                pair.diverging(),
                pair.metadataJson(),
                pair.parentPairId(),
                verdicts);
    }

    /** Binds one pair to {@link #INSERT_PAIR}; for single inserts outside a bulk import. */
    static void bind(PreparedStatement insert, long datasetId, PreferencePair pair)
            throws SQLException {
        bind(insert, datasetId, encode(pair, List.of(), new Utf8JsonBuffer()));
    }

    /**
     * Binds a row to {@link #INSERT_PAIR}. Message lists are bound as UTF-8 bytes and cast to TEXT
     * by SQLite: this skips the driver's String-to-UTF-8 conversion, one of the largest costs of an
     * import after parsing.
     */
    private static void bind(PreparedStatement insert, long datasetId, Row row)
            throws SQLException {
        insert.setLong(1, datasetId);
        insert.setLong(2, row.position());
        insert.setString(3, row.source());
        insert.setBytes(4, row.prompt());
        insert.setBytes(5, row.chosen());
        insert.setBytes(6, row.rejected());
        insert.setInt(7, row.diverging() ? 1 : 0);
        insert.setString(8, row.metadata());
        if (row.parentPairId() == null) {
            insert.setNull(9, Types.INTEGER);
        } else {
            insert.setLong(9, row.parentPairId());
        }
    }

    private static byte[] messages(List<ChatMessage> messages, Utf8JsonBuffer json) {
        json.reset();
        json.appendMessages(messages);
        return json.toByteArray();
    }
}
