package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.scoring.Fixtures.GoldenCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loading bundles: plain folders, bundle.json, file hashes, self-tests, devices, bad input. */
class BundleLoadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "tiny-llama3";

    private static LoadOptions options() throws IOException {
        return Fixtures.cpuOptions(Fixtures.scratch("hashes"));
    }

    /** The content hash as docs/bundle-format.md defines it, computed independently. */
    private static String expectedContentHash(Path dir) throws Exception {
        TreeMap<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
                Path file = it.next();
                String name = file.getFileName().toString();
                if (!name.equals("bundle.json") && !name.startsWith(".")) {
                    hashes.put(name, Fixtures.sha256(file));
                }
            }
        }
        StringBuilder lines = new StringBuilder();
        hashes.forEach((name, hash) -> lines.append(name).append('\t').append(hash).append('\n'));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of()
                .formatHex(digest.digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A bundle.json for a fixture copy: one CPU trace, every file's hash, one self-test. */
    private static ObjectNode bundleJson(Path dir, double expectedScore) throws IOException {
        GoldenCase c = Fixtures.golden(MODEL).cases().get("jane_correct");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("name", "Tiny Llama");
        root.put("max_length", 4096);
        ObjectNode trace = root.putArray("traces").addObject();
        trace.put("file", "reward.torchscript.pt");
        trace.put("device", "cpu");
        trace.put("dtype", "float32");
        trace.put("form", "reward");
        ObjectNode files = root.putObject("files");
        try (Stream<Path> list = Files.list(dir)) {
            for (Iterator<Path> it = list.iterator(); it.hasNext(); ) {
                Path file = it.next();
                files.put(file.getFileName().toString(), Fixtures.sha256(file));
            }
        }
        ObjectNode test = root.putArray("self_test").addObject();
        test.put("name", "jane_correct");
        ArrayNode messages = test.putArray("messages");
        for (ChatTurn turn : c.conversation().turns()) {
            messages.addObject().put("role", turn.role()).put("content", turn.content());
        }
        ArrayNode ids = test.putArray("input_ids");
        for (long id : c.inputIds()) {
            ids.add(id);
        }
        test.putObject("expected").put("cpu/float32", expectedScore);
        return root;
    }

    private static void write(Path dir, ObjectNode bundleJson) throws IOException {
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve("bundle.json").toFile(), bundleJson);
    }

    @Test
    void plainFolderLoadsAsFloat32CpuRewardTrace() throws Exception {
        RewardModel model = Fixtures.loaded(MODEL);
        ModelInfo info = model.info();
        assertEquals(MODEL, info.name());
        assertEquals("reward.torchscript.pt", info.trace().file());
        assertEquals(TraceForm.REWARD, info.trace().form());
        assertEquals("float32", info.trace().dtype());
        assertEquals("cpu", info.device());
        assertTrue(info.engineVersion().startsWith("PyTorch 2.7.1"), info.engineVersion());
        assertEquals(131072, info.maxLength(), "config.json max_position_embeddings");
        assertEquals(0, info.selfTestsPassed());
        assertEquals(LoadOptions.CPU_TOKEN_BUDGET, info.tokenBudget());
        assertTrue(info.perTokenScores());
        assertEquals(expectedContentHash(Fixtures.model(MODEL)), info.bundleHash());
        assertEquals(info.bundleHash() + ":reward.torchscript.pt", info.modelKey());
    }

    @Test
    void bundleJsonWithMatchingHashesAndSelfTestLoads() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("bundle"));
        double golden = Fixtures.golden(MODEL).cases().get("jane_correct").scoreFp32();
        write(dir, bundleJson(dir, golden));
        try (RewardModel model = RewardModel.load(dir, options())) {
            assertEquals("Tiny Llama", model.info().name());
            assertEquals(4096, model.info().maxLength());
            assertEquals(1, model.info().selfTestsPassed());
            // bundle.json is not part of the content: same files, same hash as the plain folder.
            assertEquals(expectedContentHash(Fixtures.model(MODEL)), model.info().bundleHash());
        }
    }

    @Test
    void changedFileIsRefused() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("tampered"));
        write(dir, bundleJson(dir, 0.0));
        Files.writeString(dir.resolve("tokenizer_config.json"), " ", StandardOpenOption.APPEND);
        BundleException e =
                assertThrows(BundleException.class, () -> RewardModel.load(dir, options()));
        assertTrue(e.getMessage().contains("tokenizer_config.json has SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains("bundle.json"), e.getMessage());
    }

    @Test
    void missingOrUnlistedFileIsRefused() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("unlisted"));
        write(dir, bundleJson(dir, 0.0));
        Files.delete(dir.resolve("model.safetensors"));
        Files.writeString(dir.resolve("extra.txt"), "not in files");
        BundleException e =
                assertThrows(BundleException.class, () -> RewardModel.load(dir, options()));
        assertTrue(
                e.getMessage().contains("model.safetensors is listed in files but missing"),
                e.getMessage());
        assertTrue(e.getMessage().contains("extra.txt is in the folder but not listed"));
    }

    @Test
    void wrongSelfTestExpectationIsRefused() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("selftest"));
        double golden = Fixtures.golden(MODEL).cases().get("jane_correct").scoreFp32();
        write(dir, bundleJson(dir, golden + 0.01));
        SelfTestFailedException e =
                assertThrows(SelfTestFailedException.class, () -> RewardModel.load(dir, options()));
        assertEquals("jane_correct", e.caseName());
        assertTrue(e.getMessage().contains("\"jane_correct\""), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + (golden + 0.01)), e.getMessage());
        assertTrue(e.getMessage().contains("got 0.3036"), e.getMessage());
        assertTrue(e.getMessage().contains("tolerance 1.0E-4"), e.getMessage());
    }

    @Test
    void selfTestWithOtherTokenIdsIsRefused() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("selftest-ids"));
        double golden = Fixtures.golden(MODEL).cases().get("jane_correct").scoreFp32();
        ObjectNode root = bundleJson(dir, golden);
        ArrayNode ids = (ArrayNode) root.get("self_test").get(0).get("input_ids");
        ids.set(5, 1234);
        write(dir, root);
        SelfTestFailedException e =
                assertThrows(SelfTestFailedException.class, () -> RewardModel.load(dir, options()));
        assertTrue(
                e.getMessage().contains("token ids differ from input_ids: at position 5"),
                e.getMessage());
    }

    @Test
    void malformedBundleJsonNamesTheField() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("malformed"));
        ObjectNode root = bundleJson(dir, 0.0);
        ((ObjectNode) root.get("traces").get(0)).put("device", "gpu");
        write(dir, root);
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.open(dir));
        assertTrue(e.getMessage().contains("bundle.json: traces[0].device"), e.getMessage());
        assertTrue(e.getMessage().contains("\"gpu\""), e.getMessage());

        Files.writeString(dir.resolve("bundle.json"), "{\n  \"format\": 1,\n  \"name\": }\n");
        e = assertThrows(BundleException.class, () -> ModelBundle.open(dir));
        assertTrue(e.getMessage().contains("invalid JSON at line 3"), e.getMessage());

        root = bundleJson(dir, 0.0);
        root.put("format", 2);
        write(dir, root);
        e = assertThrows(BundleException.class, () -> ModelBundle.open(dir));
        assertTrue(e.getMessage().contains("format: unsupported format 2"), e.getMessage());

        Files.delete(dir.resolve("bundle.json"));
        Files.delete(dir.resolve("tokenizer.json"));
        e = assertThrows(BundleException.class, () -> ModelBundle.open(dir));
        assertTrue(e.getMessage().contains("missing tokenizer.json"), e.getMessage());
    }

    @Test
    void brokenChatTemplateIsRefusedAtLoad() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("bad-template"));
        Files.writeString(
                dir.resolve("chat_template.jinja"), "{% for m in messages %}{{ m.content");
        BundleException e =
                assertThrows(BundleException.class, () -> RewardModel.load(dir, options()));
        assertTrue(e.getMessage().contains("chat template"), e.getMessage());
        assertTrue(e.getMessage().contains("chat_template.jinja"), e.getMessage());
    }

    @Test
    void gpuRequestOnAMachineWithoutGpuSaysWhy() throws Exception {
        assumeFalse(
                TorchRuntime.gpuUsable(TorchRuntime.engine(EngineSettings.bundled())),
                "this machine has a usable GPU");
        DeviceUnavailableException e =
                assertThrows(
                        DeviceUnavailableException.class,
                        () ->
                                RewardModel.load(
                                        Fixtures.model(MODEL),
                                        options().withDevice(DeviceChoice.GPU)));
        assertTrue(e.getMessage().contains("GPU requested"), e.getMessage());
    }

    @Test
    void bundleWithOnlyAGpuTraceSaysWhichDevicesItSupports() throws Exception {
        assumeFalse(TorchRuntime.gpuUsable(TorchRuntime.engine(EngineSettings.bundled())));
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("cuda-only"));
        ObjectNode root = bundleJson(dir, 0.0);
        ((ObjectNode) root.get("traces").get(0)).put("device", "cuda").put("dtype", "bfloat16");
        write(dir, root);
        DeviceUnavailableException auto =
                assertThrows(
                        DeviceUnavailableException.class,
                        () -> RewardModel.load(dir, options().withDevice(DeviceChoice.AUTO)));
        assertTrue(
                auto.getMessage().contains("only GPU traces (cuda (bfloat16))"), auto.getMessage());
        DeviceUnavailableException cpu =
                assertThrows(
                        DeviceUnavailableException.class,
                        () -> RewardModel.load(dir, options().withDevice(DeviceChoice.CPU)));
        assertTrue(cpu.getMessage().contains("has no CPU trace"), cpu.getMessage());
    }

    @Test
    void hashCacheRemembersFilesBySizeAndModificationTime() throws Exception {
        Path dir = Fixtures.scratch("hash-cache");
        Path file = dir.resolve("data.bin");
        Files.writeString(file, "first content");
        var modified = Files.getLastModifiedTime(file);
        FileHashCache cache = FileHashCache.inDirectory(dir.resolve("cache"));
        String first = cache.sha256(file);
        assertEquals(Fixtures.sha256(file), first);

        // Same size and time: the cache answers without reading (which is the point).
        Files.writeString(file, "other content");
        Files.setLastModifiedTime(file, modified);
        assertEquals(first, cache.sha256(file));
        assertEquals(first, FileHashCache.inDirectory(dir.resolve("cache")).sha256(file));
        assertNotEquals(first, FileHashCache.none().sha256(file));

        // A changed size means hashing again.
        Files.writeString(file, "other content, longer");
        assertEquals(Fixtures.sha256(file), cache.sha256(file));
    }
}
