package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.Fixtures.Golden;
import io.rewardlens.scoring.Fixtures.GoldenCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every golden case of every tiny model: token ids, score and per-token scores as transformers. */
class GoldenScoresTest {
    static final List<String> MODELS = Fixtures.MODELS;

    @ParameterizedTest
    @FieldSource("MODELS")
    void tokenIdsEqualTransformers(String name) throws ScoringException {
        RewardModel model = Fixtures.loaded(name);
        for (GoldenCase c : Fixtures.golden(name).scorable()) {
            EncodedConversation encoded = model.encodeRendered(c.rendered(), LengthPolicy.REFUSE);
            assertArrayEquals(c.inputIds(), encoded.tokenIds(), name + "/" + c.name());
            assertEquals(encoded.tokenCount(), encoded.tokenSpans().size());
            assertEquals(0, encoded.tokensDropped());
        }
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void scoresOneByOneEqualTransformers(String name) throws ScoringException {
        RewardModel model = Fixtures.loaded(name);
        for (GoldenCase c : Fixtures.golden(name).scorable()) {
            ScoreResult result =
                    model.scoreEncoded(
                                    List.of(
                                            model.encodeRendered(
                                                    c.rendered(), LengthPolicy.REFUSE)))
                            .get(0);
            String what = name + "/" + c.name();
            assertEquals(c.scoreFp32(), result.score(), 1e-4, what);
            float[] perToken = result.perTokenScores();
            assertEquals(c.perTokenFp32().length, perToken.length, what);
            for (int i = 0; i < perToken.length; i++) {
                assertEquals(c.perTokenFp32()[i], perToken[i], 1e-4, what + " token " + i);
            }
            assertEquals(result.score(), perToken[perToken.length - 1], 1e-6, what);
            assertEquals("cpu", result.provenance().device());
            assertEquals(model.info().bundleHash(), result.provenance().bundleHash());
            assertEquals("float32", result.provenance().dtype());
        }
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void paddedBatchEqualsOneByOneAndTransformersBatch(String name) throws ScoringException {
        RewardModel model = Fixtures.loaded(name);
        Golden golden = Fixtures.golden(name);
        List<EncodedConversation> inputs = new ArrayList<>();
        for (GoldenCase c : golden.scorable()) {
            inputs.add(model.encodeRendered(c.rendered(), LengthPolicy.REFUSE));
        }
        // The default budget holds all cases in one padded call.
        List<List<Integer>> plan = model.planBatches(inputs);
        assertEquals(1, plan.size(), "expected one padded batch, got " + plan);
        int longest = inputs.stream().mapToInt(EncodedConversation::tokenCount).max().orElse(0);
        assertEquals(List.of(longest), model.callWidths(inputs));

        List<ScoreResult> batched = model.scoreEncoded(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            GoldenCase c = golden.scorable().get(i);
            ScoreResult alone = model.scoreEncoded(List.of(inputs.get(i))).get(0);
            ScoreResult inBatch = batched.get(i);
            String what = name + "/" + c.name();
            assertEquals(alone.score(), inBatch.score(), 1e-4, what);
            assertEquals(golden.batchRightPadded().get(c.name()), inBatch.score(), 1e-4, what);
            assertEquals(inputs.get(i).tokenCount(), inBatch.perTokenScores().length, what);
            float[] a = alone.perTokenScores();
            float[] b = inBatch.perTokenScores();
            for (int t = 0; t < a.length; t++) {
                assertEquals(a[t], b[t], 1e-4, what + " token " + t);
            }
            assertTrue(inBatch.input() == inputs.get(i), "results come back in input order");
        }
    }
}
