package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages kept as JSON literals decode to what Jackson decodes, and compare by content. */
class EncodedMessageListTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** A list built from {@code [role, content]} JSON literals written by hand. */
    private static EncodedMessageList list(String... literals) {
        StringBuilder line = new StringBuilder();
        int[] bounds = new int[literals.length * 2];
        for (int i = 0; i < literals.length; i++) {
            bounds[2 * i] = line.toString().getBytes(StandardCharsets.UTF_8).length;
            line.append(literals[i]);
            bounds[2 * i + 1] = line.toString().getBytes(StandardCharsets.UTF_8).length;
            line.append(' ');
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        EncodedMessageList.Builder builder = EncodedMessageList.builder();
        for (int i = 0; i < literals.length; i += 2) {
            builder.add(
                    bytes, bounds[2 * i], bounds[2 * i + 1], bounds[2 * i + 2], bounds[2 * i + 3]);
        }
        return builder.build();
    }

    @Test
    void decodesLiteralsLikeJackson() throws Exception {
        String[] literals = {
            "\"plain\"",
            "\"\"",
            "\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" back\\\\slash \\/ \\b\\f\\n\\r\\t\"",
            "\"你好 👋 مرحبا\"",
            "\"lone \\ud800 surrogate\"",
            "\"mixed é and \\u00e9\""
        };
        for (String literal : literals) {
            EncodedMessageList messages = list("\"user\"", literal);
            assertEquals(
                    JACKSON.readValue(literal, String.class), messages.get(0).content(), literal);
            assertEquals("user", messages.get(0).role());
        }
    }

    @Test
    void writesTheLiteralsBackUnchanged() {
        EncodedMessageList messages =
                list(
                        "\"user\"",
                        "\"caf\\u00e9\"",
                        "\"assistant\"",
                        "\"ok\"",
                        "\"user\"",
                        "\"more\"");
        Utf8JsonBuffer buffer = new Utf8JsonBuffer();
        buffer.appendMessages(messages);
        assertEquals(
                "[{\"role\":\"user\",\"content\":\"caf\\u00e9\"},{\"role\":\"assistant\",\"content\":\"ok\"},"
                    + "{\"role\":\"user\",\"content\":\"more\"}]",
                new String(buffer.toByteArray(), StandardCharsets.UTF_8));
        buffer.reset();
        buffer.appendMessages(messages.subList(1, 2));
        assertEquals(
                "[{\"role\":\"assistant\",\"content\":\"ok\"}]",
                new String(buffer.toByteArray(), StandardCharsets.UTF_8));
        buffer.reset();
        buffer.appendMessages(messages.subList(2, 2));
        assertEquals("[]", new String(buffer.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void comparesByContentWhateverTheEscaping() {
        EncodedMessageList raw = list("\"user\"", "\"café\"", "\"assistant\"", "\"a\"");
        EncodedMessageList escaped = list("\"user\"", "\"caf\\u00e9\"", "\"assistant\"", "\"b\"");
        assertEquals(raw.subList(0, 1), escaped.subList(0, 1));
        assertEquals(raw.subList(0, 1).hashCode(), escaped.subList(0, 1).hashCode());
        assertEquals(List.of(new ChatMessage("user", "café")), escaped.subList(0, 1));
        assertNotEquals(raw, escaped);

        PreferencePair pair = PreferencePair.fromConversations(null, 1, raw, escaped, null);
        assertFalse(pair.diverging(), "the same prompt, differently escaped, is still shared");
        assertEquals(List.of(new ChatMessage("assistant", "b")), pair.rejected());
    }
}
