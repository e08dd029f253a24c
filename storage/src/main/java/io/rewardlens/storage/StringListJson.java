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
            MessageJson.appendEscaped(values.get(i), out);
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
}
