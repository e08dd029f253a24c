package io.rewardlens.storage.skywork;

import io.rewardlens.storage.Utf8JsonBuffer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes Skywork JSON lines: {@code {"chosen": [...], "rejected": [...], "source": "..."}} per
 * line, messages as {@code {"role", "content"}} in that key order, compact, UTF-8 without escaping
 * non-ASCII text. A record without a source is written without the key, as it was read.
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
        line.appendAscii("}\n");
        line.writeTo(out);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
