package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.storage.RewardModelInfo;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.analysis.AnalyzedModel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelSlugTest {
    private static AnalyzedModel model(long id, String name) {
        RewardModelInfo info = new RewardModelInfo("h", name, "float32", "cpu", "DJL", "t");
        return new AnalyzedModel(new StoredModel(id, info, Instant.EPOCH), name, 1);
    }

    @Test
    void keepsLowerCaseLettersAndDigitsJoinedBySingleDashes() {
        assertEquals(
                "m3-skywork-reward-v2-qwen3-0-6b",
                ModelSlug.of(model(3, "Skywork/Reward-V2 (Qwen3 0.6B)")));
    }

    @Test
    void cutsLongNamesToFortyCharactersWithoutATrailingDash() {
        String slug = ModelSlug.of(model(1, "a".repeat(39) + " bcd"));
        assertEquals("m1-" + "a".repeat(39), slug);
    }

    @Test
    void isJustTheIdWhenTheNameHasNoLettersOrDigits() {
        assertEquals("m7", ModelSlug.of(model(7, "☃ –")));
    }
}
