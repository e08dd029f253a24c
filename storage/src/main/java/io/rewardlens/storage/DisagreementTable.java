package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL over the {@code disagreement} view (derived from the {@code score}, {@code pair} and
 * {@code annotation} tables): where a model prefers the side the label or a human rejected.
 */
final class DisagreementTable {
    private DisagreementTable() {}

    /** See {@link PreferenceStore#disagreements}. */
    static List<Disagreement> list(Connection c, DisagreementQuery query) throws SQLException {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT d.expected_side, s.chosen_score, s.rejected_score,"
                                + " d.wrongness, d.annotation_id, a.annotator, "
                                + PairTable.COLUMNS
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
                    query.kinds().iterator().next() == DisagreementKind.LABEL ? "label" : "human");
        }
        query.pairs().appendConditions(sql, parameters);
        PairSql.appendIn(
                sql,
                " AND EXISTS (SELECT 1 FROM annotation t, json_each(t.tags) tag WHERE"
                        + " t.pair_id = p.id AND tag.value IN (",
                query.tags(),
                "))",
                parameters);
        if (query.filtersLength()) {
            for (String side : List.of("p.chosen", "p.rejected")) {
                sql.append(" AND ").append(completionLengthSql(side)).append(" BETWEEN ? AND ?");
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
                PreparedStatement annotationsOfPair = c.prepareStatement(AnnotationTable.OF_PAIR)) {
            PairSql.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long annotationId = rows.getLong(5);
                    boolean human = !rows.wasNull();
                    StoredPair pair = PairTable.pairFrom(rows, 7);
                    disagreements.add(
                            new Disagreement(
                                    pair,
                                    query.modelId(),
                                    human ? DisagreementKind.HUMAN : DisagreementKind.LABEL,
                                    Side.fromStoredName(rows.getString(1)),
                                    rows.getDouble(2),
                                    rows.getDouble(3),
                                    rows.getDouble(4),
                                    pair.pair().completionLength(Side.CHOSEN),
                                    pair.pair().completionLength(Side.REJECTED),
                                    human ? annotationId : null,
                                    rows.getString(6),
                                    AnnotationTable.ofPair(annotationsOfPair, pair.id())));
                }
            }
        }
        return disagreements;
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
}
