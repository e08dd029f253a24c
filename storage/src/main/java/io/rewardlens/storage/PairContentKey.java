package io.rewardlens.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two pairs the same pair across databases and files: the source and both whole
 * conversations, as a SHA-256 hex digest. Whole conversations, not the stored prompt/completion
 * split, so a pair matches whichever way a layout split it; messages with extra fields are compared
 * as canonical JSON (Jackson re-serialized), so escapes and spacing do not matter.
 */
final class PairContentKey {
    private static final ObjectMapper MAPPER = new ObjectMapper(MessageJson.FACTORY);

    private PairContentKey() {}

    static String of(PreferencePair pair) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        field(digest, pair.source() == null ? "\u0000none" : "s" + pair.source());
        conversation(digest, pair.conversation(Side.CHOSEN));
        conversation(digest, pair.conversation(Side.REJECTED));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void conversation(MessageDigest digest, List<ChatMessage> messages) {
        field(digest, "n" + messages.size());
        for (ChatMessage message : messages) {
            if (message.isPlain()) {
                field(digest, "p");
                field(digest, message.role());
                field(digest, message.content());
            } else {
                field(digest, "j");
                field(digest, canonical(message.json()));
            }
        }
    }

    private static String canonical(String json) {
        try {
            return MAPPER.writeValueAsString(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            // Stored and parsed messages are valid JSON; fall back to the text itself.
            return json;
        }
    }

    /** Length-prefixed, so that no two different field sequences hash the same bytes. */
    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
