package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RewardBench 2 (allenai/reward-bench-2): a {@code prompt} with lists of {@code chosen} and {@code
 * rejected} completions. Each (chosen, rejected) combination becomes a pair whose metadata holds
 * {@code "rewardbench2": {"id", "chosen_index", "rejected_index", "num_correct"}}, so a report can
 * regroup the row and score it as RewardBench 2 does (every chosen above every rejected; the Ties
 * subset by its own rule). The {@code subset} is the source.
 */
final class RewardBench2Layout implements RecordLayout {
    /** The metadata key that groups the pairs of one row. */
    static final String GROUP = "rewardbench2";

    private static final Set<String> MAPPED = Set.of("prompt", "chosen", "rejected", "subset");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        String prompt = Fields.string(record, "prompt");
        List<String> chosen = Fields.strings(record, "chosen");
        List<String> rejected = Fields.strings(record, "rejected");
        if (chosen.isEmpty()) {
            throw new LayoutException("chosen", "no chosen completion");
        }
        if (rejected.isEmpty()) {
            throw new LayoutException("rejected", "no rejected completion");
        }
        String subset = Fields.optionalString(record, "subset");
        JsonNode id = record.get("id");
        List<LayoutRecord> pairs = new ArrayList<>(chosen.size() * rejected.size());
        for (int c = 0; c < chosen.size(); c++) {
            for (int r = 0; r < rejected.size(); r++) {
                ObjectNode group = Fields.MAPPER.createObjectNode();
                group.set("id", id);
                group.put("chosen_index", c);
                group.put("rejected_index", r);
                group.put("num_correct", chosen.size());
                pairs.add(
                        new LayoutRecord(
                                Fields.exchange(prompt, chosen.get(c)),
                                Fields.exchange(prompt, rejected.get(r)),
                                subset,
                                Fields.metadata(record, MAPPED, Map.of(GROUP, group)),
                                List.of()));
            }
        }
        return pairs;
    }
}
