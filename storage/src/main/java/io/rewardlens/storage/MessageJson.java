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
 * "content"}} objects and, for messages with more than that, their JSON objects as the dataset
 * wrote them, written by {@link Utf8JsonBuffer#appendMessages}.
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
                int start = (int) parser.currentTokenLocation().getByteOffset();
                String role = null;
                String content = null;
                boolean plain = true;
                int fields = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    fields++;
                    if ("role".equals(name) && value == JsonToken.VALUE_STRING) {
                        role = parser.getText();
                    } else if ("content".equals(name) && value == JsonToken.VALUE_STRING) {
                        content = parser.getText();
                    } else {
                        plain = false;
                        parser.skipChildren();
                    }
                }
                if (plain && fields == 2 && role != null && content != null) {
                    messages.add(new ChatMessage(role, content));
                } else {
                    // The closing brace is the current token; the object was stored verbatim.
                    int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                    messages.add(
                            stored(new String(json, start, end - start, StandardCharsets.UTF_8)));
                }
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY, json);
            return messages;
        } catch (IOException e) {
            throw new StoreException("stored message list is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ChatMessage stored(String objectJson) {
        try {
            return ChatMessage.fromJson(objectJson);
        } catch (InvalidMessageException e) {
            throw new StoreException("stored message is not valid: " + e.getMessage(), e);
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
