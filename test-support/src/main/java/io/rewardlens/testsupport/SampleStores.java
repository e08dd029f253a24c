package io.rewardlens.testsupport;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.SkyworkImporter;
import java.nio.file.Path;

/** Real SQLite stores for tests, holding the 64 hand-written sample pairs. */
public final class SampleStores {
    /** The dataset the sample pairs are imported into. */
    public static final String SAMPLE = "sample";

    private SampleStores() {}

    /**
     * A new store {@code test.db} in a folder, holding the sample pairs as dataset {@value
     * #SAMPLE}.
     *
     * @param dir the folder (a test's temporary folder)
     * @return the open store; the caller closes it
     */
    public static PreferenceStore withSamplePairs(Path dir) throws Exception {
        PreferenceStore store = PreferenceStore.open(dir.resolve("test.db"));
        Path pairs = SampleData.writeSamplePairs(dir.resolve("sample.jsonl"));
        SkyworkImporter.importFile(
                store, pairs, ImportOptions.intoDataset(SAMPLE), ProgressListener.NONE);
        return store;
    }
}
