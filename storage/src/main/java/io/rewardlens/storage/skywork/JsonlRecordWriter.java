package io.rewardlens.storage.skywork;

import io.rewardlens.storage.Utf8JsonBuffer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes Skywork JSON lines: {@code {"chosen": [...], "rejected": [...], "source": "..."}} per
 * line, messages as {@code {"role", "content"}} in that key order, compact, UTF-8 without escaping
 * non-ASCII text. A record without a source is written without the key, as it was read; the
 * record's other top-level fields (kept as the pair's metadata on import) follow the source.
 */
final class JsonlRecordWriter implements RecordWriter {
    private final OutputStream out;
    private final Utf8JsonBuffer line = new Utf8JsonBuffer();

    JsonlRecordWriter(Path file, boolean gzipped) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        this.out =
                gzipped
                        ? new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16)
                        : new BufferedOutputStream(raw, 1 << 16);
    }

    @Override
    public void write(SkyworkRecord record) throws IOException {
        line.reset();
        line.appendAscii("{\"chosen\":");
        line.appendMessages(record.chosen());
        line.appendAscii(",\"rejected\":");
        line.appendMessages(record.rejected());
        if (record.source() != null) {
            line.appendAscii(",\"source\":");
            line.appendString(record.source());
        }
        String otherFields = otherFields(record.metadataJson());
        if (!otherFields.isEmpty()) {
            // The record's other top-level fields, as the importer kept them (already JSON).
            line.appendAscii(",");
            line.writeTo(out);
            out.write(otherFields.getBytes(StandardCharsets.UTF_8));
            line.reset();
        }
        line.appendAscii("}\n");
        line.writeTo(out);
    }

    /** The members of the metadata object, without its braces; empty when there are none. */
    private static String otherFields(String metadataJson) {
        if (metadataJson == null) {
            return "";
        }
        String object = metadataJson.strip();
        if (object.length() < 2 || object.charAt(0) != '{') {
            throw new IllegalStateException("a pair's metadata is not a JSON object: " + object);
        }
        return object.substring(1, object.length() - 1).strip();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
