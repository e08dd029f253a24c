package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.Side;
import java.util.List;
import java.util.Objects;

/**
 * One pair as an export writes it: the stored pair and which of its sides the export prefers, so
 * that {@link #chosen()} is the preferred side whatever the dataset's label said.
 *
 * @param pair the stored pair's content
 * @param preferred the side written as {@code chosen}
 */
record ExportedPair(PreferencePair pair, Side preferred) {
    ExportedPair {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(preferred, "preferred");
    }

    /** The shared prompt turns (empty for a diverging pair). */
    List<ChatMessage> prompt() {
        return pair.prompt();
    }

    /** The preferred side's completion turns (a whole conversation when diverging). */
    List<ChatMessage> chosen() {
        return pair.completion(preferred);
    }

    /** The other side's completion turns. */
    List<ChatMessage> rejected() {
        return pair.completion(preferred.other());
    }

    /** The preferred side's whole conversation, prompt included. */
    List<ChatMessage> chosenConversation() {
        return pair.conversation(preferred);
    }

    /** The other side's whole conversation, prompt included. */
    List<ChatMessage> rejectedConversation() {
        return pair.conversation(preferred.other());
    }

    /** Whether the written {@code chosen} is the dataset's rejected side. */
    boolean flipped() {
        return preferred == Side.REJECTED;
    }

    /** The pair's source, or null. */
    String source() {
        return pair.source();
    }

    /** The pair's other fields as a JSON object text, or null. */
    String metadataJson() {
        return pair.metadataJson();
    }
}
