package io.rewardlens.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The reference fixtures of {@code fixtures/}: unpacks each tiny model once into {@code
 * target/fixtures/} (gunzipping its {@code .gz} files) and reads its transformers goldens.
 */
public final class Fixtures {
    static final List<String> MODELS = List.of("tiny-llama3", "tiny-gemma2", "tiny-qwen3");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Path> UNPACKED = new HashMap<>();
    private static final Map<String, Golden> GOLDENS = new HashMap<>();
    private static final Map<String, RewardModel> LOADED = new HashMap<>();

    private Fixtures() {}

    /** The repository's fixtures folder, given by the build; the template tests read it too. */
    public static Path sourceRoot() {
        String root = System.getProperty("rewardlens.fixtures");
        if (root == null || !Files.isRegularFile(Path.of(root, "README.md"))) {
            throw new IllegalStateException(
                    "the fixtures folder comes from -Drewardlens.fixtures (set by the parent POM),"
                            + " got "
                            + root);
        }
        return Path.of(root);
    }

    /** The unpacked folder of a tiny model, as a plain bundle folder (no bundle.json). */
    static synchronized Path model(String name) {
        return UNPACKED.computeIfAbsent(name, Fixtures::unpack);
    }

    private static Path unpack(String name) {
        Path source = sourceRoot().resolve(name);
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
                    Path marker = target.resolveSibling(name + "." + fileName + ".done");
                    if (Files.exists(out)
                            && Files.exists(marker)
                            && Files.getLastModifiedTime(marker)
                                            .compareTo(Files.getLastModifiedTime(file))
                                    >= 0) {
                        continue;
                    }
                    if (gz) {
                        try (InputStream in =
                                new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } else {
                        Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.writeString(marker, "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack fixture " + name, e);
        }
        return target;
    }

    /** A copy of a fixture model in a fresh folder, for tests that add or change files. */
    static Path copyOf(String name, Path parent) throws IOException {
        Path source = model(name);
        Path copy = Files.createTempDirectory(parent, name);
        try (Stream<Path> files = Files.list(source)) {
            for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
                Path file = it.next();
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** The goldens of a tiny model. */
    static synchronized Golden golden(String name) {
        return GOLDENS.computeIfAbsent(name, Fixtures::readGolden);
    }

    private static Golden readGolden(String name) {
        Path file = sourceRoot().resolve(name).resolve("golden.json");
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, GoldenCase> cases = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : root.get("cases").properties()) {
                JsonNode c = entry.getValue();
                List<ChatTurn> turns = new ArrayList<>();
                for (JsonNode m : c.get("messages")) {
                    turns.add(new ChatTurn(m.get("role").asText(), m.get("content").asText()));
                }
                JsonNode error = c.get("error");
                if (error != null) {
                    cases.put(
                            entry.getKey(),
                            new GoldenCase(
                                    entry.getKey(),
                                    new Conversation(turns),
                                    null,
                                    null,
                                    Double.NaN,
                                    null,
                                    error.asText()));
                    continue;
                }
                long[] ids = new long[c.get("input_ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = c.get("input_ids").get(i).asLong();
                }
                double[] perToken = new double[c.get("per_token_scores_fp32").size()];
                for (int i = 0; i < perToken.length; i++) {
                    perToken[i] = c.get("per_token_scores_fp32").get(i).asDouble();
                }
                cases.put(
                        entry.getKey(),
                        new GoldenCase(
                                entry.getKey(),
                                new Conversation(turns),
                                c.get("rendered").asText(),
                                ids,
                                c.get("score_fp32").asDouble(),
                                perToken,
                                null));
            }
            Map<String, Double> batch = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry :
                    root.get("batch_right_padded_fp32").properties()) {
                batch.put(entry.getKey(), entry.getValue().asDouble());
            }
            return new Golden(name, cases, batch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The transformers goldens of one tiny model. */
    record Golden(
            String model, Map<String, GoldenCase> cases, Map<String, Double> batchRightPadded) {
        /** The cases that render (all but the template-error case). */
        List<GoldenCase> scorable() {
            return cases.values().stream().filter(c -> c.error() == null).toList();
        }
    }

    /** One golden conversation. */
    record GoldenCase(
            String name,
            Conversation conversation,
            String rendered,
            long[] inputIds,
            double scoreFp32,
            double[] perTokenFp32,
            String error) {}

    /** Load options for tests: CPU, the test's own hash cache, no user cache directory touched. */
    static LoadOptions cpuOptions(Path hashCacheDir) {
        return LoadOptions.defaults()
                .withDevice(DeviceChoice.CPU)
                .withHashCache(FileHashCache.inDirectory(hashCacheDir));
    }

    /**
     * A model loaded once per test run with {@link #cpuOptions}, shared by the tests that only read
     * from it; the JVM's exit frees it.
     */
    static synchronized RewardModel loaded(String name) {
        return LOADED.computeIfAbsent(
                name,
                n -> {
                    try {
                        return RewardModel.load(
                                model(n), cpuOptions(Path.of("target", "hash-cache")));
                    } catch (ScoringException e) {
                        throw new IllegalStateException("cannot load fixture " + n, e);
                    }
                });
    }

    /** A fresh folder under {@code target/scratch} for one test's files. */
    static Path scratch(String prefix) throws IOException {
        Path root = Path.of("target", "scratch").toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, prefix);
    }

    /** SHA-256 hex of a file, computed here independently of the code under test. */
    static String sha256(Path file) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
