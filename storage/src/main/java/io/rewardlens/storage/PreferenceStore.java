package io.rewardlens.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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

    static final String PAIR_COLUMNS =
            "p.id, (SELECT name FROM dataset WHERE id = p.dataset_id), p.source, p.position,"
                    + " p.prompt, p.chosen, p.rejected, p.diverging, p.metadata, p.parent_pair_id";

    private static final String ANNOTATION_COLUMNS =
            "a.id, a.pair_id, a.annotator, a.verdict, a.strength, a.tags, a.rationale,"
                    + " a.displayed_as_a, a.time_taken_ms, a.created_at_ms";

    private static final String ANNOTATIONS_OF_PAIR =
            "SELECT "
                    + ANNOTATION_COLUMNS
                    + " FROM annotation a WHERE a.pair_id = ? ORDER BY a.created_at_ms, a.id";

    private static final String SCORE_COLUMNS =
            "s.pair_id, s.model_id, s.chosen_score, s.rejected_score, s.chosen_token_scores,"
                    + " s.rejected_token_scores, s.bundle_hash, s.dtype, s.device, s.template_hash,"
                    + " s.truncated, s.scored_at_ms";

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final StoredScoreCache scoreCache;
    private boolean closed;

    private PreferenceStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.scoreCache = new StoredScoreCache(this);
    }

    /**
     * Opens the store in {@code file}, creating the file and its schema if it does not exist yet
     * and migrating an older schema to the current one.
     *
     * @throws StoreException if the folder does not exist, the file is not a RewardLens store, it
     *     was written by a newer version, or SQLite cannot open it
     */
    public static PreferenceStore open(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new StoreException("cannot open store " + absolute + ": folder does not exist");
        }
        Connection connection = null;
        try {
            connection = connect(absolute);
            SchemaMigrations.migrate(connection, absolute.toString());
            return new PreferenceStore(absolute, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw failure("cannot open store " + absolute, e);
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
        return read("list datasets", c -> datasetSummaries(c, null));
    }

    /** The dataset with this name, if there is one. */
    public Optional<DatasetSummary> dataset(String name) {
        return read("read dataset " + name, c -> datasetSummaries(c, name).stream().findFirst());
    }

    /**
     * Creates an empty dataset, for example to hold hand-made or edited pairs.
     *
     * @throws DatasetExistsException if the name is taken
     */
    public DatasetSummary createDataset(String name, String origin) {
        return write(
                "create dataset " + name,
                c -> {
                    long id = insertDataset(c, name, origin);
                    return new DatasetSummary(
                            id, name, origin, Instant.ofEpochMilli(createdAt(c, id)), 0, 0, 0);
                });
    }

    /**
     * Deletes a dataset with its pairs and their annotations and scores.
     *
     * @return whether there was such a dataset
     */
    public boolean deleteDataset(String name) {
        return write(
                "delete dataset " + name,
                c -> {
                    try (PreparedStatement delete =
                            c.prepareStatement("DELETE FROM dataset WHERE name = ?")) {
                        delete.setString(1, name);
                        return delete.executeUpdate() > 0;
                    }
                });
    }

    /**
     * Renames a dataset; its pairs, annotations and scores stay with it.
     *
     * @return whether there was a dataset named {@code oldName}
     * @throws DatasetExistsException if {@code newName} is taken (by another dataset)
     */
    public boolean renameDataset(String oldName, String newName) {
        return write(
                "rename dataset " + oldName,
                c -> {
                    if (oldName.equals(newName)) {
                        return datasetSummaries(c, oldName).size() == 1;
                    }
                    if (!datasetSummaries(c, newName).isEmpty()) {
                        throw new DatasetExistsException(newName);
                    }
                    try (PreparedStatement rename =
                            c.prepareStatement("UPDATE dataset SET name = ? WHERE name = ?")) {
                        rename.setString(1, newName);
                        rename.setString(2, oldName);
                        return rename.executeUpdate() > 0;
                    }
                });
    }

    /**
     * Starts a bulk import into a new dataset. The import writes through a connection of its own,
     * in one transaction that holds the store's write lock until {@link PairImport#commit()} or
     * {@link PairImport#close()}: other writers wait (and time out after ten seconds) meanwhile,
     * readers go on seeing the store as it was.
     *
     * @param datasetName the new dataset's name
     * @param origin where the pairs come from (usually the file name), or null
     * @throws DatasetExistsException if the name is taken
     */
    public PairImport beginImport(String datasetName, String origin) {
        checkOpen();
        try {
            return new PairImport(connect(file), datasetName, origin);
        } catch (SQLException e) {
            throw failure("cannot start importing into " + datasetName, e);
        }
    }

    static long insertDataset(Connection c, String name, String origin) throws SQLException {
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
        return lastInsertId(c);
    }

    private static long createdAt(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement("SELECT created_at_ms FROM dataset WHERE id = ?")) {
            query.setLong(1, datasetId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<DatasetSummary> datasetSummaries(Connection c, String onlyName)
            throws SQLException {
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

    // ---------------------------------------------------------------- pairs

    /**
     * Adds one pair to an existing dataset, for example an edited variant of another pair (see
     * {@link PreferencePair#withParent}).
     *
     * @throws StoreException if the dataset or the parent pair does not exist
     */
    public StoredPair addPair(String dataset, PreferencePair pair) {
        return write(
                "add a pair to " + dataset,
                c -> {
                    long datasetId = datasetId(c, dataset);
                    if (pair.parentPairId() != null && !pairExists(c, pair.parentPairId())) {
                        throw new StoreException("no pair with id " + pair.parentPairId());
                    }
                    try (PreparedStatement insert = c.prepareStatement(PairImport.INSERT_PAIR)) {
                        PairImport.bind(insert, datasetId, pair);
                        insert.executeUpdate();
                    }
                    return new StoredPair(lastInsertId(c), dataset, pair);
                });
    }

    /** The pair with this id, if there is one. */
    public Optional<StoredPair> pair(long pairId) {
        return read(
                "read pair " + pairId,
                c -> {
                    try (PreparedStatement query =
                            c.prepareStatement(
                                    "SELECT " + PAIR_COLUMNS + " FROM pair p WHERE p.id = ?")) {
                        query.setLong(1, pairId);
                        try (ResultSet rows = query.executeQuery()) {
                            return rows.next() ? Optional.of(pairFrom(rows, 1)) : Optional.empty();
                        }
                    }
                });
    }

    /** The pairs a query selects, in import order (see {@link PairQuery}). */
    public List<StoredPair> pairs(PairQuery query) {
        List<StoredPair> pairs = new ArrayList<>();
        read(
                "query pairs",
                c -> {
                    PairSql sql = PairSql.select(query);
                    try (PreparedStatement statement = sql.prepare(c);
                            ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            pairs.add(pairFrom(rows, 1));
                        }
                    }
                    return null;
                });
        return pairs;
    }

    /** How many pairs a query selects (ignoring its limit and offset). */
    public long countPairs(PairQuery query) {
        return read(
                "count pairs",
                c -> {
                    PairSql sql = PairSql.count(query);
                    try (PreparedStatement statement = sql.prepare(c);
                            ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                });
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
                c -> {
                    try (PreparedStatement query =
                            c.prepareStatement(
                                    "SELECT "
                                            + PAIR_COLUMNS
                                            + " FROM pair p WHERE p.dataset_id = (SELECT id FROM"
                                            + " dataset WHERE name = ?) AND (p.position, p.id) >"
                                            + " (?, ?) AND NOT EXISTS (SELECT 1 FROM annotation a"
                                            + " WHERE a.pair_id = p.id) ORDER BY p.position, p.id"
                                            + " LIMIT 1")) {
                        query.setString(1, dataset);
                        query.setLong(2, afterPosition);
                        query.setLong(3, afterPairId);
                        try (ResultSet rows = query.executeQuery()) {
                            return rows.next() ? Optional.of(pairFrom(rows, 1)) : Optional.empty();
                        }
                    }
                });
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
        checkOpen();
        try (Connection own = connect(file)) {
            SqlTransaction.read(
                    own,
                    c -> {
                        PairDetailsReader.stream(c, query, modelId, action);
                        return null;
                    });
        } catch (SQLException e) {
            throw failure("cannot read pairs from " + file, e);
        }
    }

    // ---------------------------------------------------------------- annotations

    /**
     * Saves a verdict. An annotator has one verdict per pair: saving again for the same pair and
     * annotator replaces the earlier one (and keeps its id).
     *
     * @return the saved annotation with its id, for undo ({@link #deleteAnnotation})
     * @throws StoreException if the pair does not exist
     */
    public StoredAnnotation saveAnnotation(Annotation annotation) {
        return write(
                "save the annotation of pair " + annotation.pairId(),
                c -> {
                    if (!pairExists(c, annotation.pairId())) {
                        throw new StoreException("no pair with id " + annotation.pairId());
                    }
                    Long existing = null;
                    try (PreparedStatement find =
                            c.prepareStatement(
                                    "SELECT id FROM annotation WHERE pair_id = ? AND annotator"
                                            + " = ?")) {
                        find.setLong(1, annotation.pairId());
                        find.setString(2, annotation.annotator());
                        try (ResultSet rows = find.executeQuery()) {
                            if (rows.next()) {
                                existing = rows.getLong(1);
                            }
                        }
                    }
                    String sql =
                            existing == null
                                    ? "INSERT INTO annotation (pair_id, annotator, verdict,"
                                          + " strength, tags, rationale, displayed_as_a,"
                                          + " time_taken_ms, created_at_ms) VALUES (?, ?, ?, ?, ?,"
                                          + " ?, ?, ?, ?)"
                                    : "UPDATE annotation SET pair_id = ?, annotator = ?, verdict ="
                                          + " ?, strength = ?, tags = ?, rationale = ?,"
                                          + " displayed_as_a = ?, time_taken_ms = ?, created_at_ms"
                                          + " = ? WHERE id = ?";
                    try (PreparedStatement statement = c.prepareStatement(sql)) {
                        statement.setLong(1, annotation.pairId());
                        statement.setString(2, annotation.annotator());
                        statement.setString(3, annotation.verdict().name());
                        if (annotation.strength() == null) {
                            statement.setNull(4, Types.INTEGER);
                        } else {
                            statement.setInt(4, annotation.strength());
                        }
                        statement.setString(5, StringListJson.write(annotation.tags()));
                        statement.setString(6, annotation.rationale());
                        statement.setString(7, annotation.displayedAsA().storedName());
                        statement.setLong(8, annotation.timeTakenMs());
                        statement.setLong(9, annotation.createdAt().toEpochMilli());
                        if (existing != null) {
                            statement.setLong(10, existing);
                        }
                        statement.executeUpdate();
                    }
                    long id = existing != null ? existing : lastInsertId(c);
                    return new StoredAnnotation(id, annotation);
                });
    }

    /**
     * Deletes an annotation (undo).
     *
     * @return whether it existed
     */
    public boolean deleteAnnotation(long annotationId) {
        return write(
                "delete annotation " + annotationId,
                c -> {
                    try (PreparedStatement delete =
                            c.prepareStatement("DELETE FROM annotation WHERE id = ?")) {
                        delete.setLong(1, annotationId);
                        return delete.executeUpdate() > 0;
                    }
                });
    }

    /** The annotations of a pair, oldest first. */
    public List<StoredAnnotation> annotations(long pairId) {
        return read(
                "read the annotations of pair " + pairId,
                c -> {
                    try (PreparedStatement query = c.prepareStatement(ANNOTATIONS_OF_PAIR)) {
                        return annotations(query, pairId);
                    }
                });
    }

    // ---------------------------------------------------------------- models and scores

    /**
     * Registers a model, or finds it if a model with the same bundle hash, dtype, device, engine
     * version and template hash is registered already (its name is then updated).
     */
    public StoredModel registerModel(RewardModelInfo model) {
        return write(
                "register model " + model.name(),
                c -> {
                    try (PreparedStatement find =
                            c.prepareStatement(
                                    "SELECT id, registered_at_ms, name FROM model WHERE bundle_hash"
                                        + " = ? AND dtype = ? AND device = ? AND engine_version = ?"
                                        + " AND template_hash = ?")) {
                        find.setString(1, model.bundleHash());
                        find.setString(2, model.dtype());
                        find.setString(3, model.device());
                        find.setString(4, model.engineVersion());
                        find.setString(5, model.templateHash());
                        try (ResultSet rows = find.executeQuery()) {
                            if (rows.next()) {
                                long id = rows.getLong(1);
                                Instant registered = Instant.ofEpochMilli(rows.getLong(2));
                                if (!model.name().equals(rows.getString(3))) {
                                    try (PreparedStatement rename =
                                            c.prepareStatement(
                                                    "UPDATE model SET name = ? WHERE id = ?")) {
                                        rename.setString(1, model.name());
                                        rename.setLong(2, id);
                                        rename.executeUpdate();
                                    }
                                }
                                return new StoredModel(id, model, registered);
                            }
                        }
                    }
                    long now = System.currentTimeMillis();
                    try (PreparedStatement insert =
                            c.prepareStatement(
                                    "INSERT INTO model (bundle_hash, name, dtype, device,"
                                            + " engine_version, template_hash, registered_at_ms)"
                                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, model.bundleHash());
                        insert.setString(2, model.name());
                        insert.setString(3, model.dtype());
                        insert.setString(4, model.device());
                        insert.setString(5, model.engineVersion());
                        insert.setString(6, model.templateHash());
                        insert.setLong(7, now);
                        insert.executeUpdate();
                    }
                    return new StoredModel(lastInsertId(c), model, Instant.ofEpochMilli(now));
                });
    }

    /** Every registered model, in registration order. */
    public List<StoredModel> models() {
        return read("list models", c -> models(c, null));
    }

    /** The registered model with this id, if there is one. */
    public Optional<StoredModel> model(long modelId) {
        return read("read model " + modelId, c -> models(c, modelId).stream().findFirst());
    }

    private static List<StoredModel> models(Connection c, Long onlyId) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement(
                        "SELECT id, bundle_hash, name, dtype, device, engine_version,"
                                + " template_hash, registered_at_ms FROM model"
                                + (onlyId == null ? "" : " WHERE id = ?")
                                + " ORDER BY id")) {
            if (onlyId != null) {
                query.setLong(1, onlyId);
            }
            List<StoredModel> models = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    models.add(
                            new StoredModel(
                                    rows.getLong(1),
                                    new RewardModelInfo(
                                            rows.getString(2),
                                            rows.getString(3),
                                            rows.getString(4),
                                            rows.getString(5),
                                            rows.getString(6),
                                            rows.getString(7)),
                                    Instant.ofEpochMilli(rows.getLong(8))));
                }
            }
            return models;
        }
    }

    /**
     * The registered models that scored at least one pair of the given datasets, in registration
     * order: the models a report covers by default.
     *
     * @param datasets dataset names; empty means every dataset
     */
    public List<StoredModel> scoredModels(Set<String> datasets) {
        return read(
                "list scored models",
                c -> {
                    StringBuilder sql =
                            new StringBuilder(
                                    "SELECT m.id FROM model m WHERE EXISTS (SELECT 1 FROM score s"
                                            + " JOIN pair p ON p.id = s.pair_id WHERE s.model_id ="
                                            + " m.id");
                    List<Object> parameters = new ArrayList<>();
                    PairSql.appendIn(
                            sql,
                            " AND p.dataset_id IN (SELECT id FROM dataset WHERE name IN (",
                            datasets,
                            "))",
                            parameters);
                    sql.append(") ORDER BY m.id");
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement statement = c.prepareStatement(sql.toString())) {
                        PairSql.bind(statement, parameters);
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                ids.add(rows.getLong(1));
                            }
                        }
                    }
                    List<StoredModel> scored = new ArrayList<>();
                    for (StoredModel model : models(c, null)) {
                        if (ids.contains(model.id())) {
                            scored.add(model);
                        }
                    }
                    return scored;
                });
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
        checkOpen();
        StringBuilder sql =
                new StringBuilder("SELECT " + SCORE_COLUMNS + " FROM score s WHERE s.model_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(modelId);
        PairSql.appendIn(
                sql,
                " AND s.pair_id IN (SELECT p.id FROM pair p WHERE p.dataset_id IN (SELECT id FROM"
                        + " dataset WHERE name IN (",
                datasets,
                ")))",
                parameters);
        sql.append(" ORDER BY s.pair_id");
        try (Connection own = connect(file)) {
            SqlTransaction.read(
                    own,
                    c -> {
                        try (PreparedStatement statement = c.prepareStatement(sql.toString())) {
                            PairSql.bind(statement, parameters);
                            try (ResultSet rows = statement.executeQuery()) {
                                while (rows.next()) {
                                    action.accept(scoreFrom(rows, 1));
                                }
                            }
                        }
                        return null;
                    });
        } catch (SQLException e) {
            throw failure("cannot read the scores of model " + modelId + " from " + file, e);
        }
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
                    try (PreparedStatement upsert =
                            c.prepareStatement(
                                    "INSERT INTO score (pair_id, model_id, chosen_score,"
                                        + " rejected_score, chosen_token_scores,"
                                        + " rejected_token_scores, bundle_hash, dtype, device,"
                                        + " template_hash, truncated, scored_at_ms) VALUES (?, ?,"
                                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pair_id,"
                                        + " model_id) DO UPDATE SET chosen_score ="
                                        + " excluded.chosen_score, rejected_score ="
                                        + " excluded.rejected_score, chosen_token_scores ="
                                        + " excluded.chosen_token_scores, rejected_token_scores ="
                                        + " excluded.rejected_token_scores, bundle_hash ="
                                        + " excluded.bundle_hash, dtype = excluded.dtype, device ="
                                        + " excluded.device, template_hash ="
                                        + " excluded.template_hash, truncated = excluded.truncated,"
                                        + " scored_at_ms = excluded.scored_at_ms")) {
                        for (PairScore score : scores) {
                            ScoreProvenance provenance = score.provenance();
                            upsert.setLong(1, score.pairId());
                            upsert.setLong(2, score.modelId());
                            upsert.setDouble(3, score.chosenScore());
                            upsert.setDouble(4, score.rejectedScore());
                            upsert.setBytes(5, FloatBlobs.encode(score.chosenTokenScores()));
                            upsert.setBytes(6, FloatBlobs.encode(score.rejectedTokenScores()));
                            upsert.setString(7, provenance.bundleHash());
                            upsert.setString(8, provenance.dtype());
                            upsert.setString(9, provenance.device());
                            upsert.setString(10, provenance.templateHash());
                            upsert.setInt(11, provenance.truncated() ? 1 : 0);
                            upsert.setLong(12, provenance.scoredAt().toEpochMilli());
                            try {
                                upsert.executeUpdate();
                            } catch (SQLiteException e) {
                                if (e.getResultCode()
                                        == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
                                    throw new StoreException(
                                            "cannot save the score of pair %d by model %d: no such pair or model"
                                                    .formatted(score.pairId(), score.modelId()),
                                            e);
                                }
                                throw e;
                            }
                        }
                    }
                    return null;
                });
    }

    /** The score a model gave a pair, if it scored it. */
    public Optional<PairScore> score(long pairId, long modelId) {
        return read(
                "read the score of pair " + pairId,
                c -> {
                    try (PreparedStatement query =
                            c.prepareStatement(
                                    "SELECT "
                                            + SCORE_COLUMNS
                                            + " FROM score s WHERE s.pair_id = ? AND s.model_id"
                                            + " = ?")) {
                        query.setLong(1, pairId);
                        query.setLong(2, modelId);
                        try (ResultSet rows = query.executeQuery()) {
                            return rows.next()
                                    ? Optional.of(scoreFrom(rows, 1))
                                    : Optional.<PairScore>empty();
                        }
                    }
                });
    }

    /**
     * Pairs where the model prefers the side the dataset label or a human verdict rejected, most
     * confidently wrong first (ties broken by pair id, then annotation id), with the columns of the
     * disagreement queue: both scores, completion lengths and the pair's human verdicts.
     */
    public List<Disagreement> disagreements(DisagreementQuery query) {
        return read(
                "list disagreements of model " + query.modelId(),
                c -> {
                    StringBuilder sql =
                            new StringBuilder(
                                    "SELECT d.expected_side, s.chosen_score, s.rejected_score,"
                                            + " d.wrongness, d.annotation_id, a.annotator, "
                                            + PAIR_COLUMNS
                                            + " FROM disagreement d JOIN pair p ON p.id = d.pair_id"
                                            + " JOIN score s ON s.pair_id = d.pair_id AND"
                                            + " s.model_id = d.model_id"
                                            + " LEFT JOIN annotation a ON a.id = d.annotation_id"
                                            + " WHERE d.model_id = ? AND d.wrongness >= ?");
                    List<Object> parameters = new ArrayList<>();
                    parameters.add(query.modelId());
                    parameters.add(query.minWrongness());
                    if (query.kinds().size() == 1) {
                        sql.append(" AND d.against = ?");
                        parameters.add(
                                query.kinds().iterator().next() == DisagreementKind.LABEL
                                        ? "label"
                                        : "human");
                    }
                    PairSql.appendIn(
                            sql,
                            " AND p.dataset_id IN (SELECT id FROM dataset WHERE name IN (",
                            query.datasets(),
                            "))",
                            parameters);
                    PairSql.appendIn(sql, " AND p.source IN (", query.sources(), ")", parameters);
                    PairSql.appendIn(
                            sql,
                            " AND EXISTS (SELECT 1 FROM annotation t, json_each(t.tags) tag WHERE"
                                    + " t.pair_id = p.id AND tag.value IN (",
                            query.tags(),
                            "))",
                            parameters);
                    if (query.filtersLength()) {
                        for (String side : List.of("p.chosen", "p.rejected")) {
                            sql.append(" AND ")
                                    .append(completionLengthSql(side))
                                    .append(" BETWEEN ? AND ?");
                            parameters.add((long) query.minLength());
                            parameters.add((long) query.maxLength());
                        }
                    }
                    sql.append(" ORDER BY d.wrongness DESC, p.id, d.annotation_id");
                    if (query.limit() > 0 || query.offset() > 0) {
                        sql.append(" LIMIT ")
                                .append(query.limit() == 0 ? -1 : query.limit())
                                .append(" OFFSET ")
                                .append(query.offset());
                    }
                    List<Disagreement> disagreements = new ArrayList<>();
                    try (PreparedStatement statement = c.prepareStatement(sql.toString());
                            PreparedStatement annotationsOfPair =
                                    c.prepareStatement(ANNOTATIONS_OF_PAIR)) {
                        PairSql.bind(statement, parameters);
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                long annotationId = rows.getLong(5);
                                boolean human = !rows.wasNull();
                                StoredPair pair = pairFrom(rows, 7);
                                disagreements.add(
                                        new Disagreement(
                                                pair,
                                                query.modelId(),
                                                human
                                                        ? DisagreementKind.HUMAN
                                                        : DisagreementKind.LABEL,
                                                Side.fromStoredName(rows.getString(1)),
                                                rows.getDouble(2),
                                                rows.getDouble(3),
                                                rows.getDouble(4),
                                                pair.pair().completionLength(Side.CHOSEN),
                                                pair.pair().completionLength(Side.REJECTED),
                                                human ? annotationId : null,
                                                rows.getString(6),
                                                annotations(annotationsOfPair, pair.id())));
                            }
                        }
                    }
                    return disagreements;
                });
    }

    /**
     * SQL for the characters in the completion turns of a message list column, counted as {@link
     * PreferencePair#completionLength} counts them. (SQLite's {@code length} stops at a NUL
     * character, so a text holding one counts shorter here; real chat text has none.)
     */
    private static String completionLengthSql(String column) {
        return "(SELECT coalesce(sum(length(json_extract(m.value, '$.content'))), 0) FROM"
                + " json_each("
                + column
                + ") m)";
    }

    private static List<StoredAnnotation> annotations(PreparedStatement query, long pairId)
            throws SQLException {
        query.setLong(1, pairId);
        List<StoredAnnotation> annotations = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                annotations.add(annotationFrom(rows, 1));
            }
        }
        return annotations;
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
        return read(
                "read setting " + key,
                c -> {
                    try (PreparedStatement query =
                            c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                        query.setString(1, key);
                        try (ResultSet rows = query.executeQuery()) {
                            return rows.next()
                                    ? Optional.of(rows.getString(1))
                                    : Optional.<String>empty();
                        }
                    }
                });
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
                    String sql =
                            value == null
                                    ? "DELETE FROM setting WHERE key = ?"
                                    : "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT"
                                            + " (key) DO UPDATE SET value = excluded.value";
                    try (PreparedStatement statement = c.prepareStatement(sql)) {
                        statement.setString(1, key);
                        if (value != null) {
                            statement.setString(2, value);
                        }
                        statement.executeUpdate();
                    }
                    return null;
                });
    }

    // ---------------------------------------------------------------- stats

    /** Counts of what the store holds: datasets, pairs, annotations, scores, per dataset/source. */
    public StoreStats stats() {
        return read(
                "read statistics",
                c -> {
                    List<DatasetSummary> perDataset = datasetSummaries(c, null);
                    List<SourceSummary> perSource = new ArrayList<>();
                    try (Statement statement = c.createStatement();
                            ResultSet rows =
                                    statement.executeQuery(
                                            "SELECT p.source, count(*), sum(EXISTS (SELECT 1 FROM"
                                                    + " annotation a WHERE a.pair_id = p.id)),"
                                                    + " sum(EXISTS (SELECT 1 FROM score s WHERE"
                                                    + " s.pair_id = p.id)) FROM pair p GROUP BY"
                                                    + " p.source ORDER BY p.source")) {
                        while (rows.next()) {
                            perSource.add(
                                    new SourceSummary(
                                            rows.getString(1),
                                            rows.getLong(2),
                                            rows.getLong(3),
                                            rows.getLong(4)));
                        }
                    }
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
                            count(c, "SELECT count(*) FROM annotation"),
                            scored,
                            count(c, "SELECT count(*) FROM model"),
                            count(c, "SELECT count(*) FROM score_cache"),
                            perDataset,
                            perSource);
                });
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
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

    static long lastInsertId(Connection c) throws SQLException {
        return count(c, "SELECT last_insert_rowid()");
    }

    private static long datasetId(Connection c, String name) throws SQLException {
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

    private static boolean pairExists(Connection c, long pairId) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM pair WHERE id = ?")) {
            find.setLong(1, pairId);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Reads the {@link #PAIR_COLUMNS} starting at column {@code first}. */
    static StoredPair pairFrom(ResultSet rows, int first) throws SQLException {
        long id = rows.getLong(first);
        String dataset = rows.getString(first + 1);
        String source = rows.getString(first + 2);
        long position = rows.getLong(first + 3);
        // Texts are decoded only when someone reads them (see StoredMessageList).
        List<ChatMessage> prompt = new StoredMessageList(rows.getBytes(first + 4));
        List<ChatMessage> chosen = new StoredMessageList(rows.getBytes(first + 5));
        List<ChatMessage> rejected = new StoredMessageList(rows.getBytes(first + 6));
        boolean diverging = rows.getInt(first + 7) != 0;
        String metadata = rows.getString(first + 8);
        long parent = rows.getLong(first + 9);
        Long parentId = rows.wasNull() ? null : parent;
        return new StoredPair(
                id,
                dataset,
                new PreferencePair(
                        source, position, prompt, chosen, rejected, diverging, metadata, parentId));
    }

    static String annotationColumns() {
        return ANNOTATION_COLUMNS;
    }

    static String scoreColumns() {
        return SCORE_COLUMNS;
    }

    /** Reads the annotation columns starting at column {@code first}. */
    static StoredAnnotation annotationFrom(ResultSet rows, int first) throws SQLException {
        long id = rows.getLong(first);
        long pairId = rows.getLong(first + 1);
        String annotator = rows.getString(first + 2);
        Verdict verdict = Verdict.valueOf(rows.getString(first + 3));
        int strength = rows.getInt(first + 4);
        Integer strengthOrNull = rows.wasNull() ? null : strength;
        List<String> tags = StringListJson.read(rows.getString(first + 5));
        String rationale = rows.getString(first + 6);
        Side displayedAsA = Side.fromStoredName(rows.getString(first + 7));
        long timeTaken = rows.getLong(first + 8);
        Instant createdAt = Instant.ofEpochMilli(rows.getLong(first + 9));
        return new StoredAnnotation(
                id,
                new Annotation(
                        pairId,
                        annotator,
                        verdict,
                        strengthOrNull,
                        tags,
                        rationale,
                        displayedAsA,
                        timeTaken,
                        createdAt));
    }

    /** Reads the score columns starting at column {@code first}. */
    static PairScore scoreFrom(ResultSet rows, int first) throws SQLException {
        return new PairScore(
                rows.getLong(first),
                rows.getLong(first + 1),
                rows.getDouble(first + 2),
                rows.getDouble(first + 3),
                FloatBlobs.decode(rows.getBytes(first + 4)),
                FloatBlobs.decode(rows.getBytes(first + 5)),
                new ScoreProvenance(
                        rows.getString(first + 6),
                        rows.getString(first + 7),
                        rows.getString(first + 8),
                        rows.getString(first + 9),
                        rows.getInt(first + 10) != 0,
                        Instant.ofEpochMilli(rows.getLong(first + 11))));
    }
}
