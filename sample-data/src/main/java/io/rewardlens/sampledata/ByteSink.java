package io.rewardlens.sampledata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer that the generator assembles JSON records in before they are written. */
final class ByteSink {
    private byte[] buffer;
    private int size;

    ByteSink(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    void append(ByteSink other) {
        ensure(other.size);
        System.arraycopy(other.buffer, 0, buffer, size, other.size);
        size += other.size;
    }

    boolean sameContent(ByteSink other) {
        return Arrays.equals(buffer, 0, size, other.buffer, 0, other.size);
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
