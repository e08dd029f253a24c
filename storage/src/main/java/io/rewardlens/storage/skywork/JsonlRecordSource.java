package io.rewardlens.storage.skywork;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads Skywork JSON lines, plain or gzipped, one line at a time (blank lines are passed over). */
final class JsonlRecordSource implements RecordSource {
    private final Path file;
    private final long total;
    private final CountingInputStream counted;
    private final InputStream in;
    private final LineReader lines;
    private final JsonlRecordParser parser = new JsonlRecordParser();
    private SkyworkRecord record;
    private RecordProblem problem;
    private long blankLines;

    JsonlRecordSource(Path file, boolean gzipped) throws IOException, ImportRefusedException {
        this.file = file;
        this.total = Files.size(file);
        this.counted = new CountingInputStream(Files.newInputStream(file));
        try {
            this.in = gzipped ? new GZIPInputStream(counted, 1 << 16) : counted;
        } catch (ZipException | EOFException e) {
            counted.close();
            throw new ImportRefusedException(
                    RecordProblem.ofFile(file, "not readable as gzip: " + e.getMessage()));
        }
        this.lines = new LineReader(in);
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        record = null;
        problem = null;
        while (true) {
            boolean more;
            try {
                more = lines.next();
            } catch (ZipException | EOFException e) {
                throw new ImportRefusedException(
                        new RecordProblem(
                                file,
                                "line",
                                lines.lineNumber() + 1,
                                null,
                                "the gzip data is damaged or cut short (" + e.getMessage() + ")"));
            } catch (LineReader.LineTooLongException e) {
                throw new ImportRefusedException(
                        new RecordProblem(
                                file, "line", lines.lineNumber() + 1, null, "longer than 2 GiB"));
            }
            if (!more) {
                return false;
            }
            if (lines.lineIsBlank()) {
                blankLines++;
                continue;
            }
            try {
                record = parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength());
            } catch (InvalidRecordException e) {
                problem =
                        new RecordProblem(file, "line", lines.lineNumber(), e.field(), e.reason());
            }
            return true;
        }
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
        return counted.count();
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public long blankLines() {
        return blankLines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
