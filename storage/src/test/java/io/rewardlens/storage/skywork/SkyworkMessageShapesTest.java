package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages that are more than a role and a string (tool calls, tool results, content parts, null
 * content, reasoning, unknown keys) go through import, the store and export unchanged.
 */
class SkyworkMessageShapesTest {
    @TempDir Path dir;

    /** A tool-calling conversation: whitespace, key order, number forms and escapes as written. */
    static final String SYSTEM = "{\"role\":\"system\",\"content\":\"Use tools.\"}";

    static final String USER =
            "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Weather in"
                    + " Z\\u00fcrich?\"}, {\"type\": \"image_url\", \"image_url\": {\"url\":"
                    + " \"x.png\"}}]}";

    static final String CALL =
            "{ \"content\" : null, \"role\" : \"assistant\", \"tool_calls\": [{\"id\": \"call_1\","
                    + " \"type\": \"function\", \"function\": {\"name\": \"get_weather\","
                    + " \"arguments\": {\"city\": \"Z\u00fcrich\", \"days\": 2, \"scale\": 1.50,"
                    + " \"max\": 1e3, \"neg\": -0}}}], \"reasoning_content\": \"I should call"
                    + " \\ud83e\\udd80\" }";

    static final String RESULT =
            "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"name\":\"get_weather\","
                    + "\"content\":\"{\\\"temp\\\": 21.0}\",\"x-extra\":[true,false,null]}";

    static final String CHOSEN_ANSWER = "{\"role\":\"assistant\",\"content\":\"21 \u00b0C 🌤\"}";
    static final String REJECTED_ANSWER = "{\"role\":\"assistant\",\"content\":\"Cold.\"}";

    static String record(String... tails) {
        String prompt = String.join(",", SYSTEM, USER, CALL, RESULT);
        return "{\"chosen\":["
                + prompt
                + ","
                + tails[0]
                + "],\"rejected\":["
                + prompt
                + ","
                + tails[1]
                + "],\"source\":\"tools\"}";
    }

    private PreferenceStore store(String name) {
        return PreferenceStore.open(dir.resolve(name));
    }

