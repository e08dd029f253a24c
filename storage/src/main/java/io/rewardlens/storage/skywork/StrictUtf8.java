package io.rewardlens.storage.skywork;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks a JSONL line byte by byte for what Jackson lets through but the store must not hold: UTF-8
 * that is not well formed (overlong forms such as {@code c0 af}, encoded surrogates such as {@code
 * ed a0 80}, code points above U+10FFFF, stray or missing continuation bytes), raw NUL bytes, and
 * the JSON escapes that cannot become UTF-8 or that the store cannot keep as text: a lone surrogate
 * ({@code \ud800} without its pair) and {@code \u0000}. What is imported must be what the file
 * held, and nothing imported may make the store unreadable.
 */
final class StrictUtf8 {
    private StrictUtf8() {}

    /**
     * A problem found in a line.
     *
     * @param at the index of its first byte in the buffer
     * @param what what is wrong, for the error message
     */
    record Problem(int at, String what) {}

    /**
     * The first problem in {@code buffer[from, to)}, or null when there is none.
     *
     * @param buffer the bytes
     * @param from the first byte
     * @param to the end, exclusive
     * @return the problem, or null
     */
    static Problem check(byte[] buffer, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + Long.BYTES <= to && plain((long) LONGS.get(buffer, i))) {
                i += Long.BYTES;
                continue;
            }
            int b = buffer[i] & 0xff;
            if (b >= 0x20 && b < 0x80 && b != '\\') {
                i++;
            } else if (b == '\\') {
                Problem escape = escape(buffer, i, to);
                if (escape != null) {
                    return escape;
                }
                i += i + 1 < to && buffer[i + 1] == 'u' ? 6 : 2;
            } else if (b < 0x20) {
                if (b == 0) {
                    return new Problem(i, "a NUL byte");
                }
                i++; // Tabs and line breaks between tokens; Jackson refuses them inside strings.
            } else {
                int length = sequence(buffer, i, to);
                if (length < 0) {
                    return new Problem(i, malformed(buffer, i, to));
                }
                i += length;
            }
        }
        return null;
    }

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long EVERY_BYTE = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Whether eight bytes, read as one word, are all printable ASCII other than a backslash, so
     * that they need no closer look (most of a line): no byte has its high bit set, none is below
     * 0x20, none is a backslash. The two tests are the usual "has a byte less than" and "has a zero
     * byte" tricks, exact whenever no high bit is set.
     */
    private static boolean plain(long word) {
        long control = (word - 0x20 * EVERY_BYTE) & ~word;
        long backslashes = word ^ ('\\' * EVERY_BYTE);
        long backslash = (backslashes - EVERY_BYTE) & ~backslashes;
        return ((word | control | backslash) & HIGH_BITS) == 0;
    }

    /** The length of the well-formed sequence at {@code i} (Unicode table 3-7), or -1. */
    private static int sequence(byte[] buffer, int i, int to) {
        int b = buffer[i] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            low = b == 0xe0 ? 0xa0 : 0x80;
            high = b == 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            low = b == 0xf0 ? 0x90 : 0x80;
            high = b == 0xf4 ? 0x8f : 0xbf;
        } else {
            return -1;
        }
        if (i + length > to) {
            return -1;
        }
        int second = buffer[i + 1] & 0xff;
        if (second < low || second > high) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            int next = buffer[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return -1;
            }
        }
        return length;
    }

    private static String malformed(byte[] buffer, int i, int to) {
        int b = buffer[i] & 0xff;
        int second = i + 1 < to ? buffer[i + 1] & 0xff : -1;
        String bytes =
                String.format("%02x", b) + (second >= 0 ? String.format(" %02x", second) : "");
        if (b == 0xc0
                || b == 0xc1
                || (b == 0xe0 && second >= 0x80 && second < 0xa0)
                || (b == 0xf0 && second >= 0x80 && second < 0x90)) {
            return "an overlong encoding (" + bytes + ")";
        }
        if (b == 0xed && second >= 0xa0 && second <= 0xbf) {
            return "an encoded surrogate (" + bytes + "), which UTF-8 does not allow";
        }
        if ((b == 0xf4 && second >= 0x90) || b >= 0xf5) {
            return "a code point above U+10FFFF (" + bytes + ")";
        }
        if (b >= 0x80 && b <= 0xbf) {
            return "a continuation byte without a start (" + String.format("%02x", b) + ")";
        }
        return "an incomplete sequence (" + bytes + ")";
    }

    /** A {@code \\uXXXX} escape that cannot be kept: NUL or a surrogate without its pair. */
    private static Problem escape(byte[] buffer, int i, int to) {
        int unit = unit(buffer, i, to);
        if (unit < 0) {
            return null; // Another escape, or a malformed one Jackson will name.
        }
        if (unit == 0) {
            return new Problem(i, "the escape \\u0000 (NUL), which the store cannot keep as text");
        }
        if (unit >= 0xd800 && unit <= 0xdbff) {
            int next = unit(buffer, i + 6, to);
            if (next >= 0xdc00 && next <= 0xdfff) {
                return null;
            }
        } else if (unit < 0xdc00 || unit > 0xdfff) {
            return null;
        } else if (i >= 6) {
            int previous = unit(buffer, i - 6, to);
            if (previous >= 0xd800 && previous <= 0xdbff) {
                return null;
            }
        }
        return new Problem(
                i,
                String.format(
                        "the escape \\u%04x, a lone surrogate, which is not a character and cannot"
                                + " be written as UTF-8",
                        unit));
    }

    /** The code unit of a {@code \\uXXXX} escape at {@code i}, or -1. */
    private static int unit(byte[] buffer, int i, int to) {
        if (i < 0 || i + 6 > to || buffer[i] != '\\' || buffer[i + 1] != 'u') {
            return -1;
        }
        int value = 0;
        for (int k = 2; k < 6; k++) {
            int digit = Character.digit(buffer[i + k], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
