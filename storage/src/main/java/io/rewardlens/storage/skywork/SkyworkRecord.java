package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.MessageLists;
import io.rewardlens.storage.PreferencePair;
import java.util.List;

/**
 * One record of a Skywork preference file: two whole conversations, the one the dataset prefers
 * ({@code chosen}) and the other ({@code rejected}), and where the example came from.
 *
 * @param chosen the preferred conversation, prompt turns included
 * @param rejected the other conversation, prompt turns included
 * @param source the {@code source} field, or null when the record has none
 * @param metadataJson the record's other top-level fields as a JSON object, or null
 */
public record SkyworkRecord(
        List<ChatMessage> chosen, List<ChatMessage> rejected, String source, String metadataJson) {

    /** Copies the lists. */
    public SkyworkRecord {
        chosen = MessageLists.immutable(chosen);
        rejected = MessageLists.immutable(rejected);
    }

    /** The record as a stored pair's content: shared prompt turns split off where possible. */
    public PreferencePair toPair(long position) {
        return PreferencePair.fromConversations(source, position, chosen, rejected, metadataJson);
    }
}
