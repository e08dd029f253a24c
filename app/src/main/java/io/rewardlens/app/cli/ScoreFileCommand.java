package io.rewardlens.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.EncodedConversation;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.scoring.ScoringException;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.InvalidMessageException;
import io.rewardlens.storescoring.PairConversations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rewardlens score-file}: scores every conversation or pair of a JSONL file. */
@Command(
        name = "score-file",
        mixinStandardHelpOptions = true,
        description = {
            "Score every line of a JSONL file with a reward model, one JSON line out per line in.",
            "Output lines come in input order:",
            "  {\"messages\": [...]}               -> {\"score\": s, \"tokens\": n}",
            "  {\"chosen\": [...], \"rejected\": [...]} -> {\"chosen_score\", \"rejected_score\","
                    + " \"margin\", ...}",
            "Messages are OpenAI-style objects (tool_calls, tool results, content parts); a line's"
                    + " \"tools\" and \"documents\" go to the chat template.",
            "A line that cannot be scored gives {\"error\": \"...\"}; the others still run; the"
                    + " exit code is then 3.",
        })
public final class ScoreFileCommand implements Callable<Integer> {
    /** Exit code when some lines could not be scored. */
    static final int SOME_LINES_FAILED = 3;

    /** Lines read and scored together: enough for bucketing, little memory. */
    private static final int WINDOW = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin ModelOptions modelOptions;
    @Mixin ProgressOption progress;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--per-token",
            description = "Add the per-token scores (when the trace gives them).")
    boolean perToken;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write here instead of standard output.")
    Path out;

    @Parameters(paramLabel = "IN.jsonl", description = "Conversations or Skywork pairs.")
    Path input;

    /** One input line: its conversations (one or two), or why it cannot be scored. */
    private record Line(
            long number, boolean pair, List<Conversation> conversations, String error) {}

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(input)) {
            throw new RefusedInputException(input + " is a folder, not a JSONL file");
        }
        if (!Files.isRegularFile(input)) {
            throw new RefusedInputException(input + ": no such file");
        }
        int failed = 0;
        try (RewardModel model = modelOptions.load(spec.commandLine().getErr());
                BufferedReader reader = strictUtf8Reader(input);
                OutputStream sink =
                        out == null ? nonClosing(System.out) : Files.newOutputStream(out);
                JsonGenerator json = new JsonFactory().createGenerator(sink, JsonEncoding.UTF8);
                ConsoleProgress bar =
                        ConsoleProgress.start("score-file", " lines", progress.enabled())) {
            json.setRootValueSeparator(null);
            if (perToken && !model.info().perTokenScores()) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "rewardlens: --per-token: this bundle's trace ("
                                        + model.info().trace().file()
                                        + ") gives no per-token scores; writing scores only");
            }
            List<Line> window = new ArrayList<>(WINDOW);
            long number = 0;
            while (true) {
                String text = readLine(reader, number + 1);
                if (text == null) {
                    break;
                }
                window.add(parse(++number, text));
                if (window.size() == WINDOW) {
                    failed += scoreWindow(model, window, json);
                    window.clear();
                    bar.progress(number, -1, "scoring");
                }
            }
            failed += scoreWindow(model, window, json);
            bar.progress(number, number, "done");
            json.flush();
        }
        if (failed > 0) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "rewardlens: %s of %s could not be scored%n",
                            Plural.of(failed, "line"), input);
            return SOME_LINES_FAILED;
        }
        return 0;
    }

    private static BufferedReader strictUtf8Reader(Path file) throws IOException {
        return new BufferedReader(
                new java.io.InputStreamReader(
                        Files.newInputStream(file),
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    private String readLine(BufferedReader reader, long number) throws IOException {
        try {
            String line = reader.readLine();
            if (number == 1 && line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new IOException(input + " line " + number + ": invalid UTF-8", e);
        }
    }

    private static Line parse(long number, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return failure(number, "invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return failure(number, "expected a JSON object");
        }
        try {
            if (root.has("messages")) {
                return new Line(number, false, List.of(conversation(root, "messages")), null);
            }
            if (root.has("chosen") && root.has("rejected")) {
                return new Line(
                        number,
                        true,
                        List.of(conversation(root, "chosen"), conversation(root, "rejected")),
                        null);
            }
        } catch (IllegalArgumentException e) {
            return failure(number, e.getMessage());
        }
        return failure(
                number,
                "expected {\"messages\": [...]} or a Skywork pair {\"chosen\": [...],"
                        + " \"rejected\": [...]}");
    }

    private static Line failure(long number, String message) {
        return new Line(number, false, List.of(), "line " + number + ": " + message);
    }

    /**
     * A conversation of the line: every message as the dataset wrote it (checked as the importer
     * checks it), and the line's {@code tools} and {@code documents} as template variables.
     */
    private static Conversation conversation(JsonNode root, String field) {
        JsonNode messages = root.get(field);
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException(
                    "field " + field + ": expected a non-empty list of messages");
        }
        List<ChatMessage> parsed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                parsed.add(ChatMessage.fromJson(messages.get(i).toString()));
            } catch (InvalidMessageException e) {
                String at = field + "[" + i + "]";
                throw new IllegalArgumentException(
                        "field "
                                + (e.field() == null ? at : at + "." + e.field())
                                + ": "
                                + e.reason(),
                        e);
            }
        }
        return PairConversations.of(
                parsed,
                name -> {
                    JsonNode value = root.get(name);
                    return value == null || value.isNull()
                            ? null
                            : JSON.convertValue(value, Object.class);
                });
    }

    /** Encodes the window's conversations, scores the good ones in bucketed batches, writes all. */
    private int scoreWindow(RewardModel model, List<Line> window, JsonGenerator json)
            throws IOException, ScoringException {
        List<EncodedConversation> inputs = new ArrayList<>();
        String[] errors = new String[window.size()];
        int[] firstInput = new int[window.size()];
        for (int i = 0; i < window.size(); i++) {
            Line line = window.get(i);
            errors[i] = line.error();
            firstInput[i] = inputs.size();
            if (line.error() != null) {
                continue;
            }
            List<EncodedConversation> encoded = new ArrayList<>();
            String side = line.pair() ? "chosen" : null;
            try {
                for (Conversation conversation : line.conversations()) {
                    encoded.add(model.encode(conversation, modelOptions.lengthPolicy()));
                    side = "rejected";
                }
                inputs.addAll(encoded);
            } catch (ScoringException e) {
                // Which record and, for a pair, which side the template refused, and its reason.
                errors[i] =
                        "line "
                                + line.number()
                                + (side == null ? "" : ", " + side)
                                + ": "
                                + e.getMessage();
            }
        }
        List<ScoreResult> results = model.scoreEncoded(inputs);
        int failed = 0;
        for (int i = 0; i < window.size(); i++) {
            json.writeStartObject();
            if (errors[i] != null) {
                failed++;
                json.writeStringField("error", errors[i]);
            } else if (window.get(i).pair()) {
                writePair(json, results.get(firstInput[i]), results.get(firstInput[i] + 1));
            } else {
                writeSide(json, "", results.get(firstInput[i]));
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return failed;
    }

    private void writePair(JsonGenerator json, ScoreResult chosen, ScoreResult rejected)
            throws IOException {
        json.writeNumberField("chosen_score", (float) chosen.score());
        json.writeNumberField("rejected_score", (float) rejected.score());
        json.writeNumberField("margin", (float) chosen.score() - (float) rejected.score());
        writeSide(json, "chosen_", chosen);
        writeSide(json, "rejected_", rejected);
    }

    private void writeSide(JsonGenerator json, String prefix, ScoreResult result)
            throws IOException {
        if (prefix.isEmpty()) {
            json.writeNumberField("score", (float) result.score());
        }
        json.writeNumberField(prefix + "tokens", result.tokenCount());
        if (result.provenance().truncated()) {
            json.writeNumberField(prefix + "tokens_dropped", result.provenance().tokensDropped());
        }
        if (perToken && result.hasPerTokenScores()) {
            float[] values = result.perTokenScores();
            json.writeArrayFieldStart(prefix + "per_token");
            for (float value : values) {
                json.writeNumber(value);
            }
            json.writeEndArray();
        }
    }

    private static OutputStream nonClosing(OutputStream stream) {
        return new java.io.FilterOutputStream(stream) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
