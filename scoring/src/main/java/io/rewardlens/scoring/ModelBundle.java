package io.rewardlens.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model bundle folder as {@code docs/bundle-format.md} describes it: the Hub files of a reward
 * model, its TorchScript traces and, optionally, {@code bundle.json} (metadata, traces per device,
 * file hashes, self-tests). A folder without {@code bundle.json} is read as a plain folder whose
 * {@code reward.torchscript.pt} (else {@code model.torchscript.pt}) is a float32 CPU trace.
 *
 * <p>Opening a bundle only reads its small JSON files; {@link #verifyFiles(FileHashCache)} hashes
 * the files and {@link RewardModel#load} runs the model.
 */
public final class ModelBundle {
    /** The optional metadata file. */
    public static final String BUNDLE_JSON = "bundle.json";

    static final String CONFIG_JSON = "config.json";
    static final String TOKENIZER_JSON = "tokenizer.json";
    static final String TOKENIZER_CONFIG_JSON = "tokenizer_config.json";
    static final String REWARD_TRACE = "reward.torchscript.pt";
    static final String LOGITS_TRACE = "model.torchscript.pt";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> DTYPES = Set.of("float32", "bfloat16", "float16");

    private final Path directory;
    private final boolean hasBundleJson;
    private final String name;
    private final String sourceModel;
    private final boolean demo;
    private final int maxLength;
    private final String maxLengthSource;
    private final List<TraceSpec> traces;
    private final SortedMap<String, String> declaredFiles;
    private final List<SelfTestCase> selfTests;
    private final String bosToken;
    private final OptionalInt bosTokenId;
    private final String padToken;
    private final OptionalInt padTokenId;

    private ModelBundle(Builder b) {
        this.directory = b.directory;
        this.hasBundleJson = b.hasBundleJson;
        this.name = b.name;
        this.sourceModel = b.sourceModel;
        this.demo = b.demo;
        this.maxLength = b.maxLength;
        this.maxLengthSource = b.maxLengthSource;
        this.traces = List.copyOf(b.traces);
        this.declaredFiles =
                b.declaredFiles == null
                        ? null
                        : Collections.unmodifiableSortedMap(new TreeMap<>(b.declaredFiles));
        this.selfTests = List.copyOf(b.selfTests);
        this.bosToken = b.bosToken;
        this.bosTokenId = b.bosTokenId;
        this.padToken = b.padToken;
        this.padTokenId = b.padTokenId;
    }

    /**
     * Opens a bundle folder: checks that the required files exist and parses {@code bundle.json}
     * (when present), {@code config.json} and {@code tokenizer_config.json}.
     *
     * @param directory the bundle folder
     * @return the bundle
     * @throws BundleException when a required file is missing or a JSON file is malformed; the
     *     message names the file and field
     */
    public static ModelBundle open(Path directory) throws BundleException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new BundleException(dir + ": not a folder (a model bundle is a folder)");
        }
        for (String required : List.of(CONFIG_JSON, TOKENIZER_JSON, TOKENIZER_CONFIG_JSON)) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new BundleException(
                        dir + ": missing " + required + " (every model bundle needs it)");
            }
        }
        Builder b = new Builder();
        b.directory = dir;
        b.name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();

        JsonNode config = readJson(dir.resolve(CONFIG_JSON));
        JsonNode tokenizerConfig = readJson(dir.resolve(TOKENIZER_CONFIG_JSON));
        b.bosTokenId = optionalInt(config, "bos_token_id");
        b.padTokenId = optionalInt(config, "pad_token_id");
        b.bosToken = tokenText(tokenizerConfig.get("bos_token"));
        b.padToken = tokenText(tokenizerConfig.get("pad_token"));

        Path bundleJson = dir.resolve(BUNDLE_JSON);
        if (Files.isRegularFile(bundleJson)) {
            b.hasBundleJson = true;
            new BundleJsonReader(bundleJson, readJson(bundleJson), dir).readInto(b);
        }
        if (b.traces.isEmpty()) {
            b.traces.add(defaultTrace(dir));
        }
        if (b.maxLength == 0) {
            OptionalInt positions = optionalInt(config, "max_position_embeddings");
            if (positions.isEmpty() || positions.getAsInt() <= 0) {
                throw new BundleException(
                        dir.resolve(CONFIG_JSON)
                                + ": max_position_embeddings is missing or not a positive"
                                + " integer, and no bundle.json gives max_length");
            }
            b.maxLength = positions.getAsInt();
            b.maxLengthSource = "config.json max_position_embeddings";
        }
        return new ModelBundle(b);
    }

    private static TraceSpec defaultTrace(Path dir) throws BundleException {
        if (Files.isRegularFile(dir.resolve(REWARD_TRACE))) {
            return new TraceSpec(REWARD_TRACE, TraceDevice.CPU, "float32", TraceForm.REWARD);
        }
        if (Files.isRegularFile(dir.resolve(LOGITS_TRACE))) {
            return new TraceSpec(LOGITS_TRACE, TraceDevice.CPU, "float32", TraceForm.LOGITS);
        }
        throw new BundleException(
                dir
                        + ": no TorchScript trace: a folder without bundle.json needs "
                        + REWARD_TRACE
                        + " or "
                        + LOGITS_TRACE);
    }

    static JsonNode readJson(Path file) throws BundleException {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new BundleException(file + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BundleException(
                    file + ": invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static OptionalInt optionalInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() && value.isIntegralNumber()
                ? OptionalInt.of(value.intValue())
                : OptionalInt.empty();
    }

    /** A special token in tokenizer_config.json is a string or an object with "content". */
    private static String tokenText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        JsonNode content = node.get("content");
        return content != null && content.isTextual() ? content.asText() : null;
    }

    /**
     * Returns the bundle folder.
     *
     * @return the absolute folder path
     */
    public Path directory() {
        return directory;
    }

    /**
     * Tells whether the folder has a {@code bundle.json}.
     *
     * @return true for a full bundle, false for a plain folder
     */
    public boolean hasBundleJson() {
        return hasBundleJson;
    }

    /**
     * Returns the model name: {@code bundle.json} {@code name}, else the folder name.
     *
     * @return the display name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the Hub model the bundle was exported from, if {@code bundle.json} says.
     *
     * @return e.g. {@code Skywork/Skywork-Reward-V2-Qwen3-0.6B}
     */
    public Optional<String> sourceModel() {
        return Optional.ofNullable(sourceModel);
    }

    /**
     * Tells whether the bundle is a demo model (random weights, for trying the app).
     *
     * @return {@code bundle.json} {@code demo}, false when absent
     */
    public boolean demo() {
        return demo;
    }

    /**
     * Returns the most tokens the model accepts.
     *
     * @return {@code bundle.json} {@code max_length}, else {@code config.json} {@code
     *     max_position_embeddings}
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Says where {@link #maxLength()} comes from, for messages.
     *
     * @return e.g. {@code bundle.json max_length}
     */
    public String maxLengthSource() {
        return maxLengthSource;
    }

    /**
     * Returns the traces of the bundle.
     *
     * @return at least one trace
     */
    public List<TraceSpec> traces() {
        return traces;
    }

    /**
     * Returns the first trace for a device kind.
     *
     * @param device the device kind
     * @return the trace, if the bundle has one for that kind
     */
    public Optional<TraceSpec> traceFor(TraceDevice device) {
        return traces.stream().filter(t -> t.device() == device).findFirst();
    }

    /**
     * Returns the file hashes {@code bundle.json} declares.
     *
     * @return file name to SHA-256 hex, if {@code bundle.json} has {@code files}
     */
    public Optional<SortedMap<String, String>> declaredFileHashes() {
        return Optional.ofNullable(declaredFiles);
    }

    /**
     * Returns the self-tests of {@code bundle.json}.
     *
     * @return the cases, empty when none
     */
    public List<SelfTestCase> selfTests() {
        return selfTests;
    }

    /** The BOS token text of tokenizer_config.json, or null. */
    String bosToken() {
        return bosToken;
    }

    /** The bos_token_id of config.json. */
    OptionalInt bosTokenId() {
        return bosTokenId;
    }

    /** The pad token text of tokenizer_config.json, or null. */
    String padToken() {
        return padToken;
    }

    /** The pad_token_id of config.json. */
    OptionalInt padTokenId() {
        return padTokenId;
    }

    /**
     * Returns the names of the files the content hash covers: every regular file directly in the
     * folder except {@code bundle.json} and hidden files (names starting with a dot).
     *
     * @return sorted file names
     * @throws BundleException when the folder cannot be listed
     */
    public SortedMap<String, Path> contentFiles() throws BundleException {
        SortedMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Iterator<Path> it = entries.iterator(); it.hasNext(); ) {
                Path path = it.next();
                String fileName = path.getFileName().toString();
                if (Files.isRegularFile(path)
                        && !fileName.equals(BUNDLE_JSON)
                        && !fileName.startsWith(".")) {
                    files.put(fileName, path);
                }
            }
        } catch (IOException e) {
            throw new BundleException(directory + ": cannot list the folder: " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * Hashes every content file, checks them against {@code bundle.json} {@code files} when it is
     * present (same set of names, same SHA-256), and returns the bundle content hash: the SHA-256
     * of one line {@code "<name>\t<sha256>\n"} per content file, sorted by name.
     *
     * @param hashCache remembers hashes of unchanged files between loads
     * @return the bundle content hash, lower-case hex
     * @throws BundleException when a file cannot be read, or differs from, is missing from or is
     *     not listed in {@code files}
     */
    public String verifyFiles(FileHashCache hashCache) throws BundleException {
        SortedMap<String, String> actual = new TreeMap<>();
        for (Map.Entry<String, Path> file : contentFiles().entrySet()) {
            try {
                actual.put(file.getKey(), hashCache.sha256(file.getValue()));
            } catch (IOException e) {
                throw new BundleException(
                        file.getValue() + ": cannot read to hash it: " + e.getMessage(), e);
            }
        }
        if (declaredFiles != null) {
            List<String> problems = new ArrayList<>();
            Set<String> names = new TreeSet<>(declaredFiles.keySet());
            names.addAll(actual.keySet());
            for (String fileName : names) {
                String declared = declaredFiles.get(fileName);
                String found = actual.get(fileName);
                if (declared == null) {
                    problems.add(fileName + " is in the folder but not listed in files");
                } else if (found == null) {
                    problems.add(fileName + " is listed in files but missing from the folder");
                } else if (!declared.equals(found)) {
                    problems.add(fileName + " has SHA-256 " + found + ", files says " + declared);
                }
            }
            if (!problems.isEmpty()) {
                throw new BundleException(
                        directory.resolve(BUNDLE_JSON)
                                + ": the bundle's files do not match their declared hashes"
                                + " (refusing a changed bundle): "
                                + String.join("; ", problems));
            }
        }
        return Sha256.ofFileList(actual);
    }

    @Override
    public String toString() {
        return "ModelBundle[" + name + ", " + directory + "]";
    }

    /** Mutable fields while parsing. */
    private static final class Builder {
        Path directory;
        boolean hasBundleJson;
        String name;
        String sourceModel;
        boolean demo;
        int maxLength;
        String maxLengthSource;
        final List<TraceSpec> traces = new ArrayList<>();
        Map<String, String> declaredFiles;
        final List<SelfTestCase> selfTests = new ArrayList<>();
        String bosToken;
        OptionalInt bosTokenId = OptionalInt.empty();
        String padToken;
        OptionalInt padTokenId = OptionalInt.empty();
    }

    /** Reads and validates bundle.json, naming the field of every problem. */
    private static final class BundleJsonReader {
        private final Path file;
        private final JsonNode root;
        private final Path dir;

        BundleJsonReader(Path file, JsonNode root, Path dir) {
            this.file = file;
            this.root = root;
            this.dir = dir;
        }

        private BundleException error(String field, String problem) {
            return new BundleException(file + ": " + field + ": " + problem);
        }

        void readInto(Builder b) throws BundleException {
            JsonNode format = root.get("format");
            if (format == null || !format.isIntegralNumber()) {
                throw error("format", "missing or not an integer (this version reads format 1)");
            }
            if (format.intValue() != 1) {
                throw error(
                        "format",
                        "unsupported format " + format + " (this version reads format 1)");
            }
            String name = optionalText(root, "name", "name");
            if (name != null) {
                if (name.isBlank()) {
                    throw error("name", "must not be blank");
                }
                b.name = name;
            }
            b.sourceModel = optionalText(root, "source_model", "source_model");
            JsonNode demo = root.get("demo");
            if (demo != null && !demo.isNull()) {
                if (!demo.isBoolean()) {
                    throw error("demo", "expected true or false, got " + demo);
                }
                b.demo = demo.booleanValue();
            }
            JsonNode maxLength = root.get("max_length");
            if (maxLength != null && !maxLength.isNull()) {
                if (!maxLength.isIntegralNumber()
                        || !maxLength.canConvertToInt()
                        || maxLength.intValue() < 2) {
                    throw error(
                            "max_length", "expected an integer of at least 2, got " + maxLength);
                }
                b.maxLength = maxLength.intValue();
                b.maxLengthSource = "bundle.json max_length";
            }
            readTraces(b);
            readFiles(b);
            readSelfTests(b);
        }

        private String optionalText(JsonNode node, String key, String field)
                throws BundleException {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw error(field, "expected a string, got " + value);
            }
            return value.asText();
        }

        private String requiredText(JsonNode node, String key, String field)
                throws BundleException {
            String value = optionalText(node, key, field);
            if (value == null) {
                throw error(field, "missing");
            }
            return value;
        }

        private void readTraces(Builder b) throws BundleException {
            JsonNode traces = root.get("traces");
            if (traces == null || traces.isNull()) {
                return;
            }
            if (!traces.isArray() || traces.isEmpty()) {
                throw error("traces", "expected a non-empty array");
            }
            for (int i = 0; i < traces.size(); i++) {
                String at = "traces[" + i + "]";
                JsonNode t = traces.get(i);
                if (!t.isObject()) {
                    throw error(at, "expected an object");
                }
                String traceFile = requiredText(t, "file", at + ".file");
                if (traceFile.contains("/")
                        || traceFile.contains("\\")
                        || traceFile.startsWith(".")) {
                    throw error(at + ".file", "must be a file name in the bundle folder");
                }
                if (!Files.isRegularFile(dir.resolve(traceFile))) {
                    throw error(at + ".file", traceFile + " is not in the bundle folder");
                }
                String device = requiredText(t, "device", at + ".device");
                TraceDevice kind;
                switch (device) {
                    case "cpu" -> kind = TraceDevice.CPU;
                    case "cuda" -> kind = TraceDevice.CUDA;
                    default ->
                            throw error(
                                    at + ".device",
                                    "expected \"cpu\" or \"cuda\", got \"" + device + "\"");
                }
                String dtype = requiredText(t, "dtype", at + ".dtype");
                if (!DTYPES.contains(dtype)) {
                    throw error(
                            at + ".dtype",
                            "expected float32, bfloat16 or float16, got \"" + dtype + "\"");
                }
                String form = requiredText(t, "form", at + ".form");
                TraceForm traceForm;
                switch (form) {
                    case "reward" -> traceForm = TraceForm.REWARD;
                    case "logits" -> traceForm = TraceForm.LOGITS;
                    default ->
                            throw error(
                                    at + ".form",
                                    "expected \"reward\" or \"logits\", got \"" + form + "\"");
                }
                b.traces.add(new TraceSpec(traceFile, kind, dtype, traceForm));
            }
        }

        private void readFiles(Builder b) throws BundleException {
            JsonNode files = root.get("files");
            if (files == null || files.isNull()) {
                return;
            }
            if (!files.isObject()) {
                throw error("files", "expected an object of file name to SHA-256");
            }
            Map<String, String> declared = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : files.properties()) {
                String at = "files[\"" + entry.getKey() + "\"]";
                JsonNode value = entry.getValue();
                if (!value.isTextual() || !SHA256_HEX.matcher(value.asText()).matches()) {
                    throw error(at, "expected a lower-case hex SHA-256, got " + value);
                }
                declared.put(entry.getKey(), value.asText());
            }
            b.declaredFiles = declared;
        }

        private void readSelfTests(Builder b) throws BundleException {
            JsonNode cases = root.get("self_test");
            if (cases == null || cases.isNull()) {
                return;
            }
            if (!cases.isArray()) {
                throw error("self_test", "expected an array");
            }
            for (int i = 0; i < cases.size(); i++) {
                String at = "self_test[" + i + "]";
                JsonNode c = cases.get(i);
                if (!c.isObject()) {
                    throw error(at, "expected an object");
                }
                String caseName = requiredText(c, "name", at + ".name");
                JsonNode messages = c.get("messages");
                if (messages == null || !messages.isArray() || messages.isEmpty()) {
                    throw error(at + ".messages", "expected a non-empty array");
                }
                List<ChatTurn> turns = new ArrayList<>();
                for (int m = 0; m < messages.size(); m++) {
                    String mat = at + ".messages[" + m + "]";
                    JsonNode message = messages.get(m);
                    if (!message.isObject()) {
                        throw error(mat, "expected an object with role and content");
                    }
                    turns.add(
                            new ChatTurn(
                                    requiredText(message, "role", mat + ".role"),
                                    requiredText(message, "content", mat + ".content")));
                }
                long[] ids = null;
                JsonNode inputIds = c.get("input_ids");
                if (inputIds != null && !inputIds.isNull()) {
                    if (!inputIds.isArray() || inputIds.isEmpty()) {
                        throw error(at + ".input_ids", "expected a non-empty array of integers");
                    }
                    ids = new long[inputIds.size()];
                    for (int k = 0; k < ids.length; k++) {
                        JsonNode id = inputIds.get(k);
                        if (!id.isIntegralNumber() || id.longValue() < 0) {
                            throw error(
                                    at + ".input_ids[" + k + "]",
                                    "expected a non-negative integer, got " + id);
                        }
                        ids[k] = id.longValue();
                    }
                }
                JsonNode expected = c.get("expected");
                if (expected == null || !expected.isObject() || expected.isEmpty()) {
                    throw error(
                            at + ".expected",
                            "expected an object of \"device/dtype\" to transformers score");
                }
                Map<String, Double> scores = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : expected.properties()) {
                    String key = entry.getKey();
                    String eat = at + ".expected[\"" + key + "\"]";
                    String[] parts = key.split("/", -1);
                    if (parts.length != 2
                            || !(parts[0].equals("cpu") || parts[0].equals("cuda"))
                            || !DTYPES.contains(parts[1])) {
                        throw error(
                                eat,
                                "key must be device/dtype such as cpu/float32 or cuda/bfloat16");
                    }
                    if (!entry.getValue().isNumber()) {
                        throw error(eat, "expected a number, got " + entry.getValue());
                    }
                    scores.put(key, entry.getValue().doubleValue());
                }
                b.selfTests.add(new SelfTestCase(caseName, new Conversation(turns), ids, scores));
            }
        }
    }
}
