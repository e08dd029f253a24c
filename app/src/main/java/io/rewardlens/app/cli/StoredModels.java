package io.rewardlens.app.cli;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredModel;
import java.util.List;
import java.util.stream.Collectors;

/** Finds a model registered in a store by the id or name a user typed. */
final class StoredModels {
    private StoredModels() {}

    /**
     * The one model a user meant: an id, a full name, or the start of a bundle hash.
     *
     * @param store the store
     * @param wanted what the user typed
     * @return the model
     * @throws RefusedInputException when nothing or more than one model matches, listing them
     */
    static StoredModel find(PreferenceStore store, String wanted) {
        List<StoredModel> models = store.models();
        List<StoredModel> matches =
                models.stream()
                        .filter(
                                model ->
                                        String.valueOf(model.id()).equals(wanted)
                                                || model.info().name().equals(wanted)
                                                || (wanted.length() >= 8
                                                        && model.info()
                                                                .bundleHash()
                                                                .startsWith(wanted)))
                        .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String known =
                models.isEmpty()
                        ? "no model has scored anything in " + store.file()
                        : "models in "
                                + store.file()
                                + ": "
                                + models.stream()
                                        .map(StoredModels::describe)
                                        .collect(Collectors.joining("; "));
        if (matches.isEmpty()) {
            throw new RefusedInputException("no model '" + wanted + "'; " + known);
        }
        throw new RefusedInputException(
                "'" + wanted + "' matches " + matches.size() + " models, give the id; " + known);
    }

    static String describe(StoredModel model) {
        return "#%d %s (%s, %s, bundle %s)"
                .formatted(
                        model.id(),
                        model.info().name(),
                        model.info().dtype(),
                        model.info().device(),
                        model.info().bundleHash().substring(0, 12));
    }
}
