package io.rewardlens.app.report;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.analysis.AnalysisData;
import io.rewardlens.storage.analysis.AnalysisScope;
import io.rewardlens.storage.analysis.PreferenceAnalysis;
import io.rewardlens.testsupport.ConstructedStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A real SQLite store in a test's temporary folder, filled through the store's own API, and the
 * {@link ReportContext} of a report on it: what the section tests write their sections with.
 */
final class ReportTestStore implements AutoCloseable {
    static final Instant T0 = ConstructedStore.T0;

    private final PreferenceStore store;
    private long position;

    /** Opens {@code store.db} in {@code dir} with datasets {@code d} and {@code other}. */
    ReportTestStore(Path dir) {
        store = PreferenceStore.open(dir.resolve("store.db"));
        store.createDataset("d", null);
        store.createDataset("other", null);
    }

    PreferenceStore store() {
        return store;
    }

    /** Adds a pair to dataset {@code d}; each side's completion is the text given. */
    StoredPair pair(String source, String chosen, String rejected) {
        return pair("d", source, chosen, rejected);
    }

    /** Adds a pair to a dataset; each side's completion is the text given. */
    StoredPair pair(String dataset, String source, String chosen, String rejected) {
        return ConstructedStore.addPair(store, dataset, position++, source, chosen, rejected);
    }

    /** Registers a model with bundle hash {@code hash-<name>}. */
    StoredModel model(String name) {
        return ConstructedStore.model(store, name);
    }

    void score(StoredPair pair, StoredModel model, double chosen, double rejected) {
        store.saveScores(List.of(ConstructedStore.score(pair, model, chosen, rejected)));
    }

    void verdict(StoredPair pair, String annotator, Verdict verdict, Side shownAsA) {
        ConstructedStore.verdict(store, pair, annotator, verdict, shownAsA);
    }

    /** A context for a report of every scored model on every dataset, into {@code folder}. */
    ReportContext context(Path folder) {
        return context(folder, AnalysisScope.all(), ReportOptions.DEFAULTS);
    }

    /** A context for a report of {@code scope} into {@code folder} (created). */
    ReportContext context(Path folder, AnalysisScope scope, ReportOptions options) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AnalysisData data = AnalysisData.load(store, scope, ProgressListener.NONE);
        return new ReportContext(store, new PreferenceAnalysis(data), options, T0, folder);
    }

    @Override
    public void close() {
        store.close();
    }
}
