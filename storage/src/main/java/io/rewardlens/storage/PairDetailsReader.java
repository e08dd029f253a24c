package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams pairs with their annotations and one model's score. Pairs and annotations are read by two
 * queries in the same order (dataset, position, pair id) and merged, so nothing but the current
 * pair's rows is held in memory however large the dataset.
 */
final class PairDetailsReader {
    private PairDetailsReader() {}

    static void stream(
            Connection c, PairQuery query, Long modelId, Consumer<? super PairDetails> action)
            throws SQLException {
        PairSql pairs =
                modelId == null
                        ? PairSql.selectWithDatasetId(query)
                        : PairSql.selectWithScore(query, modelId);
        // Unannotated by everybody: there are no annotations to read.
        boolean wantAnnotations =
                query.filter().annotation() != AnnotationState.UNANNOTATED
                        || !query.filter().annotators().isEmpty();
        try (PreparedStatement pairStatement = pairs.prepare(c);
                PreparedStatement annotationStatement =
                        wantAnnotations ? PairSql.selectAnnotations(query).prepare(c) : null;
                ResultSet pairRows = pairStatement.executeQuery();
                ResultSet annotationRows =
                        wantAnnotations ? annotationStatement.executeQuery() : null) {
            AnnotationCursor annotations = new AnnotationCursor(annotationRows);
            int columns = 10;
            while (pairRows.next()) {
                StoredPair pair = PairTable.pairFrom(pairRows, 1);
                long datasetId = pairRows.getLong(columns + 1);
                Optional<PairScore> score = Optional.empty();
                if (modelId != null) {
                    pairRows.getLong(columns + 2);
                    if (!pairRows.wasNull()) {
                        score = Optional.of(ScoreTable.scoreFrom(pairRows, columns + 2));
                    }
                }
                List<StoredAnnotation> found =
                        annotations.takeFor(datasetId, pair.pair().position(), pair.id());
                action.accept(new PairDetails(pair, found, score));
            }
        }
    }

    /** Walks annotation rows ordered like the pairs, handing out those of each pair in turn. */
    private static final class AnnotationCursor {
        private final ResultSet rows;
        private boolean hasRow;
        private long datasetId;
        private long position;
        private StoredAnnotation annotation;

        AnnotationCursor(ResultSet rows) throws SQLException {
            this.rows = rows;
            advance();
        }

        private void advance() throws SQLException {
            hasRow = rows != null && rows.next();
            if (hasRow) {
                datasetId = rows.getLong(1);
                position = rows.getLong(2);
                annotation = AnnotationTable.annotationFrom(rows, 3);
            }
        }

        List<StoredAnnotation> takeFor(long pairDataset, long pairPosition, long pairId)
                throws SQLException {
            // Skip annotations of pairs the pair query passed over (offset).
            while (hasRow && compare(pairDataset, pairPosition, pairId) < 0) {
                advance();
            }
            List<StoredAnnotation> found = new ArrayList<>(0);
            while (hasRow && annotation.annotation().pairId() == pairId) {
                found.add(annotation);
                advance();
            }
            return found;
        }

        /** Compares the current annotation's pair with the given pair, in import order. */
        private int compare(long pairDataset, long pairPosition, long pairId) {
            int byDataset = Long.compare(datasetId, pairDataset);
            if (byDataset != 0) {
                return byDataset;
            }
            int byPosition = Long.compare(position, pairPosition);
            return byPosition != 0
                    ? byPosition
                    : Long.compare(annotation.annotation().pairId(), pairId);
        }
    }
}
