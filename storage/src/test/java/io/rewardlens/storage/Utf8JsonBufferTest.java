package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The store's JSON writer against Jackson's, on texts built to hit every branch and boundary. */
class Utf8JsonBufferTest {
    /** Jackson writing emoji as UTF-8 (by default it writes surrogate pairs as two escapes). */
    private static final ObjectMapper JACKSON =
            JsonMapper.builder()
                    .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                    .build();

    private static byte[] encode(String text) {
        Utf8JsonBuffer buffer = new Utf8JsonBuffer();
        buffer.appendString(text);
        return buffer.toByteArray();
    }

    @Test
    void writesWhatJacksonWritesForValidText() throws Exception {
        String[] pieces = {"a", "é", "你", "👋", "\n", "\"", "\\", "\u0001", "\u2028", "z", "\t"};
        SplittableRandom random = new SplittableRandom(1);
        for (int length : new int[] {0, 1, 4095, 4096, 4097, 8191, 8192, 20000}) {
            for (int round = 0; round < 20; round++) {
                StringBuilder text = new StringBuilder();
                while (text.length() < length) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                String value = text.toString();
                assertArrayEquals(JACKSON.writeValueAsBytes(value), encode(value), value);
            }
        }
    }

    @Test
    void surrogatePairsAcrossChunkBoundaries() throws Exception {
        for (int offset = 4090; offset < 4100; offset++) {
            String text = "x".repeat(offset) + "🦀" + "y";
            assertArrayEquals(JACKSON.writeValueAsBytes(text), encode(text));
        }
        String escapes = "\u0001".repeat(5000) + "😀".repeat(3000);
        assertArrayEquals(JACKSON.writeValueAsBytes(escapes), encode(escapes));
    }

    @Test
    void keepsUnpairedSurrogatesAsEscapes() throws Exception {
        for (String text :
                new String[] {
                    "\ud800", "a\udc00b", "\ud83d", "x".repeat(4095) + "\ud83d", "\udc00\ud800"
                }) {
            byte[] json = encode(text);
            assertEquals(text, JACKSON.readValue(json, String.class));
        }
        assertEquals(
                "\"\\ud800\"",
                new String(encode("\ud800"), java.nio.charset.StandardCharsets.UTF_8));
    }
}
