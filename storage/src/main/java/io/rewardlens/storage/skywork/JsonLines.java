package io.rewardlens.storage.skywork;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The non-blank lines of a JSON-lines file, plain or gzipped, with the damage a file can have
 * (broken gzip, a line over 2 GiB) refused by line number.
 */
final class JsonLines implements Closeable {
    private final Path file;
    private final long total;
    private final CountingInputStream counted;
    private final InputStream in;
    private final LineReader lines;
    private long blankLines;

    JsonLines(Path file, boolean gzipped) throws IOException, ImportRefusedException {
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

    /** Moves to the next non-blank line; false at the end. */
    boolean next() throws IOException, ImportRefusedException {
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
            if (!lines.lineIsBlank()) {
                return true;
            }
            blankLines++;
        }
    }

    /** The buffer holding the current line. */
    byte[] buffer() {
        return lines.buffer();
    }

    /** Where the current line starts in {@link #buffer()}. */
    int lineStart() {
        return lines.lineStart();
    }

    /** The current line's length in bytes, without its line end. */
    int lineLength() {
        return lines.lineLength();
    }

    /** The current line's 1-based number. */
    long lineNumber() {
        return lines.lineNumber();
    }

    /** File bytes read so far. */
    long done() {
        return counted.count();
    }

    /** The file's size in bytes. */
    long total() {
        return total;
    }

    /** Blank lines passed over so far. */
    long blankLines() {
        return blankLines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
