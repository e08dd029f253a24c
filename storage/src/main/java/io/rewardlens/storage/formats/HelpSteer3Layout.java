package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.ChatMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NVIDIA HelpSteer3 (preference): a {@code context} conversation, two responses, and {@code
 * overall_preference} from −3 (response 1 much better) to 3 (response 2 much better). The sign
 * decides which response is chosen; its magnitude is kept as {@code preference_strength}, and 0 (a
 * tie) keeps response 1 as chosen with {@code "tie": true}. The {@code domain} is the source;
 * {@code individual_preference} and the other fields are kept.
 */
final class HelpSteer3Layout implements RecordLayout {
    private static final Set<String> MAPPED =
            Set.of("context", "response1", "response2", "overall_preference", "domain");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        List<ChatMessage> context = Fields.messages(record.get("context"), "context");
        String first = Fields.string(record, "response1");
        String second = Fields.string(record, "response2");
        JsonNode preference = Fields.required(record, "overall_preference");
        if (!preference.canConvertToExactIntegral()
                || preference.asInt() < -3
                || preference.asInt() > 3) {
            throw new LayoutException(
                    "overall_preference",
                    "expected a whole number from -3 to 3, got " + preference);
        }
        int value = preference.asInt();
        boolean secondBetter = value > 0;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("preference_strength", IntNode.valueOf(Math.abs(value)));
        if (value == 0) {
            extra.put("tie", BooleanNode.TRUE);
        }
        List<ChatMessage> firstConversation =
                Fields.joined(context, List.of(new ChatMessage("assistant", first)));
        List<ChatMessage> secondConversation =
                Fields.joined(context, List.of(new ChatMessage("assistant", second)));
        return List.of(
                new LayoutRecord(
                        secondBetter ? secondConversation : firstConversation,
                        secondBetter ? firstConversation : secondConversation,
                        Fields.optionalString(record, "domain"),
                        Fields.metadata(record, MAPPED, extra),
                        List.of()));
    }
}
