package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rewardlens.scoring.Fixtures.GoldenCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain transformers trace form (logits [B,1], no per-token scores). */
class LogitsTraceTest {
    @Test
    void logitsTraceGivesTheTransformersScoresWithoutPerTokenDetail() throws Exception {
        Path source = Fixtures.model("tiny-llama3");
        Path dir = Fixtures.scratch("logits");
        for (String file :
                List.of(
                        "config.json",
                        "tokenizer.json",
                        "tokenizer_config.json",
                        "model.torchscript.pt")) {
            Files.copy(source.resolve(file), dir.resolve(file));
        }
        try (RewardModel model =
                RewardModel.load(dir, Fixtures.cpuOptions(Fixtures.scratch("hashes")))) {
            assertEquals(TraceForm.LOGITS, model.info().trace().form());
            assertFalse(model.info().perTokenScores());
            List<GoldenCase> cases = Fixtures.golden("tiny-llama3").scorable();
            List<EncodedConversation> inputs = new ArrayList<>();
            for (GoldenCase c : cases) {
                inputs.add(model.encodeRendered(c.rendered(), LengthPolicy.REFUSE));
            }
            List<ScoreResult> batched = model.scoreEncoded(inputs);
            for (int i = 0; i < cases.size(); i++) {
                ScoreResult alone = model.scoreEncoded(List.of(inputs.get(i))).get(0);
                assertEquals(cases.get(i).scoreFp32(), alone.score(), 1e-4, cases.get(i).name());
                assertEquals(cases.get(i).scoreFp32(), batched.get(i).score(), 1e-4);
                assertFalse(alone.hasPerTokenScores());
                assertNull(alone.perTokenScores());
                assertEquals("model.torchscript.pt", alone.provenance().traceFile());
            }
        }
    }
}
