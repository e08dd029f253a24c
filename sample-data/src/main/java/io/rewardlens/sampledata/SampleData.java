package io.rewardlens.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The sample content that ships with RewardLens: hand-written preference pairs (Skywork JSONL) with
 * their answer key, and the demo reward-model bundle that the workbench opens with.
 */
public final class SampleData {
    /** Classpath name (relative to this class) of the hand-written pairs. */
    public static final String SAMPLE_PAIRS_RESOURCE = "sample-pairs.jsonl";

    /** Classpath name (relative to this class) of the pairs' answer key. */
    public static final String SAMPLE_KEY_RESOURCE = "sample-pairs.key.json";

    /** A folder name that callers can use for the demo model inside their models folder. */
    public static final String DEMO_MODEL_FOLDER = "demo-tiny-qwen3";

    private static final String DEMO_MODEL_RESOURCES = "demo-model/";
    private static final String BUNDLE_JSON = "bundle.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleData() {}

    /**
     * Opens the hand-written sample pairs: UTF-8 Skywork JSONL, one preference pair per line.
     *
     * @return a fresh stream that the caller closes
     */
    public static InputStream openSamplePairs() {
        return openResource(SAMPLE_PAIRS_RESOURCE);
    }

    /**
     * Copies the hand-written sample pairs to a file, replacing it.
     *
     * @param file where to write the JSONL; missing parent folders are created
     * @return {@code file}
     * @throws IOException when the file cannot be written
     */
    public static Path writeSamplePairs(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (InputStream in = openSamplePairs()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * The answer key of the sample pairs, one entry per line in file order.
     *
     * @return the key; its entries' {@link SampleAnswer#line()} run from 1 to the number of pairs
     */
    public static List<SampleAnswer> sampleAnswerKey() {
        try (InputStream in = openResource(SAMPLE_KEY_RESOURCE)) {
            JsonNode lines = JSON.readTree(in).get("lines");
            if (lines == null || !lines.isArray()) {
                throw new IllegalStateException(
                        SAMPLE_KEY_RESOURCE + ": \"lines\" must be an array");
            }
            List<SampleAnswer> key = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode entry = lines.get(i);
                String where = SAMPLE_KEY_RESOURCE + ": lines[" + i + "]";
                key.add(
                        new SampleAnswer(
                                requiredField(entry, "line", where).asInt(),
                                requiredField(entry, "category", where).asText(),
                                requiredField(entry, "mislabelled", where).asBoolean(),
                                requiredField(entry, "why", where).asText()));
            }
            return List.copyOf(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_KEY_RESOURCE, e);
        }
    }

    /**
     * Installs the demo reward model (tiny-qwen3 with random weights, float32 CPU trace) as a
     * bundle folder: {@code bundle.json} plus the files it lists, unpacked.
     *
     * <p>Idempotent: a folder that already holds this bundle, every file matching its SHA-256, is
     * left alone. Atomic: the bundle is unpacked into a hidden sibling folder and moved into place,
     * so {@code targetDir} never holds a half-written bundle. An existing empty folder, or an older
     * or damaged demo bundle, is replaced; any other existing folder is refused.
     *
     * @param targetDir the bundle folder to create, for example {@code models/}{@value
     *     #DEMO_MODEL_FOLDER}
     * @return the absolute bundle folder
     * @throws IOException when {@code targetDir} is taken by something else or cannot be written
     */
    public static Path installDemoModel(Path targetDir) throws IOException {
        Path target = targetDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("cannot install the demo model into the root folder " + target);
        }
        byte[] bundleJson = readResource(DEMO_MODEL_RESOURCES + BUNDLE_JSON);
        Map<String, String> files = bundleFiles(bundleJson);
        if (isInstalled(target, bundleJson, files)) {
            return target;
        }
        requireReplaceable(target);
        Files.createDirectories(parent);
        Path staging =
                Files.createTempDirectory(parent, "." + target.getFileName() + ".installing-");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                unpack(file.getKey(), file.getValue(), staging.resolve(file.getKey()));
            }
            Files.write(staging.resolve(BUNDLE_JSON), bundleJson);
            moveIntoPlace(staging, target, bundleJson, files);
        } finally {
            deleteRecursively(staging);
        }
        return target;
    }

    private static void moveIntoPlace(
            Path staging, Path target, byte[] bundleJson, Map<String, String> files)
            throws IOException {
        Path old = null;
        if (Files.isDirectory(target)) {
            if (isEmptyDirectory(target)) {
                Files.delete(target);
            } else {
                old =
                        Files.createTempDirectory(
                                target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                atomicMove(target, old);
            }
        }
        try {
            atomicMove(staging, target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another installer won the race; what it left is fine if it is complete.
            if (!isInstalled(target, bundleJson, files)) {
                throw e;
            }
        } finally {
            if (old != null) {
                deleteRecursively(old);
            }
        }
    }

    private static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void requireReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(
                    "cannot install the demo model into " + target + ": it is a file");
        }
        if (isEmptyDirectory(target) || isDemoBundle(target.resolve(BUNDLE_JSON))) {
            return;
        }
        throw new IOException(
                "cannot install the demo model into "
                        + target
                        + ": the folder is not empty and is not a RewardLens demo model");
    }

    private static boolean isDemoBundle(Path bundleJson) {
        try {
            return Files.isRegularFile(bundleJson)
                    && JSON.readTree(bundleJson.toFile()).path("demo").asBoolean(false);
        } catch (IOException e) {
            // An unreadable bundle.json is not proof that the folder is ours.
            return false;
        }
    }

    private static boolean isInstalled(Path target, byte[] bundleJson, Map<String, String> files)
            throws IOException {
        Path installedJson = target.resolve(BUNDLE_JSON);
        if (!Files.isRegularFile(installedJson)
                || !Arrays.equals(Files.readAllBytes(installedJson), bundleJson)) {
            return false;
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = target.resolve(file.getKey());
            if (!Files.isRegularFile(path) || !sha256(path).equals(file.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> bundleFiles(byte[] bundleJson) throws IOException {
        JsonNode files = JSON.readTree(bundleJson).get("files");
        String where = DEMO_MODEL_RESOURCES + BUNDLE_JSON;
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new IllegalStateException(where + ": \"files\" must be a non-empty object");
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : files.properties()) {
            String name = entry.getKey();
            if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalStateException(
                        where + ": files." + name + " must be a plain file name");
            }
            byName.put(name, entry.getValue().asText());
        }
        return byName;
    }

    /** Copies one bundle file out of the jar, gunzipping a {@code .gz} resource, and checks it. */
    private static void unpack(String name, String expectedSha256, Path destination)
            throws IOException {
        String resource = DEMO_MODEL_RESOURCES + name;
        InputStream raw = SampleData.class.getResourceAsStream(resource);
        if (raw == null) {
            raw = SampleData.class.getResourceAsStream(resource + ".gz");
            if (raw == null) {
                throw new IllegalStateException(
                        "demo model resource " + resource + " (or " + resource + ".gz) is missing");
            }
            raw = new GZIPInputStream(raw, 1 << 16);
        }
        MessageDigest digest = sha256Digest();
        try (InputStream in = raw;
                OutputStream out =
                        new DigestOutputStream(Files.newOutputStream(destination), digest)) {
            in.transferTo(out);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedSha256)) {
            throw new IllegalStateException(
                    "demo model file "
                            + name
                            + " has SHA-256 "
                            + actual
                            + " but bundle.json lists "
                            + expectedSha256);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static boolean isEmptyDirectory(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static JsonNode requiredField(JsonNode entry, String field, String where) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(where + ": field \"" + field + "\" is missing");
        }
        return value;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = openResource(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream openResource(String name) {
        InputStream in = SampleData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath");
        }
        return in;
    }
}
