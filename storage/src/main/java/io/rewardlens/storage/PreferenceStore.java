package io.rewardlens.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The RewardLens store: one SQLite file holding datasets of preference pairs, human annotations,
 * registered reward models, their scores and the score cache.
 *
 * <p>Open one with {@link #open(Path)} and close it when done. Every method that changes something
 * is one transaction, committed before it returns, so a verdict survives a crash the moment {@link
 * #saveAnnotation} returns. The file is in WAL mode: several processes may use it at once; a writer
 * waits up to ten seconds for another one to finish ({@code busy_timeout}) and then fails with a
 * {@link StoreException}. An instance is safe to share between threads (calls are serialized); bulk
 * imports ({@link #beginImport}) and streaming reads ({@link #forEachPairWithDetails}) use
 * connections of their own, so reads can go on while an import runs.
 */
public final class PreferenceStore implements AutoCloseable {
    /**
     * Larger pages than SQLite's default 4 KiB: a pair is several KiB of text, and bigger pages
     * mean fewer overflow pages per row (measured: imports write markedly faster).
     */
    static final int PAGE_SIZE = 16384;

    private static final int BUSY_TIMEOUT_MS = 10_000;

    /**
     * The id {@link #registerModel} gives a model it could not register in a read-only store; no
     * stored row has it (SQLite's ids start at 1).
     */
    public static final long UNREGISTERED_MODEL_ID = 0;

    private final Path file;
    private final Connection connection;
    private final String readOnlyReason;
    private final ReentrantLock lock = new ReentrantLock();
    private final StoredScoreCache scoreCache;
    private boolean closed;

    private PreferenceStore(Path file, Connection connection, String readOnlyReason) {
        this.file = file;
        this.connection = connection;
        this.readOnlyReason = readOnlyReason;
        this.scoreCache = new StoredScoreCache(this);
    }

    /**
     * Opens the store in {@code file}, creating the file and its schema if it does not exist yet
     * and migrating an older schema to the current one. Deletes what imports left behind whose
     * process died on this host (see {@link PairImport}); imports still running stay.
     *
     * <p>A store that exists but cannot be written here (a read-only file system, a file or folder
     * without write permission) is opened read-only instead: everything can be read, every write is
     * refused with a {@link StoreReadOnlyException}, and {@link #readOnlyReason()} says why.
     *
     * @throws StoreException if the folder does not exist, the file is not a RewardLens store, it
     *     was written by a newer version, or SQLite cannot open it
     */
    public static PreferenceStore open(Path file) {
        Path absolute = checkFolder(file);
        Connection connection = null;
        try {
            connection = connect(absolute);
            SchemaMigrations.migrate(connection, absolute.toString());
            deleteAbandonedImports(connection);
            return new PreferenceStore(absolute, connection, null);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            String notWritable = whyNotWritable(absolute);
            if (notWritable != null && Files.exists(absolute)) {
                return openReadOnly(absolute, notWritable);
            }
            if (notWritable != null) {
                throw new StoreReadOnlyException(
                        "cannot create store " + absolute + ": " + notWritable, e);
            }
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw failure("cannot open store " + absolute, e);
        }
    }

    /**
     * Opens an existing store read-only, even where it could be written: for browsing a database
     * that must not change (someone else's, an archive). Every write is refused with a {@link
     * StoreReadOnlyException}.
     *
     * @throws StoreException if the file does not exist, is not a RewardLens store, its schema is
     *     older or newer than this version's, or SQLite cannot read it
     */
    public static PreferenceStore openReadOnly(Path file) {
        return openReadOnly(checkFolder(file), "opened read-only");
    }

    private static PreferenceStore openReadOnly(Path absolute, String reason) {
        if (!Files.isRegularFile(absolute)) {
            throw new StoreException("cannot open store " + absolute + ": no such file");
        }
        Connection connection = null;
        try {
            connection = connectReadOnly(absolute);
            SchemaMigrations.checkReadable(connection, absolute.toString());
            return new PreferenceStore(absolute, connection, reason);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw failure("cannot open store " + absolute + " read-only (" + reason + ")", e);
        }
    }

    /**
     * Deletes what imports of processes that are gone left behind. A full disk or a busy database
     * leaves it for the next open: it stays invisible meanwhile, and the store is usable.
     */
    private static void deleteAbandonedImports(Connection connection) throws SQLException {
        try {
            UnfinishedImports.deleteAbandoned(connection);
        } catch (SQLException e) {
            StoreException kind = failure("delete abandoned imports", e);
            if (!(kind instanceof StoreFullException || kind instanceof StoreBusyException)) {
                throw e;
            }
        }
    }

    private static Path checkFolder(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new StoreException("cannot open store " + absolute + ": folder does not exist");
        }
        return absolute;
    }

    /**
     * Why SQLite cannot write this store here, or null when it can: it needs the file and, for the
     * write-ahead log next to it, the folder.
     */
    private static String whyNotWritable(Path file) {
        boolean exists = Files.exists(file);
        Path folder = file.getParent();
        try {
            if (Files.getFileStore(exists || folder == null ? file : folder).isReadOnly()) {
                return "it is on a read-only file system";
            }
        } catch (IOException e) {
            // Fall back to the permission checks.
        }
        if (exists) {
            // Opening for writing changes nothing, and tells a read-only mount from permissions.
            try (FileChannel probe = FileChannel.open(file, StandardOpenOption.WRITE)) {
                probe.size();
            } catch (FileSystemException e) {
                return "Read-only file system".equals(e.getReason())
                        ? "it is on a read-only file system"
                        : "the file is not writable";
            } catch (IOException e) {
                return "the file is not writable";
            }
        }
        if (folder != null && !Files.isWritable(folder)) {
            return "its folder " + folder + " is not writable";
        }
        return null;
    }

    /**
     * Opens a read-only connection. Reading a store in WAL mode needs its shared-memory file; where
     * that cannot be made (a read-only folder) and no write-ahead log is pending, the file is read
     * as immutable, which needs no other file.
     */
    private static Connection connectReadOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            try {
                SqlRows.single(connection, "SELECT count(*) FROM sqlite_schema");
                return connection;
            } catch (SQLException e) {
                closeQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            if (!(e instanceof SQLiteException sqlite)
                    || sqlite.getResultCode() != SQLiteErrorCode.SQLITE_CANTOPEN) {
                throw e;
            }
            Path log = file.resolveSibling(file.getFileName() + "-wal");
            if (Files.exists(log) && sizeOf(log) > 0) {
                throw new StoreException(
                        "cannot read "
                                + file
                                + ": it cannot be written here and holds changes not yet moved"
                                + " from "
                                + log.getFileName()
                                + " into it; open it once where it can be written",
                        e);
            }
            return config.createConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * Why this store is read-only ("it is on a read-only file system", "the file is not writable",
     * "opened read-only"), or empty when it can be written.
     */
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    /** Opens another connection to this store, read-only where the store is. */
    private Connection connectAgain() throws SQLException {
        return readOnlyReason == null ? connect(file) : connectReadOnly(file);
    }

    /** Refuses a write to a read-only store, naming what was asked. */
    private void checkWritable(String action) {
        if (readOnlyReason != null) {
            throw new StoreReadOnlyException(
                    "cannot "
                            + action
                            + " in "
                            + file
                            + ": the database is read-only ("
                            + readOnlyReason
                            + ")");
        }
    }

    /** Opens a connection with the store's settings; used for the main and bulk connections. */
    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            // page_size first: it only takes effect before the file's first page is written.
            statement.execute("PRAGMA page_size = " + PAGE_SIZE);
            statement.execute("PRAGMA journal_mode = WAL");
            // FULL: a committed verdict survives power loss, not only a crash of the process.
            statement.execute("PRAGMA synchronous = FULL");
            // Give the disk back after a big import has been checkpointed.
            statement.execute("PRAGMA journal_size_limit = 67108864");
            statement.execute("PRAGMA cache_size = -32768");
        } catch (SQLException e) {
            closeQuietly(connection, e);
            if (e instanceof SQLiteException sqlite
                    && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw new StoreException(file + " is not an SQLite database", e);
            }
            throw e;
        }
        return connection;
    }

    /** The store's file. */
    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- datasets

    /** Every dataset with its counts, oldest first. */
    public List<DatasetSummary> datasets() {
        return read("list datasets", c -> DatasetTable.summaries(c, null));
    }

    /** The dataset with this name, if there is one. */
    public Optional<DatasetSummary> dataset(String name) {
        return read(
                "read dataset " + name, c -> DatasetTable.summaries(c, name).stream().findFirst());
    }

    /**
     * Creates an empty dataset, for example to hold hand-made or edited pairs.
     *
     * @throws DatasetExistsException if the name is taken
     */
    public DatasetSummary createDataset(String name, String origin) {
        return write("create dataset " + name, c -> DatasetTable.create(c, name, origin));
    }

    /**
     * Deletes a dataset with its pairs and their annotations and scores.
     *
     * @return whether there was such a dataset
     */
    public boolean deleteDataset(String name) {
        return write("delete dataset " + name, c -> DatasetTable.delete(c, name));
    }

    /**
     * Renames a dataset; its pairs, annotations and scores stay with it.
     *
     * @return whether there was a dataset named {@code oldName}
     * @throws DatasetExistsException if {@code newName} is taken (by another dataset)
     */
    public boolean renameDataset(String oldName, String newName) {
        return write("rename dataset " + oldName, c -> DatasetTable.rename(c, oldName, newName));
    }

    /**
     * Starts a bulk import into a new dataset. The import writes through a connection of its own,
     * committing in steps (see {@link PairImport}): other writers get the write lock between steps,
     * and readers see nothing of the dataset, its name aside, until {@link PairImport#commit()}.
     * First deletes what imports whose process died left behind, so their names are free again.
     *
     * @param datasetName the new dataset's name
     * @param origin where the pairs come from (usually the file name), or null
     * @throws DatasetExistsException if the name is taken
     */
    public PairImport beginImport(String datasetName, String origin) {
        checkOpen();
        checkWritable("import into " + datasetName);
        try {
            Connection importing = connect(file);
            try {
                return new PairImport(importing, connect(file), datasetName, origin);
            } catch (SQLException e) {
                closeQuietly(importing, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot start importing into " + datasetName, e);
        }
    }

    // ---------------------------------------------------------------- pairs

    /**
     * Adds one pair to an existing dataset, for example an edited variant of another pair (see
     * {@link PreferencePair#withParent}).
     *
     * @throws StoreException if the dataset or the parent pair does not exist
     */
    public StoredPair addPair(String dataset, PreferencePair pair) {
        return write("add a pair to " + dataset, c -> PairTable.add(c, dataset, pair));
    }

    /** The pair with this id, if there is one. */
    public Optional<StoredPair> pair(long pairId) {
        return read("read pair " + pairId, c -> PairTable.find(c, pairId));
    }

    /** The pairs a query selects, in import order (see {@link PairQuery}). */
    public List<StoredPair> pairs(PairQuery query) {
        return read("query pairs", c -> PairTable.select(c, query));
    }

    /** How many pairs a query selects (ignoring its limit and offset). */
    public long countPairs(PairQuery query) {
        return read("count pairs", c -> PairTable.count(c, query));
    }

    /**
     * The first pair of a dataset, in import order, that nobody has annotated yet and that comes
     * after the given pair.
     *
     * @param dataset the dataset's name
     * @param afterPosition the position of the current pair ({@link Long#MIN_VALUE} to start)
     * @param afterPairId the id of the current pair (pairs sharing a position, such as edited
     *     variants, follow in id order); {@link Long#MIN_VALUE} to start
     */
    public Optional<StoredPair> nextUnannotated(
            String dataset, long afterPosition, long afterPairId) {
        return read(
                "find the next unannotated pair of " + dataset,
                c -> PairTable.nextUnannotated(c, dataset, afterPosition, afterPairId));
    }

    /**
     * Streams the pairs a query selects, with their annotations and (when {@code modelId} is not
     * null) that model's score, in import order. Reads one consistent snapshot through a connection
     * of its own, so a large export neither loads everything into memory nor blocks writers.
     *
     * @param query which pairs
     * @param modelId the model whose scores to attach, or null for none
     * @param action called once per pair, on the calling thread
     */
    public void forEachPairWithDetails(
            PairQuery query, Long modelId, Consumer<? super PairDetails> action) {
        readSnapshot(
                "cannot read pairs from " + file,
                c -> PairDetailsReader.stream(c, query, modelId, action));
    }

    // ---------------------------------------------------------------- annotations

    /**
     * Saves a verdict. An annotator has one verdict in force per pair: saving again for the same
     * pair and annotator replaces the earlier one (and keeps its id); the replaced verdict is kept
     * among the pair's {@link #supersededAnnotations}.
     *
     * @return the saved annotation with its id, for undo ({@link #deleteAnnotation})
     * @throws StoreException if the pair does not exist
     */
    public StoredAnnotation saveAnnotation(Annotation annotation) {
        return write(
                "save the annotation of pair " + annotation.pairId(),
                c -> AnnotationTable.save(c, annotation));
    }

    /**
     * Deletes an annotation (undo).
     *
     * @return whether it existed
     */
    public boolean deleteAnnotation(long annotationId) {
        return write(
                "delete annotation " + annotationId, c -> AnnotationTable.delete(c, annotationId));
    }

    /** The annotations of a pair, oldest first. */
    public List<StoredAnnotation> annotations(long pairId) {
        return read(
                "read the annotations of pair " + pairId, c -> AnnotationTable.ofPair(c, pairId));
    }

    /**
     * The verdicts of a pair that are no longer in force, oldest first: earlier verdicts an
     * annotator replaced, and merged verdicts older than the one in force (see {@link
     * VerdictMerge}).
     */
    public List<Annotation> supersededAnnotations(long pairId) {
        return read(
                "read the superseded annotations of pair " + pairId,
                c -> AnnotationTable.historyOfPair(c, pairId));
    }

    /**
     * Starts merging verdicts from elsewhere into this store, through a connection of its own in
     * one transaction that holds the write lock until {@link VerdictMerge#commit()} or {@link
     * VerdictMerge#close()}.
     */
    public VerdictMerge beginVerdictMerge() {
        checkOpen();
        checkWritable("merge verdicts");
        try {
            return new VerdictMerge(connect(file));
        } catch (SQLException e) {
            throw failure("cannot start merging verdicts into " + file, e);
        }
    }

    // ---------------------------------------------------------------- models and scores

    /**
     * Registers a model, or finds it if a model with the same bundle hash, dtype, device, engine
     * version and template hash is registered already (its name is then updated).
     *
     * <p>A read-only store registers nothing: it returns the registration found, or else a model
     * with id {@link #UNREGISTERED_MODEL_ID} that is in no table, so that a model can score its
     * pairs in memory (no score of it is ever found in, or saved to, the store).
     */
    public StoredModel registerModel(RewardModelInfo model) {
        if (readOnlyReason != null) {
            return read("find model " + model.name(), c -> ModelTable.find(c, model))
                    .orElseGet(() -> new StoredModel(UNREGISTERED_MODEL_ID, model, Instant.now()));
        }
        return write("register model " + model.name(), c -> ModelTable.register(c, model));
    }

    /** Every registered model, in registration order. */
    public List<StoredModel> models() {
        return read("list models", c -> ModelTable.list(c, null));
    }

    /** The registered model with this id, if there is one. */
    public Optional<StoredModel> model(long modelId) {
        return read("read model " + modelId, c -> ModelTable.list(c, modelId).stream().findFirst());
    }

    /**
     * The registered models that scored at least one pair of the given datasets, in registration
     * order: the models a report covers by default.
     *
     * @param datasets dataset names; empty means every dataset
     */
    public List<StoredModel> scoredModels(Set<String> datasets) {
        return read("list scored models", c -> ModelTable.scored(c, datasets));
    }

    /**
     * Streams every score one model gave to pairs of the given datasets, in pair id order. Reads
     * one consistent snapshot through a connection of its own, like {@link
     * #forEachPairWithDetails}, so the scores of a large dataset are never all in memory.
     *
     * @param modelId the model
     * @param datasets dataset names; empty means every dataset
     * @param action called once per score, on the calling thread
     */
    public void forEachScore(
            long modelId, Set<String> datasets, Consumer<? super PairScore> action) {
        readSnapshot(
                "cannot read the scores of model " + modelId + " from " + file,
                c -> ScoreTable.forEach(c, modelId, datasets, action));
    }

    /** Saves a score, replacing an earlier score of the same pair by the same model. */
    public void saveScore(PairScore score) {
        saveScores(List.of(score));
    }

    /**
     * Saves many scores in one transaction (all or none), replacing earlier scores of the same
     * pairs by the same models.
     *
     * @throws StoreException if a pair or model does not exist
     */
    public void saveScores(Collection<PairScore> scores) {
        write(
                "save " + scores.size() + " scores",
                c -> {
                    ScoreTable.saveAll(c, scores);
                    return null;
                });
    }

    /** The score a model gave a pair, if it scored it. */
    public Optional<PairScore> score(long pairId, long modelId) {
        return read("read the score of pair " + pairId, c -> ScoreTable.find(c, pairId, modelId));
    }

    /**
     * Pairs where the model prefers the side the dataset label or a human verdict rejected, most
     * confidently wrong first (ties broken by pair id, then annotation id), with the columns of the
     * disagreement queue: both scores, completion lengths and the pair's human verdicts.
     */
    public List<Disagreement> disagreements(DisagreementQuery query) {
        return read(
                "list disagreements of model " + query.modelId(),
                c -> DisagreementTable.list(c, query));
    }

    /** The persistent score cache kept in this store. */
    public StoredScoreCache scoreCache() {
        return scoreCache;
    }

    // ---------------------------------------------------------------- store-wide settings

    /**
     * A store-wide setting: a value that applies to everyone who opens this file (for example that
     * annotators must work in blind mode), unlike a user's own preferences.
     *
     * @param key the setting's name
     * @return its value, or empty when it was never set (or removed)
     */
    public Optional<String> setting(String key) {
        Objects.requireNonNull(key, "key");
        return read("read setting " + key, c -> SettingTable.get(c, key));
    }

    /**
     * Sets a store-wide setting, replacing its earlier value; a null value removes it.
     *
     * @param key the setting's name
     * @param value the new value, or null to remove the setting
     */
    public void putSetting(String key, String value) {
        Objects.requireNonNull(key, "key");
        write(
                "write setting " + key,
                c -> {
                    SettingTable.put(c, key, value);
                    return null;
                });
    }

    // ---------------------------------------------------------------- stats

    /** Counts of what the store holds: datasets, pairs, annotations, scores, per dataset/source. */
    public StoreStats stats() {
        return read(
                "read statistics",
                c -> {
                    List<DatasetSummary> perDataset = DatasetTable.summaries(c, null);
                    long pairs = 0;
                    long annotated = 0;
                    long scored = 0;
                    for (DatasetSummary dataset : perDataset) {
                        pairs += dataset.pairs();
                        annotated += dataset.annotatedPairs();
                        scored += dataset.scoredPairs();
                    }
                    return new StoreStats(
                            perDataset.size(),
                            pairs,
                            annotated,
                            SqlRows.single(
                                    c,
                                    "SELECT count(*) FROM annotation WHERE "
                                            + DatasetTable.pairIdIsVisible("pair_id")),
                            scored,
                            SqlRows.single(c, "SELECT count(*) FROM model"),
                            SqlRows.single(c, "SELECT count(*) FROM score_cache"),
                            perDataset,
                            PairTable.sourceSummaries(c));
                });
    }

    // ---------------------------------------------------------------- plumbing

    /** Closes the store's connection. Imports begun from it must be closed separately. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw failure("cannot close store " + file, e);
        } finally {
            lock.unlock();
        }
    }

    <T> T write(String action, SqlTransaction.Work<T> work) {
        checkWritable(action);
        return locked(action, () -> SqlTransaction.write(connection, work));
    }

    <T> T read(String action, SqlTransaction.Work<T> work) {
        return locked(action, () -> SqlTransaction.read(connection, work));
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private <T> T locked(String action, SqlCall<T> call) {
        lock.lock();
        try {
            checkOpen();
            return call.call();
        } catch (SQLException e) {
            throw failure("cannot " + action + " in " + file, e);
        } finally {
            lock.unlock();
        }
    }

    /** Work over a connection of its own, handed one consistent snapshot of the store. */
    private interface SnapshotWork {
        void run(Connection c) throws SQLException;
    }

    private void readSnapshot(String failure, SnapshotWork work) {
        checkOpen();
        try (Connection own = connectAgain()) {
            SqlTransaction.read(
                    own,
                    c -> {
                        work.run(c);
                        return null;
                    });
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("store " + file + " is closed");
        }
    }

    static StoreException failure(String action, Exception e) {
        if (e instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
            return new StoreBusyException(
                    action
                            + ": the database is busy (another process kept it locked for over "
                            + BUSY_TIMEOUT_MS / 1000
                            + " s); try again",
                    e);
        }
        if (e instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_FULL.code) {
            return new StoreFullException(
                    action
                            + ": the disk holding the database is full; nothing of this was saved."
                            + " Free some space and try again",
                    e);
        }
        if (e instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code) {
            return new StoreReadOnlyException(
                    action + ": the database cannot be written (" + e.getMessage() + ")", e);
        }
        return new StoreException(action + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection, Exception pending) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            pending.addSuppressed(e);
        }
    }
}
