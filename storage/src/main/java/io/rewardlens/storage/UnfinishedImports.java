package io.rewardlens.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deleting what an unfinished bulk import wrote: its dataset with its pairs and their annotations
 * (the foreign keys cascade), a few thousand pairs per transaction, so that deleting a large
 * partial dataset keeps the write-ahead log as small as the import's own steps do.
 */
final class UnfinishedImports {
    /** Pairs deleted per transaction. */
    private static final int PAIRS_PER_STEP = 4096;

    private UnfinishedImports() {}

    /**
     * Deletes the datasets whose importing process is gone (see {@link
     * ImportOwner#isGoneFromThisHost()}); those of live importers, in this process or another,
     * stay. Runs on a connection in auto-commit mode, outside any transaction.
     */
    static void deleteAbandoned(Connection c) throws SQLException {
        Map<Long, String> unfinished = new LinkedHashMap<>();
        try (PreparedStatement query =
                        c.prepareStatement(
                                "SELECT id, import_owner FROM dataset WHERE import_owner IS NOT"
                                        + " NULL ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                unfinished.put(rows.getLong(1), rows.getString(2));
            }
        }
        for (Map.Entry<Long, String> dataset : unfinished.entrySet()) {
            boolean gone =
                    ImportOwner.parse(dataset.getValue())
                            .map(ImportOwner::isGoneFromThisHost)
                            .orElse(false);
            if (gone) {
                delete(c, dataset.getKey(), dataset.getValue());
            }
        }
    }

    /**
     * Deletes an unfinished import's dataset in steps, one transaction each. Every step checks the
     * owner again, so two processes cleaning up at once, or a new dataset that got the same id
     * afterwards, do no harm. Runs on a connection in auto-commit mode, outside any transaction.
     *
     * @param owner the dataset's {@code import_owner}
     */
    static void delete(Connection c, long datasetId, String owner) throws SQLException {
        try (PreparedStatement pairs =
                        c.prepareStatement(
                                "DELETE FROM pair WHERE id IN (SELECT p.id FROM pair p JOIN dataset"
                                        + " d ON d.id = p.dataset_id WHERE d.id = ? AND"
                                        + " d.import_owner = ? LIMIT "
                                        + PAIRS_PER_STEP
                                        + ")");
                PreparedStatement dataset =
                        c.prepareStatement(
                                "DELETE FROM dataset WHERE id = ? AND import_owner = ?")) {
            for (PreparedStatement step : new PreparedStatement[] {pairs, dataset}) {
                step.setLong(1, datasetId);
                step.setString(2, owner);
            }
            while (SqlTransaction.write(c, x -> pairs.executeUpdate()) > 0) {
                // One step per transaction, until no pair is left.
            }
            SqlTransaction.write(c, x -> dataset.executeUpdate());
        }
    }
}
