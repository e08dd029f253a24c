package io.rewardlens.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the store's text form of a message list: a compact JSON array of {@code {"role",
 * "content"}} objects, written by {@link Utf8JsonBuffer#appendMessages}.
 */
final class MessageJson {
    /** Message texts can be very long (a 100 MB line is a valid record); lift Jackson's cap. */
    static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .build())
                    .build();

    private MessageJson() {}

    /** Reads a stored message list from its UTF-8 bytes. */
    static List<ChatMessage> read(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY, json);
            List<ChatMessage> messages = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String role = null;
                String content = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String value = parser.nextTextValue();
                    if ("role".equals(name)) {
                        role = value;
                    } else if ("content".equals(name)) {
                        content = value;
                    }
                }
                if (role == null || content == null) {
                    throw new StoreException("stored message without role or content");
                }
                messages.add(new ChatMessage(role, content));
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY, json);
            return messages;
        } catch (IOException e) {
            throw new StoreException("stored message list is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, byte[] json) {
        if (actual != expected) {
            throw new StoreException(
                    "stored message list is not a JSON array of messages: "
                            + new String(json, StandardCharsets.UTF_8));
        }
    }
}
