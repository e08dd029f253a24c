package io.rewardlens.app.gui;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.SkyworkImporter;
import io.rewardlens.ui.task.JobProgress;
import io.rewardlens.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Imports the bundled sample pairs into an empty database, as dataset {@value #DATASET}. */
public final class SampleSeeder implements WorkbenchViewModel.StoreSeeder {
    /** The dataset the sample pairs go into. */
    public static final String DATASET = "sample";

    @Override
    public void seed(PreferenceStore store, JobProgress progress) throws Exception {
        progress.update(-1, -1, "Importing the sample pairs");
        Path folder = store.file().getParent();
        Path file = Files.createTempFile(folder, ".sample-pairs-", ".jsonl");
        try {
            SampleData.writeSamplePairs(file);
            SkyworkImporter.importFile(
                    store, file, ImportOptions.intoDataset(DATASET), progress.asListener());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
