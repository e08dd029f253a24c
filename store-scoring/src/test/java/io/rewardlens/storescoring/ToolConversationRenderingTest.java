package io.rewardlens.storescoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.template.ChatTemplate;
import io.rewardlens.scoring.template.RenderOptions;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.SkyworkImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tool-calling record goes from JSONL through the store to a real chat template and comes out as
 * jinja2 renders it: the {@code tools} conversation of the scoring module's template corpus,
 * compared with that corpus's jinja2 golden.
 */
class ToolConversationRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The corpus goldens were rendered on this day (templates that print today's date). */
    private static final Clock CORPUS_DAY =
            Clock.fixed(
                    LocalDateTime.of(2026, 1, 15, 9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir Path dir;

    private static Path corpus() {
        return Path.of(System.getProperty("rewardlens.fixtures"))
                .resolveSibling("scoring/src/test/resources/templates-corpus");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "google--minja--third_party-templates-Qwen-Qwen2.5-7B-Instruct",
                "Butanium--chat_templates_tools--templates-llama3.1_chat_template"
            })
    void aStoredToolCallingPairRendersAsJinja2(String templateName) throws Exception {
        Map<String, Object> tools = conversation("tools");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) tools.get("messages");
        List<Map<String, Object>> rejected =
                new ArrayList<>(messages.subList(0, messages.size() - 1));
        rejected.add(Map.of("role", "assistant", "content", "No idea."));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("chosen", messages);
        record.put("rejected", rejected);
        record.put("source", "tools");
        record.putAll(castMap(tools.get("variables")));
        Path file = dir.resolve("tools.jsonl");
        Files.writeString(file, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8);

        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            SkyworkImporter.importFile(
                    store, file, ImportOptions.intoDataset("d"), ProgressListener.NONE);
            PreferencePair pair = store.pairs(PairQuery.all()).get(0).pair();
            assertFalse(pair.diverging());

            Conversation chosen = PairConversations.of(pair, Side.CHOSEN);
            assertEquals(List.of("tools"), List.copyOf(chosen.variables().keySet()));
            assertEquals(
                    golden(templateName, "tools"),
                    template(templateName).render(chosen, false),
                    "the stored pair renders as jinja2 renders the dataset's messages");
        }
    }

    private static ChatTemplate template(String name) throws Exception {
        String source = Files.readString(corpus().resolve(name + ".jinja"));
        Path tokensFile = corpus().resolve(name + ".tokens.json");
        Map<String, String> tokens =
                Files.exists(tokensFile)
                        ? JSON.readValue(tokensFile.toFile(), new TypeReference<>() {})
                        : Map.of();
        return ChatTemplate.of(source, tokens)
                .withOptions(RenderOptions.DEFAULT.withClock(CORPUS_DAY));
    }

    private static Map<String, Object> conversation(String name) throws Exception {
        List<Map<String, Object>> all =
                JSON.readValue(
                        corpus().resolve("conversations.json").toFile(),
                        new TypeReference<List<Map<String, Object>>>() {});
        return all.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    private static String golden(String template, String conversation) throws Exception {
        List<Map<String, Object>> all =
                JSON.readValue(
                        corpus().resolve("goldens.json").toFile(),
                        new TypeReference<List<Map<String, Object>>>() {});
        return all.stream()
                .filter(
                        g ->
                                template.equals(g.get("template"))
                                        && conversation.equals(g.get("conversation"))
                                        && Boolean.FALSE.equals(g.get("add_generation_prompt")))
                .map(g -> (String) g.get("output"))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
