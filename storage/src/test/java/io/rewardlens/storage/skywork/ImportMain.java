package io.rewardlens.storage.skywork;

import io.rewardlens.storage.PreferenceStore;
import java.nio.file.Path;

/**
 * A tiny command line for tests that need a second JVM: imports a Skywork file into a store and
 * prints the number of imported pairs and the largest heap in use.
 */
public final class ImportMain {
    private ImportMain() {}

    /** {@code ImportMain <store.db> <file> <dataset> [--verbose]}; verbose prints progress. */
    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 3 && args[3].equals("--verbose");
        try (PreferenceStore store = PreferenceStore.open(Path.of(args[0]))) {
            long[] peakHeap = {0};
            ImportReport report =
                    SkyworkImporter.importFile(
                            store,
                            Path.of(args[1]),
                            ImportOptions.intoDataset(args[2]),
                            (done, total, message) -> {
                                if (verbose) {
                                    System.out.println("progress " + done + "/" + total);
                                    System.out.flush();
                                }
                                Runtime runtime = Runtime.getRuntime();
                                peakHeap[0] =
                                        Math.max(
                                                peakHeap[0],
                                                runtime.totalMemory() - runtime.freeMemory());
                            });
            System.out.println("imported=" + report.imported());
            System.out.println("seconds=" + report.elapsed().toMillis() / 1000.0);
            System.out.println("peakHeapMiB=" + peakHeap[0] / (1024 * 1024));
            System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }
}
