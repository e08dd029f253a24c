package io.rewardlens.scoring;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A reward model loaded from a {@link ModelBundle}, ready to score conversations the way
 * transformers does: chat template, tokenizer (no added special tokens, no truncation), the
 * TorchScript trace on the chosen device. Conversations are scored one by one or many at once in
 * length-bucketed batches; results come back in input order and carry their provenance.
 *
 * <p>Loading verifies the bundle's file hashes and runs its self-tests. Inference calls are
 * serialized (the engine's predictor is used by one thread at a time); a {@link ScoringService}
 * gives a model its own worker thread. Close the model to free its native memory.
 */
public final class RewardModel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelBundle bundle;
    private ModelInfo info;
    private final TokenEncoder tokenizer;
    private final ConversationRenderer renderer;
    private final Model model;
    private final Predictor<RewardTranslator.Batch, RewardTranslator.Output> predictor;
    private final BatchPlanner planner;
    private final long bosId;
    private final long padId;
    private boolean closed;

    private RewardModel(
            ModelBundle bundle,
            ModelInfo info,
            TokenEncoder tokenizer,
            ConversationRenderer renderer,
            Model model,
            Predictor<RewardTranslator.Batch, RewardTranslator.Output> predictor,
            BatchPlanner planner,
            long bosId,
            long padId) {
        this.bundle = bundle;
        this.info = info;
        this.tokenizer = tokenizer;
        this.renderer = renderer;
        this.model = model;
        this.predictor = predictor;
        this.planner = planner;
        this.bosId = bosId;
        this.padId = padId;
    }

    /**
     * Loads a bundle: verifies its file hashes (and computes its content hash), loads the engine
     * with the options' settings, picks the trace for the chosen device, loads tokenizer, chat
     * template and trace, and runs the self-tests.
     *
     * @param directory the bundle folder
     * @param options how to load
     * @return the loaded model; close it when done
     * @throws BundleException when the bundle is malformed, changed, or fails a self-test
     * @throws DeviceUnavailableException when the chosen device cannot run the bundle
     * @throws EngineSettingsConflictException when the engine already runs with other settings
     * @throws ScoringException when the engine cannot load
     */
    public static RewardModel load(Path directory, LoadOptions options) throws ScoringException {
        Objects.requireNonNull(options, "options");
        ModelBundle bundle = ModelBundle.open(directory);
        String bundleHash = bundle.verifyFiles(options.hashCache());
        Engine engine = TorchRuntime.engine(options.engineSettings());
        TraceSpec trace = chooseTrace(bundle, options.device(), engine);
        Device device = trace.device() == TraceDevice.CUDA ? Device.gpu(0) : Device.cpu();

        TokenEncoder tokenizer =
                TokenEncoder.load(bundle.directory().resolve(ModelBundle.TOKENIZER_JSON));
        Model model = null;
        Predictor<RewardTranslator.Batch, RewardTranslator.Output> predictor = null;
        try {
            ConversationRenderer renderer = ConversationRenderer.forBundle(bundle);
            long bosId = specialTokenId(tokenizer, bundle.bosToken(), bundle.bosTokenId(), -1);
            long padId = specialTokenId(tokenizer, bundle.padToken(), bundle.padTokenId(), 0);

            Path traceFile = bundle.directory().resolve(trace.file());
            model = Model.newInstance(bundle.name(), device, TorchRuntime.ENGINE_NAME);
            try {
                model.load(traceFile);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new BundleException(
                        traceFile
                                + ": cannot load the TorchScript trace on "
                                + TorchRuntime.deviceName(device)
                                + ": "
                                + e.getMessage(),
                        e);
            }
            predictor = model.newPredictor(new RewardTranslator(trace.form()));
            int tokenBudget = options.tokenBudget();
            if (tokenBudget == LoadOptions.AUTO_TOKEN_BUDGET) {
                tokenBudget =
                        device.isGpu()
                                ? LoadOptions.GPU_TOKEN_BUDGET
                                : LoadOptions.CPU_TOKEN_BUDGET;
            }
            ModelInfo provisional =
                    new ModelInfo(
                            bundle.name(),
                            bundle.directory(),
                            bundleHash,
                            trace,
                            TorchRuntime.deviceName(device),
                            TorchRuntime.engineVersion(engine),
                            bundle.maxLength(),
                            renderer.templateSha256(),
                            0,
                            tokenBudget);
            RewardModel loaded =
                    new RewardModel(
                            bundle,
                            provisional,
                            tokenizer,
                            renderer,
                            model,
                            predictor,
                            new BatchPlanner(tokenBudget, options.maxBatchSize()),
                            bosId,
                            padId);
            if (options.runSelfTests()) {
                int passed = loaded.runSelfTests();
                loaded.info =
                        new ModelInfo(
                                provisional.name(),
                                provisional.directory(),
                                provisional.bundleHash(),
                                provisional.trace(),
                                provisional.device(),
                                provisional.engineVersion(),
                                provisional.maxLength(),
                                provisional.templateSha256(),
                                passed,
                                tokenBudget);
            }
            return loaded;
        } catch (ScoringException | RuntimeException e) {
            if (predictor != null) {
                predictor.close();
            }
            if (model != null) {
                model.close();
            }
            tokenizer.close();
            throw e;
        }
    }

    /** A special token's id: its text in tokenizer_config.json, else config.json's id. */
    private static long specialTokenId(
            TokenEncoder tokenizer, String text, OptionalInt fromConfig, long fallback) {
        OptionalLong fromText = tokenizer.singleTokenId(text);
        if (fromText.isPresent()) {
            return fromText.getAsLong();
        }
        return fromConfig.isPresent() ? fromConfig.getAsInt() : fallback;
    }

    private static TraceSpec chooseTrace(ModelBundle bundle, DeviceChoice choice, Engine engine)
            throws DeviceUnavailableException {
        boolean gpu = TorchRuntime.gpuUsable(engine);
        String supported =
                bundle.traces().stream()
                        .map(t -> t.device().jsonName() + " (" + t.dtype() + ")")
                        .distinct()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("none");
        switch (choice) {
            case CPU:
                return bundle.traceFor(TraceDevice.CPU)
                        .orElseThrow(
                                () ->
                                        new DeviceUnavailableException(
                                                "model "
                                                        + bundle.name()
                                                        + " has no CPU trace; it supports: "
                                                        + supported));
            case GPU:
                if (!gpu) {
                    throw new DeviceUnavailableException(
                            "GPU requested for model "
                                    + bundle.name()
                                    + " but "
                                    + TorchRuntime.gpuAbsenceReason(engine));
                }
                return bundle.traceFor(TraceDevice.CUDA)
                        .orElseThrow(
                                () ->
                                        new DeviceUnavailableException(
                                                "GPU requested but model "
                                                        + bundle.name()
                                                        + " has no cuda trace (a trace only runs on"
                                                        + " the device kind it was traced on); it"
                                                        + " supports: "
                                                        + supported));
            case AUTO:
            default:
                if (gpu && bundle.traceFor(TraceDevice.CUDA).isPresent()) {
                    return bundle.traceFor(TraceDevice.CUDA).get();
                }
                return bundle.traceFor(TraceDevice.CPU)
                        .orElseThrow(
                                () ->
                                        new DeviceUnavailableException(
                                                "model "
                                                        + bundle.name()
                                                        + " has only GPU traces ("
                                                        + supported
                                                        + ") but "
                                                        + TorchRuntime.gpuAbsenceReason(engine)));
        }
    }

    private int runSelfTests() throws ScoringException {
        TraceSpec trace = info.trace();
        int passed = 0;
        for (SelfTestCase test : bundle.selfTests()) {
            if (test.expectedFor(trace.key()).isEmpty()) {
                continue;
            }
            double expected = test.expectedFor(trace.key()).get();
            EncodedConversation encoded;
            try {
                encoded = encode(test.conversation(), LengthPolicy.REFUSE);
            } catch (ScoringException e) {
                throw new SelfTestFailedException(
                        test.name(),
                        selfTestPrefix(test) + "cannot encode its messages: " + e.getMessage());
            }
            long[] ids = encoded.ids();
            if (test.inputIds().isPresent()) {
                checkIds(test, test.inputIds().get(), ids);
            }
            double got = runBatch(List.of(ids)).get(0).score();
            double tolerance = trace.tolerance(expected);
            if (!(Math.abs(got - expected) <= tolerance)) {
                throw new SelfTestFailedException(
                        test.name(),
                        selfTestPrefix(test)
                                + "expected "
                                + expected
                                + ", got "
                                + got
                                + ", tolerance "
                                + tolerance
                                + " ("
                                + trace.key()
                                + "); refusing a bundle whose scores cannot be trusted here");
            }
            passed++;
        }
        return passed;
    }

    private String selfTestPrefix(SelfTestCase test) {
        return bundle.directory().resolve(ModelBundle.BUNDLE_JSON)
                + ": self-test \""
                + test.name()
                + "\" on "
                + info.device()
                + ": ";
    }

    private void checkIds(SelfTestCase test, long[] expected, long[] got)
            throws SelfTestFailedException {
        if (Arrays.equals(expected, got)) {
            return;
        }
        int at = Arrays.mismatch(expected, got);
        String detail =
                at >= Math.min(expected.length, got.length)
                        ? "expected " + expected.length + " tokens, got " + got.length
                        : "at position " + at + " expected id " + expected[at] + ", got " + got[at];
        throw new SelfTestFailedException(
                test.name(),
                selfTestPrefix(test)
                        + "token ids differ from input_ids: "
                        + detail
                        + " (chat template or tokenizer differs from transformers)");
    }

    /**
     * Returns what the model is and where it runs.
     *
     * @return the model info
     */
    public ModelInfo info() {
        return info;
    }

    /**
     * Returns the bundle the model was loaded from.
     *
     * @return the bundle
     */
    public ModelBundle bundle() {
        return bundle;
    }

    /**
     * Renders a conversation with the chat template, tokenizes it and applies the length policy.
     *
     * @param conversation the turns to score
     * @param policy what to do when it is longer than the model accepts
     * @return the encoded conversation, with message spans
     * @throws TemplateRenderingException when the template refuses the conversation
     * @throws SequenceTooLongException when it is too long and the policy is REFUSE
     */
    public EncodedConversation encode(Conversation conversation, LengthPolicy policy)
            throws ScoringException {
        List<ChatTurn> turns = conversation.turns();
        String text = renderer.render(conversation);
        return fit(text, tokenizer.encode(text), locateMessages(text, turns), policy);
    }

    /**
     * Tokenizes text that a chat template already rendered and applies the length policy.
     *
     * @param renderedText the text exactly as the template produced it (with its BOS token text)
     * @param policy what to do when it is longer than the model accepts
     * @return the encoded text, without message spans
     * @throws SequenceTooLongException when it is too long and the policy is REFUSE
     */
    public EncodedConversation encodeRendered(String renderedText, LengthPolicy policy)
            throws SequenceTooLongException {
        return fit(renderedText, tokenizer.encode(renderedText), List.of(), policy);
    }

    private EncodedConversation fit(
            String text,
            TokenEncoder.Tokens tokens,
            List<MessageSpan> messages,
            LengthPolicy policy)
            throws SequenceTooLongException {
        long[] ids = tokens.ids();
        int n = ids.length;
        int max = bundle.maxLength();
        int[] keep;
        if (n <= max) {
            keep = null;
        } else if (policy == LengthPolicy.REFUSE) {
            throw new SequenceTooLongException(n, max, bundle.name());
        } else {
            boolean keepBos = bosId >= 0 && ids[0] == bosId;
            keep = new int[max];
            int tail = keepBos ? max - 1 : max;
            int offset = keepBos ? 1 : 0;
            if (keepBos) {
                keep[0] = 0;
            }
            for (int i = 0; i < tail; i++) {
                keep[offset + i] = n - tail + i;
            }
        }
        int count = keep == null ? n : keep.length;
        long[] keptIds = new long[count];
        List<TokenSpan> spans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int source = keep == null ? i : keep[i];
            keptIds[i] = ids[source];
            spans.add(new TokenSpan(tokens.starts()[source], tokens.ends()[source]));
        }
        return new EncodedConversation(
                text, keptIds, spans, messages, n, renderer.templateSha256());
    }

    /**
     * Finds each turn in the rendered text, searching forward from the previous one. A plain turn
     * is its content (templates often trim it, so the trimmed form is tried when the exact one is
     * absent). A turn with tool calls spans from its content to the last of its calls' names and
     * argument values found, however the template printed them (JSON, Python repr, XML-like tags),
     * so the token heat of a call maps onto the assistant turn that made it.
     */
    static List<MessageSpan> locateMessages(String text, List<ChatTurn> turns) {
        List<MessageSpan> spans = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < turns.size(); i++) {
            ChatTurn turn = turns.get(i);
            int start = -1;
            int end = -1;
            for (List<String> group : searchGroups(turn)) {
                // A group counts only when its first piece (the content, a call's name) is found.
                int[] first = find(text, group.get(0), from);
                if (first == null) {
                    continue;
                }
                start = start < 0 ? first[0] : start;
                end = first[1];
                for (String piece : group.subList(1, group.size())) {
                    int[] found = find(text, piece, end);
                    if (found != null) {
                        end = found[1];
                    }
                }
                from = end;
            }
            if (start >= 0) {
                spans.add(new MessageSpan(i, turn.role(), start, end));
            }
        }
        return spans;
    }

    /** The content, then per tool call its function name followed by its argument values. */
    private static List<List<String>> searchGroups(ChatTurn turn) {
        List<List<String>> groups = new ArrayList<>();
        groups.add(List.of(turn.content()));
        Object calls = turn.fields() == null ? null : turn.fields().get("tool_calls");
        if (calls instanceof List) {
            for (Object call : (List<?>) calls) {
                Object function = call instanceof Map ? ((Map<?, ?>) call).get("function") : null;
                if (function instanceof Map
                        && ((Map<?, ?>) function).get("name") instanceof String) {
                    List<String> group = new ArrayList<>();
                    group.add((String) ((Map<?, ?>) function).get("name"));
                    addLeaves(group, ((Map<?, ?>) function).get("arguments"));
                    groups.add(group);
                }
            }
        }
        return groups;
    }

    private static String jsonString(String piece) {
        try {
            return JSON.writeValueAsString(piece);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    private static void addLeaves(List<String> pieces, Object value) {
        if (value instanceof Map) {
            for (Object item : ((Map<?, ?>) value).values()) {
                addLeaves(pieces, item);
            }
        } else if (value instanceof List) {
            for (Object item : (List<?>) value) {
                addLeaves(pieces, item);
            }
        } else if (value instanceof String) {
            pieces.add((String) value);
        }
    }

    /**
     * The piece, its trimmed form, or its JSON string form (templates print tool results with
     * {@code tojson}) at or after {@code from}: {start, end}, or null.
     */
    private static int[] find(String text, String piece, int from) {
        if (piece.isEmpty()) {
            return null;
        }
        for (String candidate : List.of(piece, piece.strip())) {
            int[] found = indexOf(text, candidate, from);
            if (found != null) {
                return found;
            }
        }
        // Serialised only when the plain forms are absent: this runs for every scored message.
        return indexOf(text, jsonString(piece), from);
    }

    private static int[] indexOf(String text, String candidate, int from) {
        int at = candidate.isEmpty() ? -1 : text.indexOf(candidate, from);
        return at < 0 ? null : new int[] {at, at + candidate.length()};
    }

    /**
     * Scores one conversation.
     *
     * @param conversation the turns, ending with the response to score
     * @param policy what to do when it is longer than the model accepts
     * @return the score with its detail and provenance
     * @throws ScoringException when it cannot be rendered, is too long, or the engine fails
     */
    public ScoreResult score(Conversation conversation, LengthPolicy policy)
            throws ScoringException {
        return scoreEncoded(List.of(encode(conversation, policy))).get(0);
    }

    /**
     * Scores many conversations in length-bucketed batches.
     *
     * @param conversations the conversations
     * @param policy what to do with one longer than the model accepts
     * @return the results, in input order
     * @throws ScoringException when one cannot be rendered or is too long (nothing is scored then),
     *     or the engine fails
     */
    public List<ScoreResult> scoreAll(List<Conversation> conversations, LengthPolicy policy)
            throws ScoringException {
        List<EncodedConversation> encoded = new ArrayList<>(conversations.size());
        for (Conversation conversation : conversations) {
            encoded.add(encode(conversation, policy));
        }
        return scoreEncoded(encoded);
    }

    /**
     * Scores encoded conversations in length-bucketed batches (batch size chosen by the token
     * budget of the load options).
     *
     * @param inputs the encoded conversations
     * @return the results, in input order
     * @throws InferenceException when the engine fails
     */
    public List<ScoreResult> scoreEncoded(List<EncodedConversation> inputs)
            throws InferenceException {
        ScoreResult[] results = new ScoreResult[inputs.size()];
        for (List<Integer> batch : planBatches(inputs)) {
            List<EncodedConversation> rows = new ArrayList<>(batch.size());
            for (int index : batch) {
                rows.add(inputs.get(index));
            }
            List<ScoreResult> scored = scoreBatch(rows);
            for (int i = 0; i < batch.size(); i++) {
                results[batch.get(i)] = scored.get(i);
            }
        }
        return Arrays.asList(results);
    }

    /**
     * The model calls {@link #scoreEncoded} makes for these inputs, as the width (padded length) of
     * each, for diagnostics and benchmarks.
     *
     * @param inputs encoded conversations
     * @return the width of each call, in the order they run
     */
    public List<Integer> callWidths(List<EncodedConversation> inputs) {
        List<Integer> widths = new ArrayList<>();
        for (List<Integer> batch : planBatches(inputs)) {
            int width = 0;
            for (int index : batch) {
                width = Math.max(width, inputs.get(index).tokenCount());
            }
            widths.add(width);
        }
        return widths;
    }

    /** Plans length-bucketed batches of indices into {@code inputs}. */
    List<List<Integer>> planBatches(List<EncodedConversation> inputs) {
        int[] lengths = inputs.stream().mapToInt(EncodedConversation::tokenCount).toArray();
        return planner.plan(lengths);
    }

    /** Runs exactly one model call on these rows, right-padded to the longest. */
    List<ScoreResult> scoreBatch(List<EncodedConversation> rows) throws InferenceException {
        List<long[]> ids = new ArrayList<>(rows.size());
        for (EncodedConversation row : rows) {
            ids.add(row.ids());
        }
        List<RowScore> scores = runBatch(ids);
        Instant now = Instant.now();
        List<ScoreResult> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EncodedConversation row = rows.get(i);
            results.add(
                    new ScoreResult(
                            scores.get(i).score(),
                            scores.get(i).perToken(),
                            row,
                            provenance(row, now),
                            false));
        }
        return results;
    }

    Provenance provenance(EncodedConversation input, Instant scoredAt) {
        return new Provenance(
                info.bundleHash(),
                info.name(),
                info.trace().file(),
                info.trace().dtype(),
                info.device(),
                info.engineVersion(),
                input.templateSha256(),
                input.truncated(),
                input.tokensDropped(),
                scoredAt);
    }

    /** One row's output: its score and its per-token scores cut to its real length. */
    record RowScore(double score, float[] perToken) {}

    /** One model call; serialized because the predictor is not for concurrent use. */
    synchronized List<RowScore> runBatch(List<long[]> rows) throws InferenceException {
        if (closed) {
            throw new IllegalStateException("model " + info.name() + " is closed");
        }
        int width = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        if (width == 0) {
            throw new IllegalArgumentException("cannot score an empty token sequence");
        }
        long[] ids = new long[rows.size() * width];
        long[] mask = new long[rows.size() * width];
        Arrays.fill(ids, padId);
        for (int r = 0; r < rows.size(); r++) {
            long[] row = rows.get(r);
            System.arraycopy(row, 0, ids, r * width, row.length);
            Arrays.fill(mask, r * width, r * width + row.length, 1L);
        }
        RewardTranslator.Output output;
        try {
            output = predictor.predict(new RewardTranslator.Batch(ids, mask, rows.size(), width));
        } catch (TranslateException | RuntimeException e) {
            throw new InferenceException(
                    "model "
                            + info.name()
                            + " failed on a batch of "
                            + rows.size()
                            + " x "
                            + width
                            + " tokens on "
                            + info.device()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (output.scores().length != rows.size()
                || (output.perToken() != null && output.perToken().length != rows.size() * width)) {
            throw new InferenceException(
                    "model "
                            + info.name()
                            + " returned "
                            + output.scores().length
                            + " scores for "
                            + rows.size()
                            + " rows of "
                            + width
                            + " tokens",
                    null);
        }
        List<RowScore> scores = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            float[] perToken = null;
            if (output.perToken() != null) {
                perToken =
                        Arrays.copyOfRange(
                                output.perToken(), r * width, r * width + rows.get(r).length);
            }
            scores.add(new RowScore(output.scores()[r], perToken));
        }
        return scores;
    }

    /** Frees the predictor, the native model and the tokenizer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            predictor.close();
        } finally {
            try {
                model.close();
            } finally {
                tokenizer.close();
            }
        }
    }

    @Override
    public String toString() {
        return "RewardModel[" + info.name() + " on " + info.device() + "]";
    }
}
