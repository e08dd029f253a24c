package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.EncodedMessageList;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Parses one JSONL line into a {@link SkyworkRecord}, checking its shape as it streams through the
 * tokens: {@code chosen} and {@code rejected} must be non-empty lists of message objects with a
 * string {@code role} and a {@code content} that is a string, null or a list of content part
 * objects, {@code source} a string or null. Other top-level fields are kept as metadata. A message
 * with more than a string role and a string content (tool calls, a name, content parts, any other
 * key) is kept as its JSON object, byte for byte. Errors name the field, e.g. {@code
 * chosen[1].content}.
 */
final class JsonlRecordParser {
    /** Texts can be huge (a valid record may be a 100 MB line): lift Jackson's string cap. */
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .build())
                    .build();

    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** Where the parser is, to name the field when the JSON itself is broken. */
    private String field;

    private int index;
    private String member;

    /** The line being parsed; message literals are copied out of it. */
    private byte[] buffer;

    SkyworkRecord parse(byte[] buffer, int offset, int length) throws InvalidRecordException {
        this.buffer = buffer;
        field = null;
        index = -1;
        member = null;
        checkUtf8(buffer, offset, length, "line");
        try (JsonParser parser = MAPPER.createParser(buffer, offset, length)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidRecordException(
                        null, "expected a JSON object, got " + describe(token));
            }
            List<ChatMessage> chosen = null;
            List<ChatMessage> rejected = null;
            String source = null;
            boolean sourceSeen = false;
            ObjectNode extra = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                field = name;
                token = parser.nextToken();
                switch (name) {
                    case "chosen" -> {
                        checkUnique(chosen != null);
                        chosen = messages(parser, token, offset);
                    }
                    case "rejected" -> {
                        checkUnique(rejected != null);
                        rejected = messages(parser, token, offset);
                    }
                    case "source" -> {
                        checkUnique(sourceSeen);
                        sourceSeen = true;
                        if (token == JsonToken.VALUE_STRING) {
                            source = parser.getText();
                        } else if (token != JsonToken.VALUE_NULL) {
                            throw invalid("expected a string, got " + describe(token));
                        }
                    }
                    default -> {
                        if (extra == null) {
                            extra = MAPPER.createObjectNode();
                        }
                        JsonNode value = MAPPER.readTree(parser);
                        extra.set(name, value);
                    }
                }
                field = null;
            }
            if (parser.nextToken() != null) {
                throw new InvalidRecordException(
                        null, "unexpected data after the end of the record's object");
            }
            if (chosen == null) {
                throw new InvalidRecordException("chosen", "missing" + ReadableLayouts.hint());
            }
            if (rejected == null) {
                throw new InvalidRecordException("rejected", "missing" + ReadableLayouts.hint());
            }
            return new SkyworkRecord(
                    chosen,
                    rejected,
                    source,
                    extra == null ? null : MAPPER.writeValueAsString(extra));
        } catch (JsonEOFException e) {
            throw invalidAt(e, "the record ends before it is complete (truncated line?)");
        } catch (StreamConstraintsException e) {
            throw invalidAt(e, firstLine(e.getOriginalMessage()));
        } catch (JsonParseException e) {
            String message = firstLine(e.getOriginalMessage());
            if (message.startsWith("Invalid UTF-8")) {
                throw invalidAt(e, "invalid UTF-8 (" + message + ")");
            }
            throw invalidAt(
                    e,
                    "invalid JSON at column %d: %s"
                            .formatted(e.getLocation().getColumnNr(), message));
        } catch (JsonProcessingException e) {
            throw invalid(firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            // Parsing from memory does no I/O; anything here is a decoding failure.
            throw invalid(firstLine(String.valueOf(e.getMessage())));
        }
    }

    private List<ChatMessage> messages(JsonParser parser, JsonToken token, int offset)
            throws IOException, InvalidRecordException {
        if (token != JsonToken.START_ARRAY) {
            throw invalid(
                    "expected a list of messages, got " + describe(token) + ReadableLayouts.hint());
        }
        EncodedMessageList.Builder messages = EncodedMessageList.builder();
        int count = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            index = count;
            if (token != JsonToken.START_OBJECT) {
                throw invalid("expected a message object, got " + describe(token));
            }
            int objectStart = offset + (int) parser.currentTokenLocation().getByteOffset();
            int roleStart = -1;
            int roleEnd = -1;
            int contentStart = -1;
            int contentEnd = -1;
            boolean contentSeen = false;
            // Plain: exactly a string role and a string content; anything else keeps its object.
            boolean plain = true;
            int fields = 0;
            // Which literal ends before the next token: Jackson skips (and checks) a string we do
            // not read, and the next token's position tells where the literal ended.
            int pending = 0;
            while (true) {
                JsonToken next = parser.nextToken();
                if (pending != 0) {
                    int literalEnd =
                            endBefore(offset + (int) parser.currentTokenLocation().getByteOffset());
                    if (pending == ROLE) {
                        roleEnd = literalEnd;
                    } else {
                        contentEnd = literalEnd;
                    }
                    pending = 0;
                }
                if (next != JsonToken.FIELD_NAME) {
                    break;
                }
                String name = parser.currentName();
                member = name;
                token = parser.nextToken();
                fields++;
                if ("role".equals(name)) {
                    roleStart = literalStart(parser, token, offset);
                    pending = ROLE;
                } else if ("content".equals(name)) {
                    contentSeen = true;
                    if (token == JsonToken.VALUE_STRING) {
                        contentStart = literalStart(parser, token, offset);
                        pending = CONTENT;
                    } else if (token == JsonToken.VALUE_NULL) {
                        plain = false;
                    } else if (token == JsonToken.START_ARRAY) {
                        plain = false;
                        contentParts(parser);
                    } else {
                        throw invalid(
                                "expected a string, null or a list of content parts, got "
                                        + describe(token));
                    }
                } else {
                    plain = false;
                    parser.skipChildren();
                }
                member = null;
            }
            if (roleStart < 0) {
                member = "role";
                throw invalid("missing");
            }
            if (!contentSeen) {
                member = "content";
                throw invalid("missing");
            }
            if (plain && fields == 2) {
                // The texts are not decoded here: Jackson checks them while skipping over them,
                // and the store saves the literals as they are (see EncodedMessageList).
                messages.add(buffer, roleStart, roleEnd, contentStart, contentEnd);
            } else {
                // The closing brace is the current token: the object is kept byte for byte.
                int objectEnd = offset + (int) parser.currentTokenLocation().getByteOffset() + 1;
                messages.addObject(buffer, objectStart, objectEnd);
            }
            count++;
        }
        index = -1;
        if (count == 0) {
            throw invalid("expected a non-empty list of messages, got an empty list");
        }
        return messages.build();
    }

    /** Checks that a content list holds only part objects ({@code {"type": "text", ...}}). */
    private void contentParts(JsonParser parser) throws IOException, InvalidRecordException {
        int part = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                member = "content[" + part + "]";
                throw invalid("expected a content part object, got " + describe(token));
            }
            parser.skipChildren();
            part++;
        }
    }

    private static final int ROLE = 1;
    private static final int CONTENT = 2;

    /**
     * Where a string literal ends, given where the token after it starts: back over whitespace and
     * the comma between them, to just after the literal's closing quote.
     */
    private int endBefore(int nextToken) {
        int i = nextToken - 1;
        while (isJsonWhitespace(buffer[i])) {
            i--;
        }
        if (buffer[i] == ',') {
            i--;
            while (isJsonWhitespace(buffer[i])) {
                i--;
            }
        }
        if (buffer[i] != '"') {
            throw new IllegalStateException("no string literal ends at byte " + i);
        }
        return i + 1;
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Checks that a value is a string and returns where its literal starts in the buffer. */
    private int literalStart(JsonParser parser, JsonToken token, int offset)
            throws InvalidRecordException {
        if (token != JsonToken.VALUE_STRING) {
            throw invalid("expected a string, got " + describe(token));
        }
        return offset + (int) parser.currentTokenLocation().getByteOffset();
    }

    private void checkUnique(boolean seen) throws InvalidRecordException {
        if (seen) {
            throw invalid("appears twice in the record");
        }
    }

    /**
     * Refuses text that is not strictly well-formed UTF-8 ({@link StrictUtf8}), naming the field
     * and the byte within the line or record.
     *
     * @param unit what the bytes are, for the message: {@code line} or {@code record}
     */
    static void checkUtf8(byte[] buffer, int offset, int length, String unit)
            throws InvalidRecordException {
        StrictUtf8.Problem problem = StrictUtf8.check(buffer, offset, offset + length);
        if (problem != null) {
            throw new InvalidRecordException(
                    fieldAt(buffer, offset, length, problem.at()),
                    "invalid UTF-8 at byte "
                            + (problem.at() - offset + 1)
                            + " of the "
                            + unit
                            + ": "
                            + problem.what());
        }
    }

    /**
     * The field whose value holds byte {@code at} of a line, found by walking the tokens up to it;
     * null when it lies outside any field (or the JSON breaks before it).
     */
    private static String fieldAt(byte[] buffer, int offset, int length, int at) {
        String path = null;
        try (JsonParser parser = MAPPER.createParser(buffer, offset, length)) {
            while (parser.nextToken() != null
                    && offset + parser.currentTokenLocation().getByteOffset() <= at) {
                path = contextPath(parser.getParsingContext());
            }
        } catch (IOException e) {
            // The walk stops at the bad bytes or broken JSON; the last field reached is the one.
        }
        return path == null || path.isEmpty() ? null : path;
    }

    /**
     * An error Jackson raised: the field comes from Jackson's own parsing context, which (unlike
     * our bookkeeping) already knows the field whose value it was reading ahead.
     */
    private InvalidRecordException invalidAt(JsonProcessingException e, String reason) {
        if (e.getProcessor() instanceof JsonParser parser) {
            String path = contextPath(parser.getParsingContext());
            return new InvalidRecordException(path.isEmpty() ? null : path, reason);
        }
        return invalid(reason);
    }

    static String contextPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                // No entry yet (the line ends right after '['): the list itself is at fault.
                if (at.getEntryCount() > 0) {
                    parts.push("[" + (at.getEntryCount() - 1) + "]");
                }
            } else if (at.getCurrentName() != null) {
                parts.push(at.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    private InvalidRecordException invalid(String reason) {
        return new InvalidRecordException(path(), reason);
    }

    private String path() {
        if (field == null) {
            return null;
        }
        StringBuilder path = new StringBuilder(field);
        if (index >= 0) {
            path.append('[').append(index).append(']');
        }
        if (member != null) {
            path.append('.').append(member);
        }
        return path.toString();
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
