package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Skywork's layout ({@code chosen} and {@code rejected} whole conversations, {@code source}), which
 * is also TRL's implicit-prompt conversational form, for containers the streaming Skywork reader
 * does not take (JSON arrays, Parquet of another schema).
 */
final class SkyworkLayout implements RecordLayout {
    private static final Set<String> MAPPED = Set.of("chosen", "rejected", "source");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        return List.of(
                new LayoutRecord(
                        Fields.messages(record.get("chosen"), "chosen"),
                        Fields.messages(record.get("rejected"), "rejected"),
                        Fields.optionalString(record, "source"),
                        Fields.metadata(record, MAPPED),
                        List.of()));
    }
}
