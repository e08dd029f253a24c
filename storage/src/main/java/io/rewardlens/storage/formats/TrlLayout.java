package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.ChatMessage;
import java.util.List;
import java.util.Set;

/**
 * TRL's four preference forms. With a {@code prompt} (explicit): a string prompt with string
 * completions (standard), or a message-list prompt with message-list completions (conversational).
 * Without one (implicit): whole conversations as message lists, or whole texts as strings; a whole
 * text has no roles and is kept as one assistant turn.
 */
final class TrlLayout implements RecordLayout {
    private static final Set<String> MAPPED = Set.of("prompt", "chosen", "rejected", "source");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        JsonNode prompt = record.get("prompt");
        JsonNode chosen = Fields.required(record, "chosen");
        JsonNode rejected = Fields.required(record, "rejected");
        List<ChatMessage> chosenConversation;
        List<ChatMessage> rejectedConversation;
        if (prompt == null || prompt.isNull()) {
            chosenConversation = implicit(chosen, "chosen");
            rejectedConversation = implicit(rejected, "rejected");
        } else if (prompt.isTextual()) {
            chosenConversation =
                    Fields.exchange(prompt.textValue(), Fields.string(chosen, "chosen"));
            rejectedConversation =
                    Fields.exchange(prompt.textValue(), Fields.string(rejected, "rejected"));
        } else {
            List<ChatMessage> turns = Fields.messages(prompt, "prompt");
            chosenConversation = Fields.joined(turns, Fields.messages(chosen, "chosen"));
            rejectedConversation = Fields.joined(turns, Fields.messages(rejected, "rejected"));
        }
        return List.of(
                new LayoutRecord(
                        chosenConversation,
                        rejectedConversation,
                        Fields.optionalString(record, "source"),
                        Fields.metadata(record, MAPPED),
                        List.of()));
    }

    private static List<ChatMessage> implicit(JsonNode value, String field) throws LayoutException {
        if (value.isTextual()) {
            return List.of(new ChatMessage("assistant", value.textValue()));
        }
        return Fields.messages(value, field);
    }
}