    private Path file(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyMessageComesBackByteForByte() throws Exception {
        String line = record(CHOSEN_ANSWER, REJECTED_ANSWER);
        Path input = file("in.jsonl", line + "\n");
        Path output = dir.resolve("out.jsonl");
        try (PreferenceStore store = store("s.db")) {
            SkyworkImporter.importFile(
                    store, input, ImportOptions.intoDataset("d"), ProgressListener.NONE);
            SkyworkExporter.export(store, output, ExportOptions.defaults(), ProgressListener.NONE);
        }
        assertEquals(line + "\n", Files.readString(output, StandardCharsets.UTF_8));

        // And once more through a second store, reading the exported file.
        Path again = dir.resolve("again.jsonl");
        try (PreferenceStore store = store("t.db")) {
            SkyworkImporter.importFile(
                    store, output, ImportOptions.intoDataset("d"), ProgressListener.NONE);
            SkyworkExporter.export(store, again, ExportOptions.defaults(), ProgressListener.NONE);
        }
        assertEquals(line + "\n", Files.readString(again, StandardCharsets.UTF_8));
    }

    @Test
    void theStoreGivesEachMessageItsTextAndFields() throws Exception {
        Path input = file("in.jsonl", record(CHOSEN_ANSWER, REJECTED_ANSWER) + "\n");
        try (PreferenceStore store = store("s.db")) {
            SkyworkImporter.importFile(
                    store, input, ImportOptions.intoDataset("d"), ProgressListener.NONE);
            PreferencePair pair = store.pairs(PairQuery.all()).get(0).pair();
            assertFalse(pair.diverging(), "identical rich prompt turns are shared");
            List<ChatMessage> prompt = pair.prompt();
            assertEquals(4, prompt.size());

            ChatMessage system = prompt.get(0);
            assertTrue(system.isPlain());
            assertEquals(new ChatMessage("system", "Use tools."), system);

            ChatMessage user = prompt.get(1);
            assertEquals("user", user.role());
            assertEquals("Weather in Z\u00fcrich?", user.content());
            assertEquals(USER, user.json());

            ChatMessage call = prompt.get(2);
            assertEquals("assistant", call.role());
            assertEquals("", call.content());
            assertEquals(CALL, call.json());
            Map<String, Object> fields = call.fields();
            assertEquals(
                    List.of("content", "role", "tool_calls", "reasoning_content"),
                    List.copyOf(fields.keySet()));
            assertNull(fields.get("content"));
            assertEquals("I should call \ud83e\udd80", fields.get("reasoning_content"));
            assertEquals(
                    List.of(
                            new ChatMessage.ToolCall(
                                    "call_1",
                                    "get_weather",
                                    "{\"city\":\"Z\u00fcrich\",\"days\":2,\"scale\":1.5,\"max\":1000.0,\"neg\":0}")),
                    call.toolCalls());

            ChatMessage result = prompt.get(3);
            assertEquals("{\"temp\": 21.0}", result.content());
            assertEquals("call_1", result.stringField("tool_call_id"));
            assertEquals("get_weather", result.stringField("name"));
            assertEquals(
                    List.of(true, false),
                    result.fields().get("x-extra") instanceof List<?> l ? l.subList(0, 2) : null);

            assertEquals("21 \u00b0C 🌤", pair.completion(Side.CHOSEN).get(0).content());
            assertTrue(pair.completion(Side.CHOSEN).get(0).isPlain());
        }
    }

    @Test
    void plainMessagesInAnotherKeyOrderStayPlain() throws Exception {
        Path input =
                file(
                        "in.jsonl",
                        "{\"chosen\": [{\"content\": \"a\", \"role\": \"assistant\"}],"
                            + " \"rejected\": [{\"content\": \"b\", \"role\": \"assistant\"}]}\n");
        Path output = dir.resolve("out.jsonl");
        try (PreferenceStore store = store("s.db")) {
            SkyworkImporter.importFile(
                    store, input, ImportOptions.intoDataset("d"), ProgressListener.NONE);
            assertTrue(store.pairs(PairQuery.all()).get(0).pair().chosen().get(0).isPlain());
            SkyworkExporter.export(store, output, ExportOptions.defaults(), ProgressListener.NONE);
        }
        assertEquals(
                "{\"chosen\":[{\"role\":\"assistant\",\"content\":\"a\"}],"
                        + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"b\"}]}\n",
                Files.readString(output));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "content is a number beside tool calls | {\"role\": \"assistant\", \"tool_calls\":"
                        + " [], \"content\": 3} | field chosen[0].content: expected a string, null"
                        + " or a list of content parts, got number",
                "content part is a string | {\"role\": \"user\", \"content\": [{\"type\":"
                        + " \"text\", \"text\": \"a\"}, \"b\"]} | field chosen[0].content[1]:"
                        + " expected a content part object, got a string",
                "role missing beside a name | {\"name\": \"x\", \"content\": null} | field"
                        + " chosen[0].role: missing",
                "role is a list | {\"role\": [\"user\"], \"content\": null} | field"
                        + " chosen[0].role: expected a string, got a list",
                "content missing beside tool calls | {\"role\": \"assistant\", \"tool_calls\":"
                        + " []} | field chosen[0].content: missing",
                "message is a number | 7 | field chosen[0]: expected a message object, got"
                        + " number",
            })
    void refusesBadMessagesNamingFileLineAndField(String name, String message, String expected)
            throws Exception {
        String good = record(CHOSEN_ANSWER, REJECTED_ANSWER);
        String bad =
                "{\"chosen\": ["
                        + message
                        + "], \"rejected\": [{\"role\": \"user\", \"content\": \"a\"}]}";
        Path input = file("bad.jsonl", good + "\n" + bad + "\n");
        try (PreferenceStore store = store("s.db")) {
            ImportRefusedException e =
                    assertThrows(
                            ImportRefusedException.class,
                            () ->
                                    SkyworkImporter.importFile(
                                            store,
                                            input,
                                            ImportOptions.intoDataset("d"),
                                            ProgressListener.NONE));
            assertEquals("bad.jsonl line 2, " + expected, e.problem().toString());
            assertEquals(0, store.stats().pairs());
        }
    }

    @Test
    void fromJsonChecksTheShapeAndKeepsPlainMessagesPlain() {
        assertEquals(
                new ChatMessage("user", "hi"),
                ChatMessage.fromJson("{\"role\":\"user\",\"content\":\"hi\"}"));
        ChatMessage parts =
                ChatMessage.fromJson(
                        "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                                + "{\"type\":\"text\",\"text\":\"b\"}]}");
        assertEquals("a\nb", parts.content());
        assertFalse(parts.isPlain());
        assertEquals(
                "content: expected a string, null or a list of content parts, got boolean",
                assertThrows(
                                io.rewardlens.storage.InvalidMessageException.class,
                                () -> ChatMessage.fromJson("{\"role\":\"u\",\"content\":true}"))
                        .getMessage());
        assertEquals(
                "expected a message object, got a list",
                assertThrows(
                                io.rewardlens.storage.InvalidMessageException.class,
                                () -> ChatMessage.fromJson("[]"))
                        .getMessage());
    }

    @Test
    void anEditedContentKeepsTheOtherFields() {
        assertEquals(new ChatMessage("user", "b"), new ChatMessage("user", "a").withContent("b"));
        ChatMessage edited = ChatMessage.fromJson(CALL).withContent("Let me look.");
        assertEquals("Let me look.", edited.content());
        assertEquals(
                List.of("content", "role", "tool_calls", "reasoning_content"),
                List.copyOf(edited.fields().keySet()));
        assertEquals("get_weather", edited.toolCalls().get(0).name());
    }
}
