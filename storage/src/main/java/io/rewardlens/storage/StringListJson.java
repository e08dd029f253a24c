package io.rewardlens.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A list of strings (annotation tags) as a JSON array in a TEXT column. */
final class StringListJson {
    private StringListJson() {}

    static String write(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            appendEscaped(values.get(i), out);
            out.append('"');
        }
        return out.append(']').toString();
    }

    static List<String> read(String json) {
        try (JsonParser parser = MessageJson.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new StoreException("stored tags are not a JSON array: " + json);
            }
            List<String> values = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                values.add(parser.getText());
            }
            if (token != JsonToken.END_ARRAY) {
                throw new StoreException("stored tags are not a JSON array of strings: " + json);
            }
            return values;
        } catch (IOException e) {
            throw new StoreException("stored tags are not valid JSON: " + json, e);
        }
    }

    /** Appends a string's JSON-escaped form. */
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
}
