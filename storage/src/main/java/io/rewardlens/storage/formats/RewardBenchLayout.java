package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * RewardBench (allenai/reward-bench): {@code prompt}, {@code chosen} and {@code rejected} as
 * strings, one user turn and one assistant turn each; the {@code subset} is the pair's source, and
 * {@code id}, {@code chosen_model}, {@code rejected_model} are kept as metadata.
 */
final class RewardBenchLayout implements RecordLayout {
    private static final Set<String> MAPPED = Set.of("prompt", "chosen", "rejected", "subset");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        String prompt = Fields.string(record, "prompt");
        return List.of(
                new LayoutRecord(
                        Fields.exchange(prompt, Fields.string(record, "chosen")),
                        Fields.exchange(prompt, Fields.string(record, "rejected")),
                        Fields.optionalString(record, "subset"),
                        Fields.metadata(record, MAPPED),
                        List.of()));
    }
}
