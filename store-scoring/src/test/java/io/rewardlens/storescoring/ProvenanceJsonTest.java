package io.rewardlens.storescoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.Provenance;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The provenance text kept beside every cached score. */
class ProvenanceJsonTest {
    @Test
    void readsBackWhatItWroteIncludingAMissingTemplateHash() {
        for (String template : new String[] {"0f".repeat(32), null}) {
            Provenance provenance =
                    new Provenance(
                            "hash",
                            "Skywork-Reward-V2-Qwen3-0.6B",
                            "reward.cuda.bf16.pt",
                            "bfloat16",
                            "gpu(0)",
                            "PyTorch 2.7.1",
                            template,
                            true,
                            12,
                            Instant.parse("2026-01-02T03:04:05.678Z"));
            assertEquals(provenance, ProvenanceJson.read(ProvenanceJson.write(provenance)));
        }
    }

    @Test
    void unreadableTextIsAClearError() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> ProvenanceJson.read("{\"bundleHash\""));
        assertTrue(e.getMessage().startsWith("unreadable score provenance in the store"));
        assertThrows(IllegalStateException.class, () -> ProvenanceJson.read("{}"));
    }
}
