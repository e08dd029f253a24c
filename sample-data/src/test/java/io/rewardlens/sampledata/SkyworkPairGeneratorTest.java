package io.rewardlens.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkyworkPairGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SAMPLE_PAIRS = 10_000;

    @TempDir static Path shared;
    private static List<JsonNode> sample;

    @BeforeAll
    static void generateSample() throws IOException {
        Path file = shared.resolve("sample.jsonl");
        SkyworkPairGenerator.write(file, SAMPLE_PAIRS, 20260101L);
        sample = readRecords(file);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path dir) throws IOException {
        for (String name : List.of("pairs.jsonl", "pairs.jsonl.gz")) {
            Path first = dir.resolve("a-" + name);
            Path second = dir.resolve("b-" + name);
            Path otherSeed = dir.resolve("c-" + name);
            SkyworkPairGenerator.write(first, 2_000, 7L);
            SkyworkPairGenerator.write(second, 2_000, 7L);
            SkyworkPairGenerator.write(otherSeed, 2_000, 8L);
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), name);
            assertFalse(
                    Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(otherSeed)),
                    name + ": another seed must give another file");
        }
    }

    @Test
    void gzipFileHoldsExactlyThePlainFile(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("pairs.jsonl");
        Path gzip = dir.resolve("pairs.jsonl.gz");
        SkyworkPairGenerator.write(plain, 1_500, 99L);
        SkyworkPairGenerator.write(gzip, 1_500, 99L);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            assertArrayEquals(Files.readAllBytes(plain), in.readAllBytes());
        }
        assertTrue(Files.size(gzip) < Files.size(plain) / 2, "gzip should compress text");
        assertEquals(1_500, readRecords(gzip).size());
    }

    @Test
    void writesExactlyTheRequestedNumberOfLinesAndNoLeftovers(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("nested/folder/pairs.jsonl");
        AtomicLong lastProgress = new AtomicLong(-1);
        SkyworkPairGenerator.write(file, 12_345, 1L, lastProgress::set);
        try (var lines = Files.lines(file)) {
            assertEquals(12_345, lines.count());
        }
        assertEquals(12_345, lastProgress.get());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "the .part file must be gone");
        }
    }

    @Test
    void zeroPairsGiveAnEmptyFileAndNegativeCountsAreRejected(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("empty.jsonl");
        SkyworkPairGenerator.write(file, 0, 3L);
        assertEquals(0, Files.size(file));
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SkyworkPairGenerator.write(dir.resolve("x.jsonl"), -1, 3L));
        assertTrue(error.getMessage().contains("-1"), error.getMessage());
        assertFalse(Files.exists(dir.resolve("x.jsonl")));
    }

    @Test
    void everyRecordIsASkyworkPairWithASharedPromptAndDifferentAnswers() {
        Set<String> sources = SkyworkPairGenerator.sourceShares().keySet();
        for (int i = 0; i < sample.size(); i++) {
            JsonNode record = sample.get(i);
            String where = "record " + (i + 1);
            assertEquals(
                    List.of("chosen", "rejected", "source"),
                    iterableToList(record.fieldNames()),
                    where);
            assertTrue(sources.contains(record.get("source").asText()), where);
            JsonNode chosen = record.get("chosen");
            JsonNode rejected = record.get("rejected");
            assertEquals(chosen.size(), rejected.size(), where);
            assertTrue(chosen.size() >= 2, where);
            for (int t = 0; t < chosen.size() - 1; t++) {
                assertEquals(chosen.get(t), rejected.get(t), where + " turn " + (t + 1));
            }
            List<String> roles = new ArrayList<>();
            chosen.forEach(
                    turn -> {
                        assertEquals(List.of("role", "content"), iterableToList(turn.fieldNames()));
                        assertTrue(turn.get("content").isTextual(), where);
                        roles.add(turn.get("role").asText());
                    });
            int first = roles.get(0).equals("system") ? 1 : 0;
            for (int t = first; t < roles.size(); t++) {
                assertEquals((t - first) % 2 == 0 ? "user" : "assistant", roles.get(t), where);
            }
            assertEquals("assistant", roles.get(roles.size() - 1), where);
            assertNotEquals(lastContent(chosen), lastContent(rejected), where);
            assertFalse(lastContent(chosen).isBlank(), where);
        }
    }

    @Test
    void lengthsFollowTheIntendedLogNormalShape() {
        List<Integer> prompts = new ArrayList<>();
        List<Integer> answers = new ArrayList<>();
        for (JsonNode record : sample) {
            prompts.add(firstUserTurn(record.get("chosen")).length());
            answers.add(lastContent(record.get("chosen")).length());
            answers.add(lastContent(record.get("rejected")).length());
        }
        Collections.sort(prompts);
        Collections.sort(answers);
        int promptMedian = quantile(prompts, 0.5);
        int answerMedian = quantile(answers, 0.5);
        int answerP95 = quantile(answers, 0.95);
        int answerMax = answers.get(answers.size() - 1);
        System.out.printf(
                "prompt median %d p95 %d; answer median %d p95 %d p99 %d max %d%n",
                promptMedian,
                quantile(prompts, 0.95),
                answerMedian,
                answerP95,
                quantile(answers, 0.99),
                answerMax);
        assertInRange("prompt median", promptMedian, 150, 600);
        assertInRange("answer median", answerMedian, 1000, 3000);
        assertInRange("answer p95", answerP95, 3000, 10_000);
        assertInRange("longest answer", answerMax, 8_000, 21_500);
    }

    @Test
    void mixOfSourcesTurnsSystemPromptsMarkdownAndLanguages() {
        Map<String, Integer> perSource = new HashMap<>();
        int multiTurn = 0;
        int system = 0;
        int nonAscii = 0;
        int nonLatinScript = 0;
        int fencedCode = 0;
        int lists = 0;
        int tables = 0;
        for (JsonNode record : sample) {
            perSource.merge(record.get("source").asText(), 1, Integer::sum);
            JsonNode chosen = record.get("chosen");
            long userTurns = countRole(chosen, "user");
            multiTurn += userTurns > 1 ? 1 : 0;
            system += chosen.get(0).get("role").asText().equals("system") ? 1 : 0;
            String prompt = firstUserTurn(chosen);
            nonAscii += hasNonAsciiLetter(prompt) ? 1 : 0;
            nonLatinScript += hasNonLatinLetter(prompt) ? 1 : 0;
            String answer = lastContent(chosen);
            fencedCode += answer.contains("```") ? 1 : 0;
            lists += answer.contains("\n- ") || answer.contains("\n1. ") ? 1 : 0;
            tables += answer.contains("|---|") ? 1 : 0;
        }
        SkyworkPairGenerator.sourceShares()
                .forEach(
                        (source, share) ->
                                assertEquals(
                                        share,
                                        perSource.getOrDefault(source, 0) / (double) SAMPLE_PAIRS,
                                        0.015,
                                        source));
        System.out.printf(
                "multi-turn %d system %d non-ASCII %d non-Latin %d code %d lists %d tables %d of"
                        + " %d%n",
                multiTurn,
                system,
                nonAscii,
                nonLatinScript,
                fencedCode,
                lists,
                tables,
                SAMPLE_PAIRS);
        assertInRange("multi-turn per mille", multiTurn * 1000 / SAMPLE_PAIRS, 120, 180);
        assertInRange("system prompt per mille", system * 1000 / SAMPLE_PAIRS, 70, 130);
        assertInRange("non-ASCII prompt per mille", nonAscii * 1000 / SAMPLE_PAIRS, 30, 150);
        assertInRange("non-Latin prompt per mille", nonLatinScript * 1000 / SAMPLE_PAIRS, 10, 60);
        assertInRange("fenced code per mille", fencedCode * 1000 / SAMPLE_PAIRS, 80, 400);
        assertInRange("list per mille", lists * 1000 / SAMPLE_PAIRS, 200, 900);
        assertTrue(tables > 0, "some answers should hold a Markdown table");
    }

    private static void assertInRange(String what, int value, int low, int high) {
        assertTrue(
                value >= low && value <= high,
                what + " = " + value + ", expected in [" + low + ", " + high + "]");
    }

    private static int quantile(List<Integer> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static long countRole(JsonNode turns, String role) {
        long count = 0;
        for (JsonNode turn : turns) {
            count += turn.get("role").asText().equals(role) ? 1 : 0;
        }
        return count;
    }

    private static String firstUserTurn(JsonNode turns) {
        for (JsonNode turn : turns) {
            if (turn.get("role").asText().equals("user")) {
                return turn.get("content").asText();
            }
        }
        throw new AssertionError("no user turn in " + turns);
    }

    private static String lastContent(JsonNode turns) {
        return turns.get(turns.size() - 1).get("content").asText();
    }

    private static boolean hasNonAsciiLetter(String text) {
        return text.codePoints().anyMatch(c -> c > 127 && Character.isLetter(c));
    }

    private static boolean hasNonLatinLetter(String text) {
        return text.codePoints()
                .anyMatch(
                        c ->
                                Character.isLetter(c)
                                        && Character.UnicodeScript.of(c)
                                                != Character.UnicodeScript.LATIN
                                        && Character.UnicodeScript.of(c)
                                                != Character.UnicodeScript.GREEK);
    }

    private static <T> List<T> iterableToList(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    static List<JsonNode> readRecords(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        List<JsonNode> records = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                try {
                    records.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError(file + " line " + number + " is not JSON", e);
                }
            }
        }
        return records;
    }
}
