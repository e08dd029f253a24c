package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SQL text and parameters for the pair queries behind {@link PairQuery}. */
final class PairSql {
    final String sql;
    final List<Object> parameters;

    private PairSql(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /** Selects {@link PairTable#COLUMNS} in import order (bounded pages). */
    static PairSql select(PairQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql =
                "SELECT "
                        + PairTable.COLUMNS
                        + " FROM pair p"
                        + where(query, parameters)
                        + " ORDER BY p.dataset_id, p.position, p.id"
                        + limit(query);
        return new PairSql(sql, parameters);
    }

    /*
     * The streaming selects below force the import-order index, so that even a source filter never
     * makes SQLite sort (and copy) a whole dataset before handing out the first row.
     */

    /**
     * Selects pairs, then their dataset id, then the given model's {@link ScoreTable#COLUMNS score
     * columns} (all null without a score), in import order.
     */
    static PairSql selectWithScore(PairQuery query, long modelId) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(modelId);
        return selectInImportOrder(
                ", " + ScoreTable.COLUMNS,
                " LEFT JOIN score s ON s.pair_id = p.id AND s.model_id = ?",
                query,
                parameters);
    }

    /** Selects pairs, then their dataset id, in import order (no score columns). */
    static PairSql selectWithDatasetId(PairQuery query) {
        return selectInImportOrder("", "", query, new ArrayList<>());
    }

    /**
     * Selects the pairs a query selects, then their dataset id, then {@code moreColumns} from
     * {@code joins}, streaming in import order; {@code parameters} holds those of the joins.
     */
    private static PairSql selectInImportOrder(
            String moreColumns, String joins, PairQuery query, List<Object> parameters) {
        String sql =
                "SELECT "
                        + PairTable.COLUMNS
                        + ", p.dataset_id"
                        + moreColumns
                        + " FROM pair p INDEXED BY pair_by_dataset_position"
                        + joins
                        + where(query, parameters)
                        + " ORDER BY p.dataset_id, p.position, p.id"
                        + limit(query);
        return new PairSql(sql, parameters);
    }

    /**
     * Selects the annotations of the pairs a query selects, each row led by its pair's dataset id
     * and position, in the pairs' import order.
     */
    static PairSql selectAnnotations(PairQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql =
                "SELECT p.dataset_id, p.position, "
                        + AnnotationTable.COLUMNS
                        + " FROM pair p JOIN annotation a ON a.pair_id = p.id"
                        + where(query, parameters)
                        + " ORDER BY p.dataset_id, p.position, p.id, a.created_at_ms, a.id";
        return new PairSql(sql, parameters);
    }

    static PairSql count(PairQuery query) {
        List<Object> parameters = new ArrayList<>();
        return new PairSql("SELECT count(*) FROM pair p" + where(query, parameters), parameters);
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        try {
            bind(statement, parameters);
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    private static String where(PairQuery query, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1");
        query.filter().appendConditions(where, parameters);
        if (query.afterPosition() != Long.MIN_VALUE) {
            where.append(" AND p.position > ?");
            parameters.add(query.afterPosition());
        }
        return where.toString();
    }

    private static String limit(PairQuery query) {
        if (query.limit() == 0 && query.offset() == 0) {
            return "";
        }
        return " LIMIT " + (query.limit() == 0 ? -1 : query.limit()) + " OFFSET " + query.offset();
    }

    /**
     * Appends {@code prefix ?, ?, ... suffix} for the values, adding them to the parameters;
     * appends nothing for an empty collection.
     */
    static void appendIn(
            StringBuilder sql,
            String prefix,
            Collection<String> values,
            String suffix,
            List<Object> parameters) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(prefix);
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(suffix);
        parameters.addAll(values.stream().sorted().toList());
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Double number) {
                statement.setDouble(i + 1, number);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }
}
