package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.Fixtures.GoldenCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversations above the bundle's max_length: refused, or truncated from the left on request. */
class LengthPolicyTest {
    private static final int MAX = 20;

    private static RewardModel loadWithMaxLength(String name) throws Exception {
        Path dir = Fixtures.copyOf(name, Fixtures.scratch("maxlen"));
        Files.writeString(
                dir.resolve("bundle.json"),
                "{\"format\": 1, \"max_length\": " + MAX + "}",
                java.nio.charset.StandardCharsets.UTF_8);
        return RewardModel.load(dir, Fixtures.cpuOptions(Fixtures.scratch("hashes")));
    }

    @Test
    void refuseNamesTheLengthAndTheMaximum() throws Exception {
        GoldenCase c = Fixtures.golden("tiny-llama3").cases().get("jane_correct");
        try (RewardModel model = loadWithMaxLength("tiny-llama3")) {
            assertEquals(MAX, model.info().maxLength());
            SequenceTooLongException e =
                    assertThrows(
                            SequenceTooLongException.class,
                            () -> model.encodeRendered(c.rendered(), LengthPolicy.REFUSE));
            assertEquals(c.inputIds().length, e.tokenCount());
            assertEquals(MAX, e.maxLength());
            assertTrue(
                    e.getMessage().contains(c.inputIds().length + " tokens")
                            && e.getMessage().contains("at most " + MAX),
                    e.getMessage());
        }
    }

    @Test
    void truncateLeftKeepsTheBosAndTheLastTokens() throws Exception {
        GoldenCase c = Fixtures.golden("tiny-llama3").cases().get("jane_correct");
        long[] golden = c.inputIds();
        try (RewardModel model = loadWithMaxLength("tiny-llama3")) {
            EncodedConversation full =
                    Fixtures.loaded("tiny-llama3")
                            .encodeRendered(c.rendered(), LengthPolicy.REFUSE);
            EncodedConversation cut =
                    model.encodeRendered(c.rendered(), LengthPolicy.TRUNCATE_LEFT);
            assertEquals(MAX, cut.tokenCount());
            assertEquals(golden.length, cut.originalTokenCount());
            assertEquals(golden.length - MAX, cut.tokensDropped());
            assertTrue(cut.truncated());
            long[] expected = new long[MAX];
            expected[0] = golden[0];
            System.arraycopy(golden, golden.length - (MAX - 1), expected, 1, MAX - 1);
            assertEquals(128000L, expected[0], "the template's BOS");
            assertArrayEquals(expected, cut.tokenIds());
            assertEquals(full.tokenSpans().get(0), cut.tokenSpans().get(0));
            assertEquals(
                    full.tokenSpans().subList(golden.length - (MAX - 1), golden.length),
                    cut.tokenSpans().subList(1, MAX));

            ScoreResult result = model.scoreEncoded(List.of(cut)).get(0);
            assertTrue(result.provenance().truncated());
            assertEquals(golden.length - MAX, result.provenance().tokensDropped());
            assertEquals(MAX, result.perTokenScores().length);
        }
    }

    @Test
    void truncateLeftWithoutBosKeepsExactlyTheLastTokens() throws Exception {
        GoldenCase c = Fixtures.golden("tiny-qwen3").cases().get("jane_correct");
        long[] golden = c.inputIds();
        try (RewardModel model = loadWithMaxLength("tiny-qwen3")) {
            EncodedConversation cut =
                    model.encodeRendered(c.rendered(), LengthPolicy.TRUNCATE_LEFT);
            assertArrayEquals(
                    Arrays.copyOfRange(golden, golden.length - MAX, golden.length), cut.tokenIds());
        }
    }

    @Test
    void conversationsWithinTheMaximumAreUntouched() throws Exception {
        GoldenCase c = Fixtures.golden("tiny-llama3").cases().get("empty_answer");
        try (RewardModel model = loadWithMaxLength("tiny-llama3")) {
            EncodedConversation encoded =
                    model.encodeRendered(c.rendered(), LengthPolicy.TRUNCATE_LEFT);
            assertFalse(encoded.truncated());
            assertArrayEquals(c.inputIds(), encoded.tokenIds());
            ScoreResult result = model.scoreEncoded(List.of(encoded)).get(0);
            assertEquals(c.scoreFp32(), result.score(), 1e-4);
            assertFalse(result.provenance().truncated());
        }
    }

    @Test
    void longConversationIsScoredOnAllItsTokens() throws IOException, ScoringException {
        GoldenCase c = Fixtures.golden("tiny-llama3").cases().get("long");
        List<ChatTurn> turns = c.conversation().turns();
        String answer = turns.get(turns.size() - 1).content().strip();
        String longText =
                c.rendered()
                        .replace(
                                answer,
                                String.join("\n\n", java.util.Collections.nCopies(6, answer)));
        RewardModel model = Fixtures.loaded("tiny-llama3");
        EncodedConversation encoded = model.encodeRendered(longText, LengthPolicy.REFUSE);
        int n = encoded.tokenCount();
        assertTrue(n > 512, "built a conversation of " + n + " tokens");
        assertFalse(encoded.truncated());

        TokenEncoder tokenizer =
                TokenEncoder.load(Fixtures.model("tiny-llama3").resolve("tokenizer.json"));
        try (tokenizer) {
            assertEquals(
                    longText, tokenizer.decode(encoded.tokenIds()), "ids cover the whole text");
        }
        // DJL's defaults would add a second BOS and cut at 512: the trap the encoder avoids.
        try (var defaults =
                ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(
                        Fixtures.model("tiny-llama3").resolve("tokenizer.json"))) {
            long[] trap = defaults.encode(longText).getIds();
            assertEquals(512, trap.length);
            assertEquals(trap[0], trap[1], "duplicated BOS");
        }

        ScoreResult full = model.scoreEncoded(List.of(encoded)).get(0);
        float[] perToken = full.perTokenScores();
        assertEquals(n, perToken.length);
        assertEquals(full.score(), perToken[n - 1], 1e-6);
        double first512 =
                model.runBatch(List.of(Arrays.copyOf(encoded.tokenIds(), 512))).get(0).score();
        // Causal attention: the 512-token prefix scores what the full run says at position 511...
        assertEquals(perToken[511], first512, 1e-4);
        // ...and the full conversation's score is not that truncated one.
        assertTrue(Math.abs(full.score() - first512) > 1e-3, full.score() + " vs " + first512);
    }
}
