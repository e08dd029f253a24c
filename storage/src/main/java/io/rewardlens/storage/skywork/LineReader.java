package io.rewardlens.storage.skywork;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: each line is handed out as a range of an
 * internal buffer, valid until the next call. Lines end at {@code \n}; a {@code \r} before it
 * (CRLF) and a UTF-8 byte-order mark at the start of the stream are dropped. The buffer grows for
 * long lines, so a line of any length up to the array limit is read in one piece.
 */
final class LineReader {
    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int MAX_LINE = Integer.MAX_VALUE - 64;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int start;
    private int scanned;
    private int limit;
    private boolean endOfInput;
    private boolean first = true;
    private long lineNumber;
    private int lineStart;
    private int lineEnd;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the input
     * @throws LineTooLongException if a line does not fit in a Java array
     */
    boolean next() throws IOException {
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    take(i, i + 1);
                    return true;
                }
            }
            scanned = limit;
            if (endOfInput) {
                if (start < limit) {
                    take(limit, limit);
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void take(int end, int nextStart) {
        lineStart = start;
        lineEnd = end;
        if (lineEnd > lineStart && buffer[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        if (first) {
            first = false;
            if (lineEnd - lineStart >= 3
                    && (buffer[lineStart] & 0xff) == 0xef
                    && (buffer[lineStart + 1] & 0xff) == 0xbb
                    && (buffer[lineStart + 2] & 0xff) == 0xbf) {
                lineStart += 3;
            }
        }
        start = nextStart;
        scanned = nextStart;
        lineNumber++;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            limit -= start;
            scanned -= start;
            start = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new LineTooLongException(lineNumber + 1);
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_LINE, buffer.length * 2L));
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
        } else {
            limit += read;
        }
    }

    /** The current line's 1-based number. */
    long lineNumber() {
        return lineNumber;
    }

    /** The buffer holding the current line. */
    byte[] buffer() {
        return buffer;
    }

    /** Where the current line starts in {@link #buffer()}. */
    int lineStart() {
        return lineStart;
    }

    /** The current line's length in bytes (without its line end). */
    int lineLength() {
        return lineEnd - lineStart;
    }

    /** Whether the current line holds nothing but spaces and tabs. */
    boolean lineIsBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A line longer than a Java array can hold. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(long line) {
            super("line " + line + " is longer than 2 GiB");
        }
    }
}
