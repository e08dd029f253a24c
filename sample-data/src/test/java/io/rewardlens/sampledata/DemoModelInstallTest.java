package io.rewardlens.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoModelInstallTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE = Path.of("..", "fixtures", "tiny-qwen3");

    @Test
    void installsUnpackedFilesMatchingBundleJsonAndTheFixture(@TempDir Path dir) throws Exception {
        Path bundle = SampleData.installDemoModel(dir.resolve("models/demo"));

        assertEquals(dir.resolve("models/demo").toAbsolutePath(), bundle);
        JsonNode bundleJson = JSON.readTree(bundle.resolve("bundle.json").toFile());
        assertTrue(bundleJson.get("demo").asBoolean());
        assertTrue(Files.isRegularFile(bundle.resolve("reward.torchscript.pt")));
        assertTrue(Files.isRegularFile(bundle.resolve("tokenizer.json")));
        assertEquals(
                Set.of(
                        "bundle.json",
                        "config.json",
                        "tokenizer_config.json",
                        "tokenizer.json",
                        "reward.torchscript.pt",
                        "NOTICE.md"),
                fileNames(bundle));

        Map<String, String> listed = listedHashes(bundleJson);
        for (Map.Entry<String, String> file : listed.entrySet()) {
            assertEquals(file.getValue(), sha256(bundle.resolve(file.getKey())), file.getKey());
        }
        // bundle.json is hand-written: check its hashes against the fixture files themselves.
        assertEquals(sha256(FIXTURE.resolve("config.json")), listed.get("config.json"));
        assertEquals(
                sha256(FIXTURE.resolve("tokenizer_config.json")),
                listed.get("tokenizer_config.json"));
        assertEquals(
                gunzippedSha256(FIXTURE.resolve("tokenizer.json.gz")),
                listed.get("tokenizer.json"));
        assertEquals(
                gunzippedSha256(FIXTURE.resolve("reward.torchscript.pt.gz")),
                listed.get("reward.torchscript.pt"));
        try (Stream<Path> siblings = Files.list(dir.resolve("models"))) {
            assertEquals(List.of(bundle), siblings.toList(), "no staging folder may be left");
        }
    }

    @Test
    void secondInstallLeavesTheBundleUntouched(@TempDir Path dir) throws IOException {
        Path bundle = SampleData.installDemoModel(dir.resolve("demo"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (String name : fileNames(bundle)) {
            Files.setLastModifiedTime(bundle.resolve(name), old);
        }

        assertEquals(bundle, SampleData.installDemoModel(dir.resolve("demo")));

        for (String name : fileNames(bundle)) {
            assertEquals(old, Files.getLastModifiedTime(bundle.resolve(name)), name);
        }
    }

    @Test
    void damagedInstallIsReplacedWithAGoodOne(@TempDir Path dir) throws Exception {
        Path bundle = SampleData.installDemoModel(dir.resolve("demo"));
        Files.writeString(bundle.resolve("tokenizer.json"), "{}");
        Files.delete(bundle.resolve("reward.torchscript.pt"));
        Files.writeString(bundle.resolve("stray.txt"), "left over");

        SampleData.installDemoModel(bundle);

        Map<String, String> listed =
                listedHashes(JSON.readTree(bundle.resolve("bundle.json").toFile()));
        for (Map.Entry<String, String> file : listed.entrySet()) {
            assertEquals(file.getValue(), sha256(bundle.resolve(file.getKey())), file.getKey());
        }
        assertFalse(Files.exists(bundle.resolve("stray.txt")));
    }

    @Test
    void emptyFolderIsUsedButAForeignFolderIsRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        SampleData.installDemoModel(empty);
        assertTrue(Files.isRegularFile(empty.resolve("reward.torchscript.pt")));

        Path foreign = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(foreign.resolve("thesis.txt"), "precious");
        IOException error =
                assertThrows(IOException.class, () -> SampleData.installDemoModel(foreign));
        assertTrue(error.getMessage().contains(foreign.toString()), error.getMessage());
        assertEquals(Set.of("thesis.txt"), fileNames(foreign));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(2, siblings.count(), "no staging folder may be left");
        }
    }

    @Test
    void selfTestsAreGoldenCasesOfTheFixture() throws IOException {
        JsonNode bundleJson;
        try (InputStream in = SampleData.class.getResourceAsStream("demo-model/bundle.json")) {
            bundleJson = JSON.readTree(in);
        }
        JsonNode golden = JSON.readTree(FIXTURE.resolve("golden.json").toFile()).get("cases");
        JsonNode selfTests = bundleJson.get("self_test");
        assertEquals(3, selfTests.size());
        for (JsonNode test : selfTests) {
            String name = test.get("name").asText();
            JsonNode expected = golden.get(name);
            assertEquals(expected.get("messages"), test.get("messages"), name);
            assertEquals(expected.get("input_ids"), test.get("input_ids"), name);
            assertEquals(
                    expected.get("score_fp32").asDouble(),
                    test.get("expected").get("cpu/float32").asDouble(),
                    0.0,
                    name);
        }
        assertEquals(
                "Demo: tiny-qwen3 (random weights, scores mean nothing)",
                bundleJson.get("name").asText());
        JsonNode trace = bundleJson.get("traces").get(0);
        assertEquals("reward.torchscript.pt", trace.get("file").asText());
        assertEquals("cpu", trace.get("device").asText());
        assertEquals("float32", trace.get("dtype").asText());
        assertEquals("reward", trace.get("form").asText());
    }

    private static Map<String, String> listedHashes(JsonNode bundleJson) {
        Map<String, String> hashes = new TreeMap<>();
        bundleJson
                .get("files")
                .properties()
                .forEach(e -> hashes.put(e.getKey(), e.getValue().asText()));
        return hashes;
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static String gunzippedSha256(Path file) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return sha256(in);
        }
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
