package io.rewardlens.sampledata;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * A list of text fragments kept as ready-escaped JSON string bytes (UTF-8), so the generator only
 * copies bytes, plus each fragment's length in UTF-16 chars to steer the text lengths.
 */
final class TextPool {
    private final byte[][] escaped;
    private final int[] chars;

    TextPool(List<String> fragments) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        escaped = new byte[fragments.size()][];
        chars = new int[fragments.size()];
        for (int i = 0; i < escaped.length; i++) {
            escaped[i] = encoder.quoteAsUTF8(fragments.get(i));
            chars[i] = fragments.get(i).length();
        }
    }

    static TextPool of(String... fragments) {
        return new TextPool(List.of(fragments));
    }

    boolean isEmpty() {
        return escaped.length == 0;
    }

    /** Appends a random fragment and returns its length in chars. */
    int appendRandom(ByteSink sink, SplitMix64 random) {
        return appendAt(sink, random.nextInt(escaped.length));
    }

    int appendAt(ByteSink sink, int index) {
        sink.append(escaped[index]);
        return chars[index];
    }
}
