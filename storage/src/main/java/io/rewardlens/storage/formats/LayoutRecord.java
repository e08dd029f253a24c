package io.rewardlens.storage.formats;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.ImportedVerdict;
import io.rewardlens.storage.MessageLists;
import java.util.List;

/**
 * One preference pair read from a record of some layout: the two whole conversations (prompt turns
 * included), where the pair came from, the record's fields no mapping used, and the human verdicts
 * the record carried (Argilla and Label Studio answers).
 *
 * @param chosen the conversation the record prefers, ending with its completion
 * @param rejected the other conversation
 * @param source the pair's source (a subset, a domain), or null
 * @param metadataJson the unmapped fields as a JSON object, or null
 * @param verdicts the verdicts given on the pair in the tool the record came from
 */
public record LayoutRecord(
        List<ChatMessage> chosen,
        List<ChatMessage> rejected,
        String source,
        String metadataJson,
        List<ImportedVerdict> verdicts) {
    /** Copies the lists. */
    public LayoutRecord {
        chosen = MessageLists.immutable(chosen);
        rejected = MessageLists.immutable(rejected);
        verdicts = List.copyOf(verdicts);
    }
}
