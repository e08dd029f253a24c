package io.rewardlens.app.report;

import io.rewardlens.storage.analysis.AnalyzedModel;
import java.util.Locale;

/** A model's part of a plot's file name, so that each model's plots have their own files. */
final class ModelSlug {
    private ModelSlug() {}

    /**
     * {@code m<id>-<name in lower-case letters and digits>}, the name cut to 40 characters; just
     * {@code m<id>} when the name has no letters or digits.
     */
    static String of(AnalyzedModel model) {
        String name =
                model.name()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        if (name.length() > 40) {
            name = name.substring(0, 40).replaceAll("-$", "");
        }
        return name.isEmpty() ? "m" + model.id() : "m" + model.id() + "-" + name;
    }
}
