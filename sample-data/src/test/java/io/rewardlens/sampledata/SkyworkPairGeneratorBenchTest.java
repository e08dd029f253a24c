package io.rewardlens.sampledata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints how fast the generator writes and how large its files are; run with -Pbench. */
@Tag("bench")
class SkyworkPairGeneratorBenchTest {

    @Test
    void throughputAndFileSizes(@TempDir Path dir) throws IOException {
        // Warm up the JIT so the figures describe the steady state.
        SkyworkPairGenerator.write(OutputStream.nullOutputStream(), 50_000, 1L, n -> {});

        long start = System.nanoTime();
        long bytes =
                SkyworkPairGenerator.write(OutputStream.nullOutputStream(), 1_000_000, 2L, n -> {});
        report("1M pairs to a null stream", 1_000_000, bytes, start);

        for (String name : new String[] {"skywork-80k.jsonl", "skywork-80k.jsonl.gz"}) {
            Path file = dir.resolve(name);
            start = System.nanoTime();
            SkyworkPairGenerator.write(file, 80_000, 3L);
            report("80k pairs to " + name, 80_000, Files.size(file), start);
            Files.delete(file);
        }
    }

    private static void report(String what, long pairs, long bytes, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(
                "%s: %.2f s, %.0f pairs/s, %.1f MB (%.0f bytes/pair), %.0f MB/s%n",
                what,
                seconds,
                pairs / seconds,
                bytes / 1e6,
                bytes / (double) pairs,
                bytes / 1e6 / seconds);
    }
}
