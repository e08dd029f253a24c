package io.rewardlens.storage.skywork;

import java.io.IOException;
import java.nio.file.Path;

/** Reads Skywork JSON lines, plain or gzipped, one line at a time (blank lines are passed over). */
final class JsonlRecordSource implements RecordSource {
    private final Path file;
    private final JsonLines lines;
    private final JsonlRecordParser parser = new JsonlRecordParser();
    private SkyworkRecord record;
    private RecordProblem problem;

    JsonlRecordSource(Path file, boolean gzipped) throws IOException, ImportRefusedException {
        this.file = file;
        this.lines = new JsonLines(file, gzipped);
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        record = null;
        problem = null;
        if (!lines.next()) {
            return false;
        }
        try {
            record = parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength());
        } catch (InvalidRecordException e) {
            problem = new RecordProblem(file, "line", lines.lineNumber(), e.field(), e.reason());
        }
        return true;
    }

    @Override
    public SkyworkRecord record() {
        return record;
    }

    @Override
    public RecordProblem problem() {
        return problem;
    }

    @Override
    public long position() {
        return lines.lineNumber();
    }

    @Override
    public long done() {
        return lines.done();
    }

    @Override
    public long total() {
        return lines.total();
    }

    @Override
    public long blankLines() {
        return lines.blankLines();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
