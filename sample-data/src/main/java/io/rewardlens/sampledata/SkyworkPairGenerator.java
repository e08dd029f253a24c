package io.rewardlens.sampledata;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes large synthetic preference files in the Skywork JSONL form, for benchmarks and load tests
 * of import, scoring and export.
 *
 * <p>Each line is {@code {"chosen":[turns...],"rejected":[turns...],"source":"..."}}; chosen and
 * rejected share every turn but the final assistant answer. The shape follows
 * Skywork-Reward-Preference-80K-v0.2 (77k pairs, about 5.4 kB each): its seven sources in roughly
 * its proportions ({@link #sourceShares()}), log-normal prompt lengths (median about 300 chars) and
 * answer lengths (median about 1.5k chars, a long tail capped near 20k), about 15% multi-turn
 * conversations, system prompts in about 10%, Markdown lists, headers, tables and fenced code, and
 * about 6% of the helpful pairs written in another language. The words are filler assembled from
 * fragments; only the shape is meant to be realistic.
 *
 * <p>The output is a pure function of {@code (pairs, seed)}: the same arguments give byte-identical
 * JSONL on any JDK and platform (a {@code .gz} file is identical wherever the same zlib compresses
 * it). Records are streamed, so memory use does not grow with the number of pairs.
 */
public final class SkyworkPairGenerator {

    private static final List<Source> SOURCES =
            List.of(
                    new Source("magpie_ultra", 290, new int[] {20, 25, 25, 10, 20}, 0.16),
                    new Source("magpie_pro_llama3.1", 260, new int[] {25, 20, 20, 15, 20}, 0.16),
                    new Source("offsetbias", 110, new int[] {35, 10, 10, 25, 20}, 0.08),
                    new Source("helpsteer2", 95, new int[] {30, 15, 0, 30, 25}, 0.35),
                    new Source("wildguard", 85, null, 0.06),
                    new Source("magpie_air", 85, new int[] {30, 10, 10, 20, 30}, 0.16),
                    new Source("magpie_pro", 75, new int[] {25, 20, 20, 15, 20}, 0.16));

    /** Domain order of {@link Source#domainWeights}. */
    private static final List<String> DOMAINS =
            List.of("general", "code", "math", "writing", "advice");

    private static final double SYSTEM_PROMPT_SHARE = 0.10;
    private static final double OTHER_LANGUAGE_SHARE = 0.06;
    private static final double HARMFUL_SHARE_OF_SAFETY = 0.6;
    private static final int PROGRESS_EVERY = 8192;
    private static final int FLUSH_AT = 1 << 20;

    private static final byte[] CHOSEN_OPEN = bytes("{\"chosen\":[");
    private static final byte[] REJECTED_OPEN = bytes("],\"rejected\":[");
    private static final byte[] SOURCE_OPEN = bytes("],\"source\":\"");
    private static final byte[] RECORD_CLOSE = bytes("\"}\n");
    private static final byte[] SYSTEM_OPEN = bytes("{\"role\":\"system\",\"content\":\"");
    private static final byte[] USER_OPEN = bytes("{\"role\":\"user\",\"content\":\"");
    private static final byte[] ASSISTANT_OPEN = bytes("{\"role\":\"assistant\",\"content\":\"");
    private static final byte[] TURN_CLOSE_NEXT = bytes("\"},");
    private static final byte[] TURN_CLOSE_LAST = bytes("\"}");

    /** Escaped separators: the JSON text {@code \n\n} is two chars of content. */
    private static final byte[] PARAGRAPH_BREAK = bytes("\\n\\n");

    private static final byte[] LINE_BREAK = bytes("\\n");
    private static final byte[] SPACE = bytes(" ");
    private static final byte[] BULLET = bytes("- ");
    private static final TextPool NUMBERS = TextPool.of("1. ", "2. ", "3. ", "4. ", "5. ", "6. ");

    private SkyworkPairGenerator() {}

    /**
     * The sources written and the share of pairs each gets, in the approximate proportions of
     * Skywork-Reward-Preference-80K-v0.2.
     *
     * @return source name to share, the shares summing to 1
     */
    public static Map<String, Double> sourceShares() {
        int total = SOURCES.stream().mapToInt(Source::weight).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        SOURCES.forEach(s -> shares.put(s.name(), s.weight() / (double) total));
        return Collections.unmodifiableMap(shares);
    }

    /**
     * Writes {@code pairs} records to {@code out}, gzip-compressed when the name ends in {@code
     * .gz}. The file appears complete or not at all: it is written under a {@code .part} name and
     * moved into place at the end.
     *
     * @param out the file to create or replace; missing parent folders are created
     * @param pairs how many preference pairs (lines) to write, {@code >= 0}
     * @param seed the seed; the same seed and count give a byte-identical file
     * @throws IOException when the file cannot be written
     */
    public static void write(Path out, long pairs, long seed) throws IOException {
        write(out, pairs, seed, written -> {});
    }

    /**
     * Like {@link #write(Path, long, long)}, reporting the number of pairs written so far to {@code
     * progress} every few thousand pairs and once at the end.
     *
     * @param out the file to create or replace; missing parent folders are created
     * @param pairs how many preference pairs (lines) to write, {@code >= 0}
     * @param seed the seed; the same seed and count give a byte-identical file
     * @param progress receives the running count of pairs written
     * @throws IOException when the file cannot be written
     */
    public static void write(Path out, long pairs, long seed, LongConsumer progress)
            throws IOException {
        requireNonNegative(pairs);
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path partial = folder.resolve(target.getFileName() + ".part");
        boolean gzip = target.getFileName().toString().endsWith(".gz");
        try {
            try (OutputStream file = Files.newOutputStream(partial);
                    OutputStream sink = gzip ? new FastGzipOutputStream(file) : file) {
                write(sink, pairs, seed, progress);
            }
            try {
                Files.move(
                        partial,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /**
     * Writes {@code pairs} uncompressed JSONL records to a stream, which is flushed but not closed.
     *
     * @param out where the records go
     * @param pairs how many preference pairs (lines) to write, {@code >= 0}
     * @param seed the seed; the same seed and count give identical bytes
     * @param progress receives the running count of pairs written
     * @return the number of bytes written
     * @throws IOException when the stream fails
     */
    public static long write(OutputStream out, long pairs, long seed, LongConsumer progress)
            throws IOException {
        requireNonNegative(pairs);
        PairWriter writer = new PairWriter(GeneratorText.get(), seed);
        ByteSink buffer = new ByteSink(FLUSH_AT + (FLUSH_AT >> 2));
        long bytes = 0;
        for (long i = 0; i < pairs; i++) {
            writer.writePair(buffer);
            if (buffer.size() >= FLUSH_AT) {
                buffer.writeTo(out);
                bytes += buffer.size();
                buffer.clear();
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept(i + 1);
            }
        }
        buffer.writeTo(out);
        bytes += buffer.size();
        out.flush();
        progress.accept(pairs);
        return bytes;
    }

    private static void requireNonNegative(long pairs) {
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must be >= 0, was " + pairs);
        }
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(UTF_8);
    }

    /**
     * A source tag with its weight (per mille), the weights of the helpful domains for it (null for
     * the safety source) and its chance of a multi-turn conversation.
     */
    private record Source(String name, int weight, int[] domainWeights, double multiTurnShare) {
        byte[] nameBytes() {
            return bytes(name);
        }
    }

    /** Gzip at the fastest level: the generator's output is for tests, not for archiving. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** A domain's text and how often each kind of Markdown block appears in its answers. */
    private static final class Style {
        static final int PARAGRAPH = 0;
        static final int BULLETS = 1;
        static final int NUMBERED = 2;
        static final int HEADER = 3;
        static final int CODE = 4;
        static final int TABLE = 5;

        final GeneratorText.Domain text;
        final int[] blockWeights;
        final int blockTotal;
        final boolean pastesCode;

        Style(GeneratorText.Domain text, int... weights) {
            this.text = text;
            this.blockWeights = weights.clone();
            if (text.items().isEmpty()) {
                blockWeights[BULLETS] = 0;
                blockWeights[NUMBERED] = 0;
            }
            if (text.headers().isEmpty()) {
                blockWeights[HEADER] = 0;
            }
            if (text.code().isEmpty()) {
                blockWeights[CODE] = 0;
            }
            if (text.tables().isEmpty()) {
                blockWeights[TABLE] = 0;
            }
            int total = 0;
            for (int w : blockWeights) {
                total += w;
            }
            this.blockTotal = total;
            this.pastesCode = text.name().equals("code");
        }
    }

    /** Holds the random stream and scratch buffers of one output; writes one pair at a time. */
    private static final class PairWriter {
        private final SplitMix64 random;
        private final GeneratorText text;
        private final Source[] sources;
        private final int[] sourceWeights;
        private final int sourceTotal;
        private final byte[][] sourceNames;
        private final Style[] domains;
        private final Style[] languages;
        private final Style general;
        private final ByteSink prefix = new ByteSink(1 << 14);
        private final ByteSink chosen = new ByteSink(1 << 15);
        private final ByteSink rejected = new ByteSink(1 << 15);

        PairWriter(GeneratorText text, long seed) {
            this.random = new SplitMix64(seed);
            this.text = text;
            this.sources = SOURCES.toArray(new Source[0]);
            this.sourceWeights = new int[sources.length];
            this.sourceNames = new byte[sources.length][];
            int total = 0;
            for (int i = 0; i < sources.length; i++) {
                sourceWeights[i] = sources[i].weight();
                sourceNames[i] = sources[i].nameBytes();
                total += sourceWeights[i];
            }
            this.sourceTotal = total;
            this.domains = new Style[DOMAINS.size()];
            for (int i = 0; i < domains.length; i++) {
                domains[i] = new Style(text.domain(DOMAINS.get(i)), blockWeights(DOMAINS.get(i)));
            }
            this.general = domains[0];
            this.languages =
                    text.languages.stream()
                            .map(language -> new Style(language, 70, 30, 0, 0, 0, 0))
                            .toArray(Style[]::new);
        }

        /** Paragraph, bullets, numbered list, header, code, table: share per domain. */
        private static int[] blockWeights(String domain) {
            switch (domain) {
                case "code":
                    return new int[] {35, 10, 5, 15, 35, 0};
                case "math":
                    return new int[] {30, 5, 30, 15, 20, 0};
                case "writing":
                    return new int[] {60, 15, 0, 15, 0, 0};
                case "advice":
                    return new int[] {35, 25, 15, 15, 0, 5};
                default:
                    return new int[] {45, 15, 8, 20, 0, 6};
            }
        }

        void writePair(ByteSink out) {
            int sourceIndex = random.weighted(sourceWeights, sourceTotal);
            Source source = sources[sourceIndex];
            prefix.clear();
            chosen.clear();
            rejected.clear();
            if (random.chance(SYSTEM_PROMPT_SHARE)) {
                prefix.append(SYSTEM_OPEN);
                text.systemPrompts.appendRandom(prefix, random);
                prefix.append(TURN_CLOSE_NEXT);
            }
            if (source.domainWeights() == null) {
                safetyPair(source);
            } else {
                helpfulPair(source);
            }
            out.append(CHOSEN_OPEN);
            out.append(prefix);
            out.append(ASSISTANT_OPEN);
            out.append(chosen);
            out.append(TURN_CLOSE_LAST);
            out.append(REJECTED_OPEN);
            out.append(prefix);
            out.append(ASSISTANT_OPEN);
            out.append(rejected);
            out.append(TURN_CLOSE_LAST);
            out.append(SOURCE_OPEN);
            out.append(sourceNames[sourceIndex]);
            out.append(RECORD_CLOSE);
        }

        private void helpfulPair(Source source) {
            boolean otherLanguage = random.chance(OTHER_LANGUAGE_SHARE);
            Style style =
                    otherLanguage
                            ? languages[random.nextInt(languages.length)]
                            : domains[random.weighted(source.domainWeights(), 100)];
            int userTurns =
                    !otherLanguage && random.chance(source.multiTurnShare())
                            ? 2 + random.nextInt(2)
                            : 1;
            userTurn(style);
            for (int turn = 1; turn < userTurns; turn++) {
                earlierAnswerAndFollowUp(style);
            }
            answer(chosen, style, random.logNormal(1550, 0.75, 1, 20_000));
            answer(rejected, style, random.logNormal(1300, 0.75, 1, 20_000));
            while (rejected.sameContent(chosen)) {
                rejected.append(PARAGRAPH_BREAK);
                style.text.sentences().appendRandom(rejected, random);
            }
        }

        private void safetyPair(Source source) {
            GeneratorText.Safety safety = text.safety;
            if (random.chance(source.multiTurnShare())) {
                userTurn(general);
                prefix.append(ASSISTANT_OPEN);
                answer(prefix, general, random.logNormal(800, 0.6, 1, 6000));
                prefix.append(TURN_CLOSE_NEXT);
            }
            boolean harmful = random.chance(HARMFUL_SHARE_OF_SAFETY);
            prefix.append(USER_OPEN);
            (harmful ? safety.harmfulRequests() : safety.benignRequests())
                    .appendRandom(prefix, random);
            prefix.append(TURN_CLOSE_NEXT);
            if (harmful) {
                refusal(chosen, random.logNormal(550, 0.5, 1, 3000));
                compliance(rejected, random.logNormal(700, 0.5, 1, 4000));
            } else {
                answer(chosen, general, random.logNormal(1200, 0.6, 1, 8000));
                safety.overRefusals().appendRandom(rejected, random);
                if (random.chance(0.5)) {
                    rejected.append(SPACE);
                    safety.refusalSentences().appendRandom(rejected, random);
                }
            }
        }

        private void userTurn(Style style) {
            prefix.append(USER_OPEN);
            prompt(prefix, style, random.logNormal(280, 0.9, 1, 12_000));
            prefix.append(TURN_CLOSE_NEXT);
        }

        private void earlierAnswerAndFollowUp(Style style) {
            prefix.append(ASSISTANT_OPEN);
            answer(prefix, style, random.logNormal(800, 0.6, 1, 6000));
            prefix.append(TURN_CLOSE_NEXT);
            prefix.append(USER_OPEN);
            text.followUps.appendRandom(prefix, random);
            prefix.append(TURN_CLOSE_NEXT);
        }

        /**
         * A request, then up to two sentences of context, then (for long prompts) pasted material:
         * code, or text to work on.
         */
        private void prompt(ByteSink sink, Style style, int target) {
            GeneratorText.Domain domain = style.text;
            int length = domain.requests().appendRandom(sink, random);
            for (int i = 0; i < 2 && length < target && !domain.context().isEmpty(); i++) {
                sink.append(SPACE);
                length += 1 + domain.context().appendRandom(sink, random);
            }
            if (style.pastesCode && random.chance(0.35)) {
                sink.append(PARAGRAPH_BREAK);
                length += 2 + domain.code().appendRandom(sink, random);
            }
            for (int sentence = 0; length < target; sentence++) {
                // Pasted text: paragraphs of four sentences, stopping as soon as it is long enough.
                boolean newParagraph = sentence % 4 == 0;
                sink.append(newParagraph ? PARAGRAPH_BREAK : SPACE);
                length += (newParagraph ? 2 : 1) + domain.sentences().appendRandom(sink, random);
            }
        }

        private void answer(ByteSink sink, Style style, int target) {
            GeneratorText.Domain domain = style.text;
            int length = domain.openers().appendRandom(sink, random);
            do {
                sink.append(PARAGRAPH_BREAK);
                length += 2 + block(sink, style);
            } while (length < target);
            if (!domain.closers().isEmpty() && random.chance(0.7)) {
                sink.append(PARAGRAPH_BREAK);
                domain.closers().appendRandom(sink, random);
            }
        }

        private int block(ByteSink sink, Style style) {
            GeneratorText.Domain domain = style.text;
            switch (random.weighted(style.blockWeights, style.blockTotal)) {
                case Style.BULLETS:
                    return list(sink, domain.items(), false);
                case Style.NUMBERED:
                    return list(sink, domain.items(), true);
                case Style.HEADER:
                    int header = domain.headers().appendRandom(sink, random);
                    sink.append(PARAGRAPH_BREAK);
                    return header + 2 + paragraph(sink, domain.sentences());
                case Style.CODE:
                    return domain.code().appendRandom(sink, random);
                case Style.TABLE:
                    return domain.tables().appendRandom(sink, random);
                default:
                    return paragraph(sink, domain.sentences());
            }
        }

        private int paragraph(ByteSink sink, TextPool sentences) {
            int count = 2 + random.nextInt(4);
            int length = sentences.appendRandom(sink, random);
            for (int i = 1; i < count; i++) {
                sink.append(SPACE);
                length += 1 + sentences.appendRandom(sink, random);
            }
            return length;
        }

        private int list(ByteSink sink, TextPool items, boolean numbered) {
            int count = 3 + random.nextInt(4);
            int length = 0;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    sink.append(LINE_BREAK);
                    length += 1;
                }
                if (numbered) {
                    length += NUMBERS.appendAt(sink, i);
                } else {
                    sink.append(BULLET);
                    length += 2;
                }
                length += items.appendRandom(sink, random);
            }
            return length;
        }

        private void refusal(ByteSink sink, int target) {
            GeneratorText.Safety safety = text.safety;
            int length = safety.refusalOpeners().appendRandom(sink, random);
            while (length < target) {
                sink.append(SPACE);
                length += 1 + safety.refusalSentences().appendRandom(sink, random);
            }
        }

        private void compliance(ByteSink sink, int target) {
            GeneratorText.Safety safety = text.safety;
            int length = safety.complianceOpeners().appendRandom(sink, random);
            do {
                sink.append(PARAGRAPH_BREAK);
                length += 2 + list(sink, safety.complianceItems(), true);
            } while (length < target);
        }
    }
}
