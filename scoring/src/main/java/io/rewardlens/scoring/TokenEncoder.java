package io.rewardlens.scoring;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The model's fast tokenizer through DJL, set up for text a chat template already rendered: no
 * special tokens added (the template wrote the BOS), no truncation (DJL truncates to 512 by
 * default), no padding. Token offsets come back as Java string indices.
 */
final class TokenEncoder implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private TokenEncoder(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static TokenEncoder load(Path tokenizerJson) throws BundleException {
        try {
            return new TokenEncoder(
                    HuggingFaceTokenizer.builder()
                            .optTokenizerPath(tokenizerJson)
                            .optAddSpecialTokens(false)
                            .optTruncation(false)
                            .optPadding(false)
                            .build());
        } catch (IOException | RuntimeException e) {
            throw new BundleException(tokenizerJson + ": cannot load the tokenizer: " + e, e);
        }
    }

    /** Token ids and their UTF-16 spans in the text. */
    record Tokens(long[] ids, int[] starts, int[] ends) {}

    Tokens encode(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] toUtf16 = codePointToUtf16(text);
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            CharSpan span = spans[i];
            if (span == null) {
                // No source text (not produced by the tokenizers here): an empty span at the
                // previous token's end keeps spans ordered.
                int at = i == 0 ? 0 : ends[i - 1];
                starts[i] = at;
                ends[i] = at;
            } else {
                starts[i] = toUtf16[span.getStart()];
                ends[i] = toUtf16[span.getEnd()];
            }
        }
        return new Tokens(ids, starts, ends);
    }

    /**
     * Maps code point offsets (what the Rust tokenizer reports) to UTF-16 indices; index {@code n}
     * (one past the last code point) maps to {@code text.length()}.
     */
    static int[] codePointToUtf16(String text) {
        int count = text.codePointCount(0, text.length());
        int[] map = new int[count + 1];
        int utf16 = 0;
        for (int cp = 0; cp < count; cp++) {
            map[cp] = utf16;
            utf16 += Character.charCount(text.codePointAt(utf16));
        }
        map[count] = text.length();
        return map;
    }

    /** The id of a text that the tokenizer turns into exactly one token. */
    OptionalLong singleTokenId(String text) {
        if (text == null || text.isEmpty()) {
            return OptionalLong.empty();
        }
        long[] ids = tokenizer.encode(text, false, false).getIds();
        return ids.length == 1 ? OptionalLong.of(ids[0]) : OptionalLong.empty();
    }

    String decode(long[] ids) {
        return tokenizer.decode(ids, false);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
