package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UltraFeedback binarized (HuggingFaceH4/ultrafeedback_binarized): {@code chosen} and {@code
 * rejected} are whole conversations; {@code prompt}, {@code prompt_id}, {@code score_chosen} and
 * {@code score_rejected} are kept as metadata ({@code messages}, a copy of {@code chosen}, is
 * dropped). Where a side holds only the completion, the {@code prompt} string is put before it as
 * the user turn.
 */
final class UltraFeedbackLayout implements RecordLayout {
    private static final Set<String> MAPPED = Set.of("chosen", "rejected", "messages", "source");

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        String prompt = Fields.optionalString(record, "prompt");
        return List.of(
                new LayoutRecord(
                        withPrompt(prompt, Fields.messages(record.get("chosen"), "chosen")),
                        withPrompt(prompt, Fields.messages(record.get("rejected"), "rejected")),
                        Fields.optionalString(record, "source"),
                        Fields.metadata(record, MAPPED),
                        List.of()));
    }

    private static List<ChatMessage> withPrompt(String prompt, List<ChatMessage> conversation) {
        if (prompt == null
                || conversation.isEmpty()
                || !conversation.get(0).role().equals("assistant")) {
            return conversation;
        }
        List<ChatMessage> all = new ArrayList<>(conversation.size() + 1);
        all.add(new ChatMessage("user", prompt));
        all.addAll(conversation);
        return all;
    }
}
