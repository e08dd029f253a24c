package io.rewardlens.storage.analysis;

import java.util.List;

/**
 * Agreement between every two analysed models ({@link ModelAgreement}), as a square table: row
 * {@code i}, column {@code j} compares model {@code i} with model {@code j}; the diagonal compares
 * a model with itself (rate 1 on the pairs it scored without a tie).
 *
 * @param models the models, the rows' and columns' order
 * @param cells the cells, row by row ({@code models.size()²} of them)
 */
public record AgreementMatrix(List<AnalyzedModel> models, List<ModelAgreement> cells) {
    /** Copies the lists and checks the table is square. */
    public AgreementMatrix {
        models = List.copyOf(models);
        cells = List.copyOf(cells);
        if (cells.size() != models.size() * models.size()) {
            throw new IllegalArgumentException(
                    cells.size() + " cells do not make a square of " + models.size() + " models");
        }
    }

    /** The agreement of model {@code row} with model {@code column}. */
    public ModelAgreement cell(int row, int column) {
        return cells.get(row * models.size() + column);
    }
}
