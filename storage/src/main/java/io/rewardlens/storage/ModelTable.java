package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of the {@code model} table: registered reward models with what identifies a run. */
final class ModelTable {
    private ModelTable() {}

    /**
     * Registers a model, or finds the one with the same bundle hash, dtype, device, engine version
     * and template hash (renaming it if its name changed).
     */
    static StoredModel register(Connection c, RewardModelInfo model) throws SQLException {
        Optional<StoredModel> found = find(c, model);
        if (found.isPresent()) {
            long id = found.get().id();
            if (!model.name().equals(found.get().info().name())) {
                try (PreparedStatement rename =
                        c.prepareStatement("UPDATE model SET name = ? WHERE id = ?")) {
                    rename.setString(1, model.name());
                    rename.setLong(2, id);
                    rename.executeUpdate();
                }
            }
            return new StoredModel(id, model, found.get().registeredAt());
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement insert =
                c.prepareStatement(
                        "INSERT INTO model (bundle_hash, name, dtype, device, engine_version,"
                            + " template_hash, registered_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, model.bundleHash());
            insert.setString(2, model.name());
            insert.setString(3, model.dtype());
            insert.setString(4, model.device());
            insert.setString(5, model.engineVersion());
            insert.setString(6, model.templateHash());
            insert.setLong(7, now);
            insert.executeUpdate();
        }
        return new StoredModel(SqlRows.lastInsertId(c), model, Instant.ofEpochMilli(now));
    }

    /**
     * The registration of a model with the same bundle hash, dtype, device, engine version and
     * template hash, under the name it was registered with.
     */
    static Optional<StoredModel> find(Connection c, RewardModelInfo model) throws SQLException {
        try (PreparedStatement find =
                c.prepareStatement(
                        "SELECT id FROM model WHERE bundle_hash = ? AND dtype = ? AND device = ?"
                                + " AND engine_version = ? AND template_hash = ?")) {
            find.setString(1, model.bundleHash());
            find.setString(2, model.dtype());
            find.setString(3, model.device());
            find.setString(4, model.engineVersion());
            find.setString(5, model.templateHash());
            try (ResultSet rows = find.executeQuery()) {
                return rows.next()
                        ? list(c, rows.getLong(1)).stream().findFirst()
                        : Optional.empty();
            }
        }
    }

    /** Every registered model in registration order; only the one with this id unless null. */
    static List<StoredModel> list(Connection c, Long onlyId) throws SQLException {
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

    /** The models that scored a pair of the datasets (empty: any), in registration order. */
    static List<StoredModel> scored(Connection c, Set<String> datasets) throws SQLException {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT m.id FROM model m WHERE EXISTS (SELECT 1 FROM score s JOIN pair p"
                                + " ON p.id = s.pair_id WHERE s.model_id = m.id AND "
                                + DatasetTable.PAIR_IS_VISIBLE);
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
        for (StoredModel model : list(c, null)) {
            if (ids.contains(model.id())) {
                scored.add(model);
            }
        }
        return scored;
    }
}
