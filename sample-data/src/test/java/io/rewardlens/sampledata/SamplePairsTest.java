package io.rewardlens.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePairsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE_PREFIX = "rewardlens-sample/";
    private static final Set<String> CATEGORIES =
            Set.of(
                    "chat",
                    "code",
                    "math",
                    "reasoning",
                    "safety",
                    "over-refusal",
                    "multi-turn",
                    "long-form",
                    "multilingual",
                    "system-prompt");

    private static List<JsonNode> records;
    private static List<SampleAnswer> key;

    @BeforeAll
    static void load() throws IOException {
        records = new ArrayList<>();
        String text;
        try (InputStream in = SampleData.openSamplePairs()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.endsWith("\n"), "the file ends with a newline");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                records.add(JSON.readTree(lines[i]));
            } catch (IOException e) {
                throw new AssertionError("sample-pairs.jsonl line " + (i + 1) + " is not JSON", e);
            }
        }
        key = SampleData.sampleAnswerKey();
    }

    @Test
    void atLeastSixtyWellFormedSkyworkRecords() {
        assertTrue(records.size() >= 60, records.size() + " records");
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String where = "line " + (i + 1);
            assertEquals(Set.of("chosen", "rejected", "source"), fieldNames(record), where);
            for (String side : List.of("chosen", "rejected")) {
                JsonNode turns = record.get(side);
                assertTrue(turns.isArray() && turns.size() >= 2, where + " " + side);
                for (int t = 0; t < turns.size(); t++) {
                    JsonNode turn = turns.get(t);
                    assertEquals(Set.of("role", "content"), fieldNames(turn), where);
                    assertFalse(turn.get("content").asText().isBlank(), where + " turn " + t);
                    String expectedRole;
                    if (t == 0 && turn.get("role").asText().equals("system")) {
                        expectedRole = "system";
                    } else {
                        int offset = turns.get(0).get("role").asText().equals("system") ? 1 : 0;
                        expectedRole = (t - offset) % 2 == 0 ? "user" : "assistant";
                    }
                    assertEquals(expectedRole, turn.get("role").asText(), where + " turn " + t);
                }
                assertEquals("assistant", turns.get(turns.size() - 1).get("role").asText(), where);
            }
        }
    }

    @Test
    void chosenAndRejectedShareThePromptAndDifferInTheFinalAnswer() {
        for (int i = 0; i < records.size(); i++) {
            JsonNode chosen = records.get(i).get("chosen");
            JsonNode rejected = records.get(i).get("rejected");
            String where = "line " + (i + 1);
            assertEquals(chosen.size(), rejected.size(), where);
            for (int t = 0; t < chosen.size() - 1; t++) {
                assertEquals(chosen.get(t), rejected.get(t), where + " turn " + t);
            }
            assertNotEquals(
                    chosen.get(chosen.size() - 1).get("content"),
                    rejected.get(rejected.size() - 1).get("content"),
                    where);
        }
    }

    @Test
    void keyMatchesTheFileLineByLine() {
        assertEquals(records.size(), key.size());
        for (int i = 0; i < key.size(); i++) {
            SampleAnswer answer = key.get(i);
            assertEquals(i + 1, answer.line());
            assertEquals(
                    SOURCE_PREFIX + answer.category(),
                    records.get(i).get("source").asText(),
                    "line " + answer.line());
            assertTrue(answer.why().length() > 30, "line " + answer.line() + " needs a reason");
        }
    }

    @Test
    void everyCategoryIsPresentAndTheKeyHasDeliberateMislabels() {
        Set<String> present = new TreeSet<>();
        key.forEach(answer -> present.add(answer.category()));
        assertEquals(new TreeSet<>(CATEGORIES), present);
        long mislabelled = key.stream().filter(SampleAnswer::deliberatelyMislabelled).count();
        assertTrue(mislabelled >= 8 && mislabelled <= 12, mislabelled + " mislabels");
        Set<String> mislabelledCategories = new HashSet<>();
        key.stream()
                .filter(SampleAnswer::deliberatelyMislabelled)
                .forEach(answer -> mislabelledCategories.add(answer.category()));
        assertTrue(mislabelledCategories.size() >= 6, "mislabels spread over categories");
    }

    @Test
    void categoriesHaveTheirCharacteristicShape() {
        Set<String> codeLanguages = new TreeSet<>();
        Set<Character.UnicodeScript> scripts = new HashSet<>();
        Pattern fence = Pattern.compile("```(\\w+)");
        for (int i = 0; i < records.size(); i++) {
            String category = key.get(i).category();
            JsonNode chosen = records.get(i).get("chosen");
            JsonNode rejected = records.get(i).get("rejected");
            String where = "line " + (i + 1) + " (" + category + ")";
            boolean system = chosen.get(0).get("role").asText().equals("system");
            int promptTurns = chosen.size() - 1 - (system ? 1 : 0);
            switch (category) {
                case "multi-turn":
                    assertTrue(promptTurns >= 3 && promptTurns <= 5, where);
                    break;
                case "system-prompt":
                    assertTrue(system, where);
                    break;
                case "code":
                    String answers = lastContent(chosen) + lastContent(rejected);
                    Matcher matcher = fence.matcher(answers);
                    assertTrue(answers.contains("```"), where + " has fenced code");
                    while (matcher.find()) {
                        codeLanguages.add(matcher.group(1));
                    }
                    break;
                case "multilingual":
                    chosen.get(0)
                            .get("content")
                            .asText()
                            .codePoints()
                            .filter(Character::isLetter)
                            .forEach(c -> scripts.add(Character.UnicodeScript.of(c)));
                    break;
                case "long-form":
                    String better =
                            key.get(i).deliberatelyMislabelled()
                                    ? lastContent(rejected)
                                    : lastContent(chosen);
                    assertTrue(better.length() > 1200, where + " is long");
                    assertTrue(better.contains("\n#") || better.contains("**"), where);
                    assertTrue(better.contains("\n- ") || better.contains("\n1. "), where);
                    break;
                default:
                    break;
            }
        }
        assertTrue(codeLanguages.size() >= 6, "code languages: " + codeLanguages);
        assertTrue(
                scripts.containsAll(
                        Set.of(
                                Character.UnicodeScript.LATIN,
                                Character.UnicodeScript.HAN,
                                Character.UnicodeScript.HIRAGANA,
                                Character.UnicodeScript.ARABIC,
                                Character.UnicodeScript.DEVANAGARI)),
                "scripts: " + scripts);
        long longWithTable =
                records.stream()
                        .map(r -> lastContent(r.get("chosen")) + lastContent(r.get("rejected")))
                        .filter(text -> text.contains("|---|"))
                        .count();
        assertTrue(longWithTable >= 3, "some answers carry Markdown tables");
    }

    @Test
    void writeSamplePairsCopiesTheResourceExactly(@TempDir Path dir) throws IOException {
        Path file = SampleData.writeSamplePairs(dir.resolve("samples/pairs.jsonl"));
        try (InputStream in = SampleData.openSamplePairs()) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(file));
        }
    }

    private static String lastContent(JsonNode turns) {
        return turns.get(turns.size() - 1).get("content").asText();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
