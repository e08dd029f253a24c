package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** The records of a JSON-lines file, plain or gzipped, as JSON objects. */
final class JsonLinesObjects implements ObjectSource {
    private final Path file;
    private final JsonLines lines;
    private ObjectNode object;
    private RecordProblem problem;

    JsonLinesObjects(Path file, boolean gzipped) throws IOException, ImportRefusedException {
        this.file = file;
        this.lines = new JsonLines(file, gzipped);
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        object = null;
        problem = null;
        if (!lines.next()) {
            return false;
        }
        try {
            object =
                    JsonObjectParser.parse(
                            lines.buffer(), lines.lineStart(), lines.lineLength(), "line");
        } catch (InvalidRecordException e) {
            problem = new RecordProblem(file, "line", lines.lineNumber(), e.field(), e.reason());
        }
        return true;
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
        return lines.lineNumber();
    }

    @Override
    public String unit() {
        return "line";
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
