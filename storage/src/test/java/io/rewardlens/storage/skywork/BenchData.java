package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes Skywork-shaped JSONL for the benchmarks: about 5 KB per record, mixed scripts (Latin, CJK,
 * Arabic, emoji), one in five multi-turn, one in thirty diverging before the last turn. Stands in
 * until sample-data's {@code SkyworkPairGenerator} is on this branch.
 */
final class BenchData {
    private static final String[] WORDS =
            ("the model answer question helpful reward data token prompt response assistant user"
                            + " value function reasoning step because therefore however example"
                            + " 数据 模型 回答 🙂 🚀 مرحبا بالعالم naïve café")
                    .split(" ");
    private static final String[] SOURCES = {
        "magpie_ultra", "offsetbias", "WildGuardMix", "helpsteer2", "magpie_pro_llama3.1"
    };

    private BenchData() {}

    static void write(Path out, long pairs, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            for (long i = 0; i < pairs; i++) {
                boolean multiTurn = random.nextInt(5) == 0;
                boolean diverging = random.nextInt(30) == 0;
                String question = text(random, 20, 150);
                String earlier = multiTurn ? text(random, 20, 40) : null;
                String earlierAnswer = multiTurn ? text(random, 40, 100) : null;
                json.writeStartObject();
                for (String side : new String[] {"chosen", "rejected"}) {
                    json.writeArrayFieldStart(side);
                    if (multiTurn) {
                        message(json, "user", earlier);
                        message(
                                json,
                                "assistant",
                                diverging && side.equals("rejected")
                                        ? text(random, 40, 100)
                                        : earlierAnswer);
                    }
                    message(json, "user", question);
                    message(json, "assistant", text(random, 50, 400));
                    json.writeEndArray();
                }
                json.writeStringField("source", SOURCES[random.nextInt(SOURCES.length)]);
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    private static void message(JsonGenerator json, String role, String content)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("role", role);
        json.writeStringField("content", content);
        json.writeEndObject();
    }

    private static String text(SplittableRandom random, int minWords, int maxWords) {
        int words = random.nextInt(minWords, maxWords + 1);
        StringBuilder text = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(random.nextInt(12) == 0 ? ".\n" : " ");
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
