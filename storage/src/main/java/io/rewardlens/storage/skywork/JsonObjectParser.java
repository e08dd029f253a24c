package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses one record's bytes into a JSON object tree, as strictly as the Skywork reader parses its
 * lines: well-formed UTF-8 only, no duplicate keys, nothing after the object; errors name the
 * field.
 */
final class JsonObjectParser {
    static final ObjectMapper MAPPER =
            new ObjectMapper(
                    JsonFactory.builder()
                            .streamReadConstraints(
                                    StreamReadConstraints.builder()
                                            .maxStringLength(Integer.MAX_VALUE)
                                            .build())
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build());

    private JsonObjectParser() {}

    /**
     * The object in {@code buffer[offset, offset + length)}.
     *
     * @param unit what the bytes are, for messages: {@code line} or {@code record}
     * @throws InvalidRecordException naming the field at fault
     */
    static ObjectNode parse(byte[] buffer, int offset, int length, String unit)
            throws InvalidRecordException {
        JsonlRecordParser.checkUtf8(buffer, offset, length, unit);
        try (JsonParser parser = MAPPER.createParser(buffer, offset, length)) {
            try {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw new InvalidRecordException(
                            null,
                            "expected a JSON object, got " + JsonlRecordParser.describe(first));
                }
                JsonNode tree = MAPPER.readTree(parser);
                if (parser.nextToken() != null) {
                    throw new InvalidRecordException(
                            null, "unexpected data after the end of the record's object");
                }
                return (ObjectNode) tree;
            } catch (JsonEOFException e) {
                throw at(parser, "the record ends before it is complete (truncated " + unit + "?)");
            } catch (StreamConstraintsException e) {
                throw at(parser, JsonlRecordParser.firstLine(e.getOriginalMessage()));
            } catch (JsonParseException e) {
                throw at(
                        parser,
                        "invalid JSON at column %d: %s"
                                .formatted(
                                        e.getLocation().getColumnNr(),
                                        JsonlRecordParser.firstLine(e.getOriginalMessage())));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(
                    null, JsonlRecordParser.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            // Parsing from memory does no I/O; anything here is a decoding failure.
            throw new InvalidRecordException(
                    null, JsonlRecordParser.firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static InvalidRecordException at(JsonParser parser, String reason) {
        String path = JsonlRecordParser.contextPath(parser.getParsingContext());
        return new InvalidRecordException(path.isEmpty() ? null : path, reason);
    }
}
