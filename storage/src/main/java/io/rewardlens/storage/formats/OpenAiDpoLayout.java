package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.ChatMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI's DPO fine-tuning layout: {@code input.messages} (the prompt, with {@code input.tools}
 * kept as the pair's {@code tools} metadata so chat templates see them), {@code preferred_output}
 * and {@code non_preferred_output} as message lists.
 */
final class OpenAiDpoLayout implements RecordLayout {
    private static final Set<String> MAPPED =
            Set.of("input", "preferred_output", "non_preferred_output");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        JsonNode input = Fields.required(record, "input");
        if (!input.isObject()) {
            throw new LayoutException("input", "expected an object, got " + Fields.kind(input));
        }
        List<ChatMessage> prompt = Fields.messages(input.get("messages"), "input.messages");
        List<ChatMessage> preferred =
                Fields.messages(record.get("preferred_output"), "preferred_output");
        List<ChatMessage> other =
                Fields.messages(record.get("non_preferred_output"), "non_preferred_output");
        JsonNode tools = input.get("tools");
        ObjectNode inputRest = ((ObjectNode) input).deepCopy();
        inputRest.remove(List.of("messages", "tools"));
        Map<String, JsonNode> extra = new java.util.LinkedHashMap<>();
        if (tools != null && !tools.isNull()) {
            extra.put("tools", tools);
        }
        if (!inputRest.isEmpty()) {
            extra.put("input", inputRest);
        }
        return List.of(
                new LayoutRecord(
                        Fields.joined(prompt, preferred),
                        Fields.joined(prompt, other),
                        null,
                        Fields.metadata(record, MAPPED, extra),
                        List.of()));
    }
}
