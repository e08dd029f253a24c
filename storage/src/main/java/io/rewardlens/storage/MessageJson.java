package io.rewardlens.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's text form of a message list: a compact JSON array of {@code {"role", "content"}}
 * objects. The store writes it itself, so reading can trust its shape.
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

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private MessageJson() {}

    static String write(List<ChatMessage> messages) {
        int size = 2;
        for (ChatMessage message : messages) {
            size += message.content().length() + message.role().length() + 32;
        }
        StringBuilder out = new StringBuilder(size);
        append(messages, out);
        return out.toString();
    }

    static void append(List<ChatMessage> messages, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"role\":\"");
            ENCODER.quoteAsString(message.role(), out);
            out.append("\",\"content\":\"");
            ENCODER.quoteAsString(message.content(), out);
            out.append("\"}");
        }
        out.append(']');
    }

    static List<ChatMessage> read(String json) {
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
                    throw new StoreException("stored message without role or content: " + json);
                }
                messages.add(new ChatMessage(role, content));
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY, json);
            return messages;
        } catch (IOException e) {
            throw new StoreException("stored message list is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String json) {
        if (actual != expected) {
            throw new StoreException(
                    "stored message list is not a JSON array of messages: " + json);
        }
    }
}
