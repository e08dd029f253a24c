package io.rewardlens.storage.skywork;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write {@link BenchData} files. */
public final class BenchDataAccess {
    private BenchDataAccess() {}

    /** Writes {@code pairs} Skywork-shaped records to {@code out}. */
    public static void write(Path out, long pairs, long seed) throws IOException {
        BenchData.write(out, pairs, seed);
    }
}
