package io.rewardlens.app.cli;

import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PreferenceStore;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What a refusal about a dataset name tells the user about the datasets there are. */
final class Datasets {
    private Datasets() {}

    /**
     * The refusal of a dataset name that {@code store} does not hold: "no dataset 'x' in FILE;
     * datasets there: a, b".
     */
    static RefusedInputException unknown(String name, Path database, PreferenceStore store) {
        return new RefusedInputException(
                "no dataset '" + name + "' in " + database + "; " + known(store));
    }

    /** "datasets there: a, b" or "it holds no dataset", for an error line. */
    static String known(PreferenceStore store) {
        List<DatasetSummary> datasets = store.datasets();
        if (datasets.isEmpty()) {
            return "it holds no dataset";
        }
        return "datasets there: "
                + datasets.stream().map(DatasetSummary::name).collect(Collectors.joining(", "));
    }
}
