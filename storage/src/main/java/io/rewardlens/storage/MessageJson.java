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

    private MessageJson() {}

    /**
     * Appends a string's JSON-escaped form. Copies runs of plain characters in one go: Jackson's
     * {@code quoteAsString} into a StringBuilder goes char by char and dominated import time.
     */
    static void appendEscaped(String text, StringBuilder out) {
        int length = text.length();
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    out.append("\\u00");
                    out.append(HEX[c >> 4]);
                    out.append(HEX[c & 0xf]);
                }
            }
        }
        out.append(text, run, length);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Writes a message list as UTF-8 JSON into {@code buffer} (after what it holds). */
    static void encode(List<ChatMessage> messages, Utf8JsonBuffer buffer) {
        buffer.appendMessages(messages);
    }

    /** Reads a stored message list from its UTF-8 bytes. */
    static List<ChatMessage> read(byte[] json) {
        try {
            return read(FACTORY.createParser(json), json);
        } catch (IOException e) {
            throw new StoreException("stored message list is not valid JSON: " + e.getMessage(), e);
        }
    }

    static List<ChatMessage> read(String json) {
        try {
            return read(FACTORY.createParser(json), json);
        } catch (IOException e) {
            throw new StoreException("stored message list is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static List<ChatMessage> read(JsonParser opened, Object json) {
        try (JsonParser parser = opened) {
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

    private static void expect(JsonToken actual, JsonToken expected, Object json) {
        if (actual != expected) {
            String text =
                    json instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(json);
            throw new StoreException(
                    "stored message list is not a JSON array of messages: " + text);
        }
    }
}
