package io.rewardlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.scoring.ChatTurn;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.EncodedConversation;
import io.rewardlens.scoring.LengthPolicy;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoringException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rewardlens bench-score}: model throughput and latency on synthetic conversations of a
 * chosen length, printed as one JSON object, for comparison with a Python baseline run on the same
 * machine ({@code bench/python/transformers_throughput.py}).
 */
@Command(
        name = "bench-score",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a reward model's scoring speed on synthetic conversations, as JSON.",
            "It times a batch of BATCH conversations of about TOKENS tokens each (model time only),"
                    + " batch-1 latency, and the Java-side cost of template and tokenizer.",
        })
public final class BenchScoreCommand implements Callable<Integer> {
    private static final String[] WORDS =
            ("the model reward answer question because therefore however example python code"
                            + " function value result first second then finally error correct"
                            + " explain step number list table bold safety refuse helpful data")
                    .split(" ");

    @Mixin ModelOptions modelOptions;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--batch", defaultValue = "16", description = "Conversations per batch.")
    int batch;

    @Option(names = "--tokens", defaultValue = "1024", description = "Tokens per conversation.")
    int tokens;

    @Option(
            names = "--latency-tokens",
            defaultValue = "512",
            description = "Tokens of the batch-1 latency conversation.")
    int latencyTokens;

    @Option(names = "--repeat", defaultValue = "10", description = "Timed repetitions.")
    int repeat;

    @Option(
            names = "--length-jitter",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Make the batch's conversations TOKENS-N..TOKENS tokens long (random), so the"
                            + " call is right-padded as real data is; 0 (default): all TOKENS.")
    int lengthJitter;

    @Override
    public Integer call() throws Exception {
        try (RewardModel model = modelOptions.load(spec.commandLine().getErr())) {
            SplittableRandom random = new SplittableRandom(7);
            List<Conversation> conversations = new ArrayList<>();
            List<EncodedConversation> inputs = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                int wanted = tokens - (lengthJitter > 0 ? random.nextInt(lengthJitter + 1) : 0);
                Sample sample = sampleOf(model, wanted, random);
                inputs.add(sample.encoded());
                conversations.add(sample.conversation());
            }
            EncodedConversation single = sampleOf(model, latencyTokens, random).encoded();

            // Each shape is warmed up and timed on its own, as the Python baseline does: the
            // TorchScript profiling executor specializes the graph on the shapes it sees first.
            double[] batchMs = time(() -> model.scoreEncoded(inputs));
            double[] singleMs = time(() -> model.scoreEncoded(List.of(single)));
            long t2 = System.nanoTime();
            int prepared = 0;
            for (int i = 0; i < repeat; i++) {
                for (Conversation conversation : conversations) {
                    model.encode(conversation, LengthPolicy.REFUSE);
                    prepared++;
                }
            }
            double prepMicros = (System.nanoTime() - t2) / 1e3 / prepared;

            long batchTokens = inputs.stream().mapToLong(EncodedConversation::tokenCount).sum();
            double medianBatch = median(batchMs);
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("model", model.info().name());
            json.put("trace", model.info().trace().file());
            json.put("dtype", model.info().trace().dtype());
            json.put("device", model.info().device());
            json.put("engine", model.info().engineVersion());
            json.put("batch", batch);
            json.put("batch_tokens", batchTokens);
            json.put("batch_call_widths", model.callWidths(inputs).toString());
            json.put("batch_ms_median", medianBatch);
            json.put("batch_ms_min", Arrays.stream(batchMs).min().orElse(0));
            json.put("tokens_per_s", batchTokens / (medianBatch / 1e3));
            json.put("latency_tokens", single.tokenCount());
            json.put("latency_ms_median", median(singleMs));
            json.put("template_and_tokenizer_us_per_conversation", prepMicros);
            spec.commandLine().getOut().println(json.toPrettyString());
        }
        return 0;
    }

    /** One model call to time. */
    @FunctionalInterface
    private interface ModelCall {
        void run() throws ScoringException;
    }

    /** Three warm-up calls, then {@code repeat} timed ones; milliseconds each. */
    private double[] time(ModelCall call) throws ScoringException {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        double[] millis = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** A synthetic conversation and its encoding. */
    private record Sample(Conversation conversation, EncodedConversation encoded) {}

    /**
     * A conversation whose encoding has exactly {@code wanted} tokens, or as close as the words
     * allow: the same random words each attempt, more or fewer of them until the count fits.
     */
    private static Sample sampleOf(RewardModel model, int wanted, SplittableRandom random)
            throws ScoringException {
        long seed = random.nextLong();
        int words = Math.max(1, wanted);
        Sample best = null;
        for (int attempt = 0; attempt < 64; attempt++) {
            StringBuilder text = new StringBuilder();
            SplittableRandom wordPicker = new SplittableRandom(seed);
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[wordPicker.nextInt(WORDS.length)]);
            }
            Conversation conversation =
                    Conversation.of(
                            new ChatTurn("user", "Write some text."),
                            new ChatTurn("assistant", text.toString()));
            Sample sample =
                    new Sample(
                            conversation, model.encode(conversation, LengthPolicy.TRUNCATE_LEFT));
            int difference = wanted - sample.encoded().tokenCount();
            if (best == null
                    || Math.abs(difference) < Math.abs(wanted - best.encoded().tokenCount())) {
                best = sample;
            }
            if (difference == 0) {
                break;
            }
            // Halve big steps so that words of several tokens cannot make the count oscillate.
            int step = Math.abs(difference) > 8 ? difference / 2 : Integer.signum(difference);
            words = Math.max(1, words + step);
        }
        return best;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
