package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The records of a JSON file holding one array of objects (plain or gzipped), as a Hub dataset's
 * {@code .json} or a Label Studio export is laid out. The file is read into memory whole (such
 * files are written whole too); records are numbered from 1.
 */
final class JsonArrayObjects implements ObjectSource {
    /** Arrays are held in one byte array. */
    private static final long LARGEST = Integer.MAX_VALUE - 64;

    private final Path file;
    private final byte[] bytes;

    /** Where the JSON starts: after a UTF-8 byte-order mark, if any. */
    private final int base;

    private final JsonParser parser;
    private long position;
    private boolean ended;
    private ObjectNode object;
    private RecordProblem problem;

    JsonArrayObjects(Path file, boolean gzipped) throws IOException, ImportRefusedException {
        this.file = file;
        this.bytes = read(file, gzipped);
        this.base =
                bytes.length >= 3
                                && (bytes[0] & 0xff) == 0xef
                                && (bytes[1] & 0xff) == 0xbb
                                && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        this.parser = JsonObjectParser.MAPPER.createParser(bytes, base, bytes.length - base);
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw refused(
                    0, "not valid JSON: " + JsonlRecordParser.firstLine(e.getOriginalMessage()));
        }
        if (first != JsonToken.START_ARRAY) {
            throw refused(0, "expected a JSON array of records");
        }
    }

    /**
     * The array's first record, read from the start of the file alone (for detecting its layout
     * without holding the whole file); null when the file does not start with an array whose first
     * entry is a readable object (the import then says what is wrong).
     */
    static ObjectNode firstObject(Path file, boolean gzipped) throws IOException {
        try (InputStream in = open(file, gzipped);
                JsonParser parser = JsonObjectParser.MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY
                    || parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            return JsonObjectParser.MAPPER.readTree(parser);
        } catch (JsonProcessingException | ZipException e) {
            return null;
        }
    }

    private static InputStream open(Path file, boolean gzipped) throws IOException {
        return gzipped
                ? new GZIPInputStream(Files.newInputStream(file), 1 << 16)
                : Files.newInputStream(file);
    }

    private static byte[] read(Path file, boolean gzipped)
            throws IOException, ImportRefusedException {
        if (!gzipped && Files.size(file) > LARGEST) {
            throw new ImportRefusedException(
                    RecordProblem.ofFile(
                            file, "a JSON array file over 2 GiB; convert it to JSON lines"));
        }
        try (InputStream in = open(file, gzipped)) {
            return in.readAllBytes();
        } catch (ZipException e) {
            throw new ImportRefusedException(
                    RecordProblem.ofFile(file, "not readable as gzip: " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            throw new ImportRefusedException(
                    RecordProblem.ofFile(
                            file, "a JSON array too large to hold; convert it to JSON lines"));
        }
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        object = null;
        problem = null;
        if (ended) {
            return false;
        }
        JsonToken token;
        int start;
        try {
            token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                ended = true;
                if (token != null && parser.nextToken() != null) {
                    throw refused(position + 1, "unexpected data after the end of the array");
                }
                return false;
            }
            position++;
            start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw refused(
                    position + 1,
                    "invalid JSON: " + JsonlRecordParser.firstLine(e.getOriginalMessage()));
        }
        if (token != JsonToken.START_OBJECT) {
            problem =
                    new RecordProblem(
                            file,
                            "record",
                            position,
                            null,
                            "expected a JSON object, got " + JsonlRecordParser.describe(token));
            return true;
        }
        int end = (int) parser.currentLocation().getByteOffset();
        try {
            object = JsonObjectParser.parse(bytes, base + start, end - start, "record");
        } catch (InvalidRecordException e) {
            problem = new RecordProblem(file, "record", position, e.field(), e.reason());
        }
        return true;
    }

    private ImportRefusedException refused(long record, String reason) {
        return new ImportRefusedException(
                record == 0
                        ? RecordProblem.ofFile(file, reason)
                        : new RecordProblem(file, "record", record, null, reason));
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public ObjectNode object() {
        return object;
    }

    @Override
    public RecordProblem problem() {
        return problem;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public String unit() {
        return "record";
    }

    @Override
    public long done() {
        return ended ? bytes.length : parser.currentLocation().getByteOffset();
    }

    @Override
    public long total() {
        return bytes.length;
    }

    @Override
    public long blankLines() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
