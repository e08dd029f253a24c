package io.rewardlens.testsupport;

import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.FileHashCache;
import io.rewardlens.scoring.LoadOptions;
import io.rewardlens.scoring.RewardModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The tiny reference models of {@code fixtures/} as plain bundle folders for the tests above the
 * scoring module: each is unpacked once into {@code target/fixtures/} (its {@code .gz} files
 * gunzipped), and loaded on the CPU with a hash cache of the test run's own.
 */
public final class FixtureBundles {
    private FixtureBundles() {}

    /**
     * The unpacked folder of a tiny model such as {@code tiny-llama3}.
     *
     * @param name the fixture's folder name
     * @return the bundle folder
     */
    public static synchronized Path bundle(String name) {
        String root = System.getProperty("rewardlens.fixtures");
        if (root == null || !Files.isRegularFile(Path.of(root, "README.md"))) {
            throw new IllegalStateException(
                    "the fixtures folder comes from -Drewardlens.fixtures (set by the parent POM),"
                            + " got "
                            + root);
        }
        Path source = Path.of(root, name);
        Path target = Path.of("target", "fixtures", name).toAbsolutePath();
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
                    Path file = it.next();
                    String fileName = file.getFileName().toString();
                    boolean gz = fileName.endsWith(".gz");
                    Path out =
                            target.resolve(
                                    gz ? fileName.substring(0, fileName.length() - 3) : fileName);
                    if (Files.exists(out) && Files.size(out) > 0) {
                        continue;
                    }
                    Path partial = out.resolveSibling(out.getFileName() + ".part");
                    if (gz) {
                        try (InputStream in =
                                new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } else {
                        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack fixture " + name, e);
        }
        return target;
    }

    /**
     * A model made of the tiny Llama 3's logits trace alone (with its config and tokenizer, without
     * the reward trace): it scores whole answers but has no per-token scores.
     *
     * @param folder the folder to copy the files into; made if missing
     * @return the folder
     */
    public static Path logitsTraceOnly(Path folder) throws IOException {
        Path bundle = bundle("tiny-llama3");
        Files.createDirectories(folder);
        for (String file :
                List.of(
                        "config.json",
                        "tokenizer.json",
                        "tokenizer_config.json",
                        "model.torchscript.pt")) {
            Files.copy(bundle.resolve(file), folder.resolve(file));
        }
        return folder;
    }

    /**
     * Loads a bundle as the workbench would, on the CPU, caching file hashes under {@code target}.
     *
     * @param directory the bundle folder
     * @param device the device asked for (tests ask for the CPU)
     * @return the loaded model
     */
    public static RewardModel load(Path directory, DeviceChoice device) throws Exception {
        return RewardModel.load(
                directory,
                LoadOptions.defaults()
                        .withDevice(device)
                        .withHashCache(
                                FileHashCache.inDirectory(
                                        Path.of("target", "test-models", "hashes")
                                                .toAbsolutePath())));
    }
}
