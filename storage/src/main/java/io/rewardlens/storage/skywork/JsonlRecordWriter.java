package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rewardlens.storage.ChatMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes Skywork JSON lines: {@code {"chosen": [...], "rejected": [...], "source": "..."}} per
 * line, messages as {@code {"role", "content"}} in that key order, UTF-8 without escaping non-ASCII
 * text. A record without a source is written without the key, as it was read.
 */
final class JsonlRecordWriter implements RecordWriter {
    private final OutputStream out;
    private final JsonGenerator generator;

    JsonlRecordWriter(Path file, boolean gzipped) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        this.out =
                gzipped
                        ? new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16)
                        : new BufferedOutputStream(raw, 1 << 16);
        this.generator = JsonlRecordParser.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        // Records are separated by our own newlines, not Jackson's default space.
        generator.setRootValueSeparator(null);
    }

    @Override
    public void write(SkyworkRecord record) throws IOException {
        generator.writeStartObject();
        writeMessages("chosen", record.chosen());
        writeMessages("rejected", record.rejected());
        if (record.source() != null) {
            generator.writeStringField("source", record.source());
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private void writeMessages(String name, List<ChatMessage> messages) throws IOException {
        generator.writeArrayFieldStart(name);
        for (ChatMessage message : messages) {
            generator.writeStartObject();
            generator.writeStringField("role", message.role());
            generator.writeStringField("content", message.content());
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
