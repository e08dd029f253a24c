package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The SQL of the {@code score} table: each model's score of each pair, with provenance. */
final class ScoreTable {
    /** The columns {@link #scoreFrom} reads, over the table aliased {@code s}. */
    static final String COLUMNS =
            "s.pair_id, s.model_id, s.chosen_score, s.rejected_score, s.chosen_token_scores,"
                    + " s.rejected_token_scores, s.bundle_hash, s.dtype, s.device, s.template_hash,"
                    + " s.truncated, s.scored_at_ms";

    private static final String UPSERT =
            "INSERT INTO score (pair_id, model_id, chosen_score, rejected_score,"
                    + " chosen_token_scores, rejected_token_scores, bundle_hash, dtype, device,"
                    + " template_hash, truncated, scored_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?) ON CONFLICT (pair_id, model_id) DO UPDATE SET chosen_score ="
                    + " excluded.chosen_score, rejected_score = excluded.rejected_score,"
                    + " chosen_token_scores = excluded.chosen_token_scores,"
                    + " rejected_token_scores = excluded.rejected_token_scores, bundle_hash ="
                    + " excluded.bundle_hash, dtype = excluded.dtype, device = excluded.device,"
                    + " template_hash = excluded.template_hash, truncated = excluded.truncated,"
                    + " scored_at_ms = excluded.scored_at_ms";

    private ScoreTable() {}

    /**
     * Saves scores, replacing earlier scores of the same pairs by the same models.
     *
     * @throws StoreException if a pair or model does not exist
     */
    static void saveAll(Connection c, Collection<PairScore> scores) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
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
                    if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
                        throw new StoreException(
                                "cannot save the score of pair %d by model %d: no such pair or model"
                                        .formatted(score.pairId(), score.modelId()),
                                e);
                    }
                    throw e;
                }
            }
        }
    }

    /** The score a model gave a pair, if it scored it. */
    static Optional<PairScore> find(Connection c, long pairId, long modelId) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement(
                        "SELECT "
                                + COLUMNS
                                + " FROM score s WHERE s.pair_id = ? AND s.model_id = ?")) {
            query.setLong(1, pairId);
            query.setLong(2, modelId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(scoreFrom(rows, 1)) : Optional.empty();
            }
        }
    }

    /** Hands every score one model gave to pairs of the datasets (empty: all) in pair id order. */
    static void forEach(
            Connection c, long modelId, Set<String> datasets, Consumer<? super PairScore> action)
            throws SQLException {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT "
                                + COLUMNS
                                + " FROM score s WHERE s.model_id = ? AND "
                                + DatasetTable.pairIdIsVisible("s.pair_id"));
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
        try (PreparedStatement statement = c.prepareStatement(sql.toString())) {
            PairSql.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(scoreFrom(rows, 1));
                }
            }
        }
    }

    /** Reads the {@link #COLUMNS} starting at column {@code first}. */
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
