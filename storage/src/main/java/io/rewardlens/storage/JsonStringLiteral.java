package io.rewardlens.storage;

import java.nio.charset.StandardCharsets;

/** Decodes a JSON string literal (quotes included) that a JSON parser has already checked. */
final class JsonStringLiteral {
    private JsonStringLiteral() {}

    static String decode(byte[] json, int start, int end) {
        int from = start + 1;
        int to = end - 1;
        int backslash = -1;
        for (int i = from; i < to; i++) {
            if (json[i] == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return new String(json, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(to - from);
        text.append(new String(json, from, backslash - from, StandardCharsets.UTF_8));
        int i = backslash;
        while (i < to) {
            byte b = json[i];
            if (b != '\\') {
                int run = i;
                while (i < to && json[i] != '\\') {
                    i++;
                }
                text.append(new String(json, run, i - run, StandardCharsets.UTF_8));
                continue;
            }
            byte escaped = json[i + 1];
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    text.append(
                            (char)
                                    Integer.parseInt(
                                            new String(json, i + 2, 4, StandardCharsets.US_ASCII),
                                            16));
                    i += 4;
                }
                default -> text.append((char) escaped); // '"', '\\' and '/'
            }
            i += 2;
        }
        return text.toString();
    }
}
