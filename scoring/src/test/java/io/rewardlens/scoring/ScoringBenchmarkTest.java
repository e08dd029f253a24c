package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.scoring.Fixtures.GoldenCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPU figures: bucketed batches against one-by-one scoring over a few hundred conversations of
 * varied length, and the Java-side cost of preparing a conversation. Prints, asserts nothing about
 * time.
 */
@Tag("bench")
class ScoringBenchmarkTest {
    private static final int CONVERSATIONS = 300;

    /** A golden conversation with its last answer replaced. */
    private static Conversation withAnswer(GoldenCase c, String answer) {
        List<ChatTurn> turns = new ArrayList<>(c.conversation().turns());
        ChatTurn last = turns.get(turns.size() - 1);
        turns.set(turns.size() - 1, new ChatTurn(last.role(), answer));
        return new Conversation(turns);
    }

    /**
     * Golden conversations with a short numbered suffix on the last answer: chat-sized, 14 to about
     * 170 tokens.
     */
    private static List<Conversation> shortConversations(String name) {
        List<GoldenCase> cases = Fixtures.golden(name).scorable();
        Random random = new Random(7);
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            GoldenCase c = cases.get(i % cases.size());
            List<ChatTurn> turns = c.conversation().turns();
            String answer = turns.get(turns.size() - 1).content();
            String suffix = " (variant " + i + ", " + "ok ".repeat(random.nextInt(8)) + ")";
            conversations.add(withAnswer(c, answer + suffix));
        }
        return conversations;
    }

    /** Golden conversations with the last answer repeated 1-6 times: 14 to about 900 tokens. */
    private static List<Conversation> longConversations(String name) {
        List<GoldenCase> cases = Fixtures.golden(name).scorable();
        Random random = new Random(42);
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            GoldenCase c = cases.get(i % cases.size());
            List<ChatTurn> turns = c.conversation().turns();
            String answer = turns.get(turns.size() - 1).content();
            int copies = 1 + random.nextInt(6);
            conversations.add(
                    withAnswer(
                            c, String.join(" ", Collections.nCopies(copies, answer)) + " #" + i));
        }
        return conversations;
    }

    private static final int ROUNDS = 5;

    /**
     * Best of {@value #ROUNDS} interleaved rounds each, in wall time and in process CPU time: the
     * build machine is shared, the best round is the one least disturbed by other processes, and
     * CPU time counts the work done whatever the waiting.
     */
    @Test
    void bucketedBatchesAgainstOneByOne() throws Exception {
        System.out.println(
                "model        texts convs tokens template+tok-us tok-us  wall:1x1  batched speedup"
                        + "   cpu:1x1"
                        + "   batched speedup (seconds, budget "
                        + LoadOptions.CPU_TOKEN_BUDGET
                        + ")");
        for (String name : Fixtures.MODELS) {
            RewardModel model = Fixtures.loaded(name);
            compare(model, "short", shortConversations(name));
            compare(model, "long", longConversations(name));
        }
    }

    private static void compare(RewardModel model, String kind, List<Conversation> conversations)
            throws ScoringException {
        List<EncodedConversation> inputs = new ArrayList<>();
        double prepMicros = Double.MAX_VALUE;
        double tokenizerMicros = Double.MAX_VALUE;
        int n = conversations.size();
        for (Conversation conversation : conversations) {
            // Warm-up: the first renders and encodes run interpreted and load the native library.
            model.encode(conversation, LengthPolicy.REFUSE);
        }
        for (int round = 0; round < ROUNDS; round++) {
            inputs.clear();
            long t0 = System.nanoTime();
            for (Conversation conversation : conversations) {
                inputs.add(model.encode(conversation, LengthPolicy.REFUSE));
            }
            prepMicros = Math.min(prepMicros, (System.nanoTime() - t0) / 1e3 / n);
            long t1 = System.nanoTime();
            for (EncodedConversation input : inputs) {
                model.encodeRendered(input.text(), LengthPolicy.REFUSE);
            }
            tokenizerMicros = Math.min(tokenizerMicros, (System.nanoTime() - t1) / 1e3 / n);
        }
        long tokens = inputs.stream().mapToLong(EncodedConversation::tokenCount).sum();
        // Warm-up: the profiling graph executor specializes on the first calls.
        model.scoreEncoded(inputs);
        for (EncodedConversation input : inputs.subList(0, 30)) {
            model.scoreEncoded(List.of(input));
        }
        double oneByOne = Double.MAX_VALUE;
        double batched = Double.MAX_VALUE;
        double oneByOneCpu = Double.MAX_VALUE;
        double batchedCpu = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long c1 = processCpuNanos();
            long t1 = System.nanoTime();
            List<Double> alone = new ArrayList<>();
            for (EncodedConversation input : inputs) {
                alone.add(model.scoreEncoded(List.of(input)).get(0).score());
            }
            oneByOne = Math.min(oneByOne, (System.nanoTime() - t1) / 1e9);
            oneByOneCpu = Math.min(oneByOneCpu, (processCpuNanos() - c1) / 1e9);
            long c2 = processCpuNanos();
            long t2 = System.nanoTime();
            List<ScoreResult> results = model.scoreEncoded(inputs);
            batched = Math.min(batched, (System.nanoTime() - t2) / 1e9);
            batchedCpu = Math.min(batchedCpu, (processCpuNanos() - c2) / 1e9);
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(alone.get(i), results.get(i).score(), 1e-4);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-12s %-5s %5d %6d %15.0f %6.0f %9.3f %9.3f %6.1fx %9.3f %9.3f %6.1fx%n",
                model.info().name(),
                kind,
                inputs.size(),
                tokens,
                prepMicros,
                tokenizerMicros,
                oneByOne,
                batched,
                oneByOne / batched,
                oneByOneCpu,
                batchedCpu,
                oneByOneCpu / batchedCpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Test
    void tokenBudgets() throws Exception {
        System.out.println("model        texts budget calls best-s");
        for (String name : Fixtures.MODELS) {
            RewardModel model = Fixtures.loaded(name);
            for (String kind : List.of("short", "long")) {
                List<Conversation> conversations =
                        kind.equals("short") ? shortConversations(name) : longConversations(name);
                List<EncodedConversation> inputs = new ArrayList<>();
                for (Conversation conversation : conversations) {
                    inputs.add(model.encode(conversation, LengthPolicy.REFUSE));
                }
                int[] lengths = inputs.stream().mapToInt(EncodedConversation::tokenCount).toArray();
                model.scoreEncoded(inputs);
                for (int budget : new int[] {512, 1024, 2048, 4096, 8192, 16384}) {
                    List<List<Integer>> plan = new BatchPlanner(budget, 64).plan(lengths);
                    double best = Double.MAX_VALUE;
                    for (int round = 0; round < ROUNDS; round++) {
                        long t = System.nanoTime();
                        for (List<Integer> batch : plan) {
                            model.scoreBatch(batch.stream().map(inputs::get).toList());
                        }
                        best = Math.min(best, (System.nanoTime() - t) / 1e9);
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "%-12s %-5s %6d %5d %6.3f%n",
                            name,
                            kind,
                            budget,
                            plan.size(),
                            best);
                }
            }
        }
    }
}
