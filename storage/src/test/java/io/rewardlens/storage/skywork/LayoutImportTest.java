package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.formats.PreferenceFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import of every layout besides Skywork's, from small files written here in each layout (and the
 * odd cases each has), into a real store: what detection decides, the conversations, sources and
 * metadata stored, the verdicts of annotation tools, and the refusals by file, line and field.
 */
class LayoutImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private PreferenceStore store;

    @BeforeEach
    void open() {
        store = PreferenceStore.open(dir.resolve("store.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private ImportReport load(Path file, PreferenceFormat format) throws Exception {
        return SkyworkImporter.importFile(
                store,
                file,
                ImportOptions.intoDataset(file.getFileName().toString()).withFormat(format),
                ProgressListener.NONE);
    }

    private List<PreferencePair> pairs(String dataset) {
        return store.pairs(PairQuery.all().withDataset(dataset)).stream()
                .map(StoredPair::pair)
                .toList();
    }

    private static JsonNode metadata(PreferencePair pair) throws IOException {
        return JSON.readTree(pair.metadataJson());
    }

    private static List<ChatMessage> exchange(String user, String assistant) {
        return List.of(new ChatMessage("user", user), new ChatMessage("assistant", assistant));
    }

    private static ChatMessage user(String text) {
        return new ChatMessage("user", text);
    }

    private static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text);
    }

    @Test
    void rewardBenchRowsAreDetectedAndKeepTheirIdsAndModels() throws Exception {
        Path file =
                file(
                        "rb.jsonl",
                        """
                        {"prompt": "2+2?", "chosen": "4", "chosen_model": "gpt-4", \
                        "rejected": "5", "rejected_model": "llama", "subset": "math-prm", "id": 17}
                        {"prompt": "Hi", "chosen": "Hello!", "chosen_model": "a", \
                        "rejected": "Go away", "rejected_model": "b", "subset": "alpacaeval-easy", "id": 18}
                        """);
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.REWARDBENCH, report.format());
        assertTrue(report.detectedBecause().contains("subset"), report.detectedBecause());
        assertEquals(2, report.imported());
        PreferencePair first = pairs("rb.jsonl").get(0);
        assertEquals(List.of(user("2+2?")), first.prompt());
        assertEquals(List.of(assistant("4")), first.chosen());
        assertEquals(List.of(assistant("5")), first.rejected());
        assertEquals("math-prm", first.source());
        JsonNode meta = metadata(first);
        assertEquals(17, meta.get("id").asInt());
        assertEquals("gpt-4", meta.get("chosen_model").asText());
        assertEquals("llama", meta.get("rejected_model").asText());
        assertNull(meta.get("subset"));
        assertNull(meta.get("prompt"));
    }

    @Test
    void rewardBench2RowsBecomeOnePairPerCombinationGroupedByRow() throws Exception {
        Path file =
                file(
                        "rb2.jsonl",
                        """
                        {"id": "f-1", "prompt": "Capital of France?", "chosen": ["Paris"], \
                        "rejected": ["Lyon", "Nice", "Rome"], "num_correct": 1, "subset": "Factuality"}
                        {"id": "t-1", "prompt": "Name a prime", "chosen": ["2", "3"], \
                        "rejected": ["4", "6"], "num_correct": 2, "subset": "Ties"}
                        """);
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.REWARDBENCH2, report.format());
        assertEquals(3 + 4, report.imported());
        List<PreferencePair> pairs = pairs("rb2.jsonl");
        assertEquals(
                List.of("Lyon", "Nice", "Rome"),
                pairs.subList(0, 3).stream().map(p -> p.rejected().get(0).content()).toList());
        for (int i = 0; i < 3; i++) {
            PreferencePair pair = pairs.get(i);
            assertEquals("Factuality", pair.source());
            assertEquals(List.of(user("Capital of France?")), pair.prompt());
            assertEquals(List.of(assistant("Paris")), pair.chosen());
            JsonNode group = metadata(pair).get("rewardbench2");
            assertEquals("f-1", group.get("id").asText());
            assertEquals(0, group.get("chosen_index").asInt());
            assertEquals(i, group.get("rejected_index").asInt());
            assertEquals(1, group.get("num_correct").asInt());
        }
        PreferencePair lastTie = pairs.get(6);
        assertEquals("Ties", lastTie.source());
        assertEquals(List.of(assistant("3")), lastTie.chosen());
        assertEquals(List.of(assistant("6")), lastTie.rejected());
        JsonNode group = metadata(lastTie).get("rewardbench2");
        assertEquals(1, group.get("chosen_index").asInt());
        assertEquals(1, group.get("rejected_index").asInt());
        assertEquals(2, group.get("num_correct").asInt());
    }

    @Test
    void trlReadsAllFourPreferenceForms() throws Exception {
        Path standardExplicit =
                file(
                        "se.jsonl",
                        "{\"prompt\": \"The sky is\", \"chosen\": \" blue.\", \"rejected\": \""
                                + " green.\"}\n");
        ImportReport report = load(standardExplicit, null);
        assertEquals(PreferenceFormat.TRL, report.format());
        PreferencePair pair = pairs("se.jsonl").get(0);
        assertEquals(List.of(user("The sky is")), pair.prompt());
        assertEquals(List.of(assistant(" blue.")), pair.chosen());

        Path conversationalExplicit =
                file(
                        "ce.jsonl",
                        "{\"prompt\": [{\"role\": \"system\", \"content\": \"Be brief\"},"
                                + " {\"role\": \"user\", \"content\": \"Sky colour?\"}],"
                                + " \"chosen\": [{\"role\": \"assistant\", \"content\": \"Blue\"}],"
                                + " \"rejected\": [{\"role\": \"assistant\", \"content\":"
                                + " \"Green\"}]}\n");
        assertEquals(PreferenceFormat.TRL, load(conversationalExplicit, null).format());
        pair = pairs("ce.jsonl").get(0);
        assertEquals(
                List.of(new ChatMessage("system", "Be brief"), user("Sky colour?")), pair.prompt());
        assertEquals(List.of(assistant("Green")), pair.rejected());

        Path standardImplicit =
                file(
                        "si.jsonl",
                        "{\"chosen\": \"The sky is blue.\", \"rejected\": \"The sky is"
                                + " green.\"}\n");
        assertEquals(PreferenceFormat.TRL, load(standardImplicit, null).format());
        pair = pairs("si.jsonl").get(0);
        assertEquals(List.of(), pair.prompt());
        assertEquals(List.of(assistant("The sky is blue.")), pair.chosen());

        Path conversationalImplicit =
                file(
                        "ci.jsonl",
                        "{\"chosen\": [{\"role\": \"user\", \"content\": \"Sky?\"},"
                                + " {\"role\": \"assistant\", \"content\": \"Blue\"}],"
                                + " \"rejected\": [{\"role\": \"user\", \"content\": \"Sky?\"},"
                                + " {\"role\": \"assistant\", \"content\": \"Green\"}]}\n");
        // The implicit conversational form is Skywork's layout exactly.
        assertEquals(PreferenceFormat.SKYWORK, load(conversationalImplicit, null).format());
        assertEquals(
                PreferenceFormat.TRL,
                load(copy(conversationalImplicit, "ci2.jsonl"), PreferenceFormat.TRL).format());
        assertEquals(pairs("ci.jsonl").get(0), pairs("ci2.jsonl").get(0));
        assertEquals(List.of(user("Sky?")), pairs("ci2.jsonl").get(0).prompt());
    }

    private Path copy(Path file, String name) throws IOException {
        return Files.copy(file, dir.resolve(name));
    }

    @Test
    void ultraFeedbackKeepsScoresAndASystemTurn() throws Exception {
        Path file =
                file(
                        "uf.jsonl",
                        """
                        {"prompt": "Say hi", "prompt_id": "abc", \
                        "chosen": [{"content": "You are kind", "role": "system"}, \
                        {"content": "Say hi", "role": "user"}, {"content": "Hi!", "role": "assistant"}], \
                        "rejected": [{"content": "You are kind", "role": "system"}, \
                        {"content": "Say hi", "role": "user"}, {"content": "No.", "role": "assistant"}], \
                        "messages": [{"content": "Say hi", "role": "user"}], \
                        "score_chosen": 9.0, "score_rejected": 2.5}
                        """);
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.ULTRAFEEDBACK, report.format());
        PreferencePair pair = pairs("uf.jsonl").get(0);
        assertEquals(
                List.of(new ChatMessage("system", "You are kind"), user("Say hi")), pair.prompt());
        // Parquet and these files write content before role: still plain messages.
        assertTrue(pair.chosen().get(0).isPlain());
        JsonNode meta = metadata(pair);
        assertEquals("abc", meta.get("prompt_id").asText());
        assertEquals(9.0, meta.get("score_chosen").asDouble());
        assertEquals(2.5, meta.get("score_rejected").asDouble());
        assertNull(meta.get("messages"));
    }

    @Test
    void ultraFeedbackFromParquetAsTheHubWritesIt() throws Exception {
        MessageType schema =
                MessageTypeParser.parseMessageType(
                        """
                        message schema {
                          optional binary prompt (STRING);
                          optional binary prompt_id (STRING);
                          optional group chosen (LIST) {
                            repeated group list {
                              optional group element {
                                optional binary content (STRING);
                                optional binary role (STRING);
                              }
                            }
                          }
                          optional group rejected (LIST) {
                            repeated group list {
                              optional group element {
                                optional binary content (STRING);
                                optional binary role (STRING);
                              }
                            }
                          }
                          optional double score_chosen;
                          optional double score_rejected;
                        }
                        """);
        Path file =
                SkyworkParquetTest.write(
                        dir.resolve("uf.parquet"),
                        schema,
                        CompressionCodecName.SNAPPY,
                        List.of(
                                (Group row) -> {
                                    row.add("prompt", "Say hi");
                                    row.add("prompt_id", "p1");
                                    SkyworkParquetTest.addList(
                                            row,
                                            "chosen",
                                            List.of(
                                                    new String[] {"user", "Say hi"},
                                                    new String[] {"assistant", "Hi!"}));
                                    SkyworkParquetTest.addList(
                                            row,
                                            "rejected",
                                            List.of(
                                                    new String[] {"user", "Say hi"},
                                                    new String[] {"assistant", "No."}));
                                    row.add("score_chosen", 8.5);
                                    row.add("score_rejected", 1.0);
                                }));
        ImportReport report = load(file, null);
        assertEquals(SkyworkFileType.PARQUET, report.fileType());
        assertEquals(PreferenceFormat.ULTRAFEEDBACK, report.format());
        PreferencePair pair = pairs("uf.parquet").get(0);
        assertEquals(List.of(user("Say hi")), pair.prompt());
        assertEquals(List.of(assistant("Hi!")), pair.chosen());
        assertEquals(8.5, metadata(pair).get("score_chosen").asDouble());
        assertEquals("p1", metadata(pair).get("prompt_id").asText());
    }

    @Test
    void rewardBenchFromAGzippedJsonArray() throws Exception {
        Path file = dir.resolve("rb.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(
                    """
                    [
                      {"prompt": "a", "chosen": "b", "rejected": "c", "subset": "donotanswer", "id": 1},
                      {"prompt": "d", "chosen": "e", "rejected": "f", "subset": "donotanswer", "id": 2}
                    ]
                    """
                            .getBytes(StandardCharsets.UTF_8));
        }
        ImportReport report = load(file, null);
        assertEquals(SkyworkFileType.JSON_GZIP, report.fileType());
        assertEquals(PreferenceFormat.REWARDBENCH, report.format());
        assertEquals(
                List.of("b", "e"),
                pairs("rb.json.gz").stream().map(p -> p.chosen().get(0).content()).toList());
    }

    @Test
    void aBadRecordInAJsonArrayIsNamedByItsNumberAndField() throws Exception {
        Path file =
                file(
                        "rb.json",
                        "[{\"prompt\": \"a\", \"chosen\": \"b\", \"rejected\": \"c\", \"subset\":"
                                + " \"x\"},\n {\"prompt\": \"a\", \"chosen\": 3, \"rejected\":"
                                + " \"c\", \"subset\": \"x\"}]");
        ImportRefusedException refused =
                assertThrows(ImportRefusedException.class, () -> load(file, null));
        assertEquals(
                "rb.json record 2, field chosen: expected a string, got a number",
                refused.getMessage());
        assertEquals(0, store.stats().pairs());
    }

    @Test
    void hhRlhfTranscriptsSplitIntoTurnsWithTheSharedPrefixAsPrompt() throws Exception {
        String prompt =
                "\\n\\nHuman: What is 2+2?\\n\\nAssistant: 4.\\n\\nHuman: And 3+3?"
                        + " Quote me: \\\"\\n\\nHuman: hi\\\"";
        Path file =
                file(
                        "hh.jsonl",
                        "{\"chosen\": \""
                                + prompt
                                + "\\n"
                                + "\\n"
                                + "Assistant: 6. You wrote:\\n"
                                + "\\n"
                                + "Human: hi\", \"rejected\": \""
                                + prompt
                                + "\\n\\nAssistant: 7.\"}\n");
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.HH_RLHF, report.format());
        PreferencePair pair = pairs("hh.jsonl").get(0);
        assertEquals(
                List.of(
                        user("What is 2+2?"),
                        assistant("4."),
                        user("And 3+3? Quote me: \"\n\nHuman: hi\"")),
                pair.prompt());
        // "\n\nHuman:" inside the final assistant turn stays part of it.
        assertEquals(List.of(assistant("6. You wrote:\n\nHuman: hi")), pair.chosen());
        assertEquals(List.of(assistant("7.")), pair.rejected());
    }

    @Test
    void anHhTranscriptThatDoesNotParseIsRefusedByLine() throws Exception {
        Path file =
                file(
                        "hh.jsonl",
                        "{\"chosen\": \"\\n\\nHuman: a\\n\\nAssistant: b\", \"rejected\":"
                                + " \"\\n\\nHuman: a\\n\\nAssistant: c\"}\n"
                                + "{\"chosen\": \"Human: x\", \"rejected\": \"Robot: y\"}\n");
        ImportRefusedException refused =
                assertThrows(ImportRefusedException.class, () -> load(file, null));
        assertEquals(
                "hh.jsonl line 2, field rejected: a transcript starts with \"\\n\\nHuman:\"",
                refused.getMessage());
    }

    @Test
    void openAiDpoKeepsToolsForTheChatTemplate() throws Exception {
        Path file =
                file(
                        "dpo.jsonl",
                        """
                        {"input": {"messages": [{"role": "user", "content": "Weather?"}], \
                        "tools": [{"type": "function", "function": {"name": "get_weather"}}], \
                        "parallel_tool_calls": false}, \
                        "preferred_output": [{"role": "assistant", "content": "Sunny"}], \
                        "non_preferred_output": [{"role": "assistant", "content": "No idea"}]}
                        """);
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.OPENAI_DPO, report.format());
        PreferencePair pair = pairs("dpo.jsonl").get(0);
        assertEquals(List.of(user("Weather?")), pair.prompt());
        assertEquals(List.of(assistant("Sunny")), pair.chosen());
        JsonNode meta = metadata(pair);
        assertEquals("get_weather", meta.at("/tools/0/function/name").asText());
        assertEquals(false, meta.at("/input/parallel_tool_calls").asBoolean(true));
    }

    @Test
    void helpSteer3SignDecidesChosenAndMagnitudeIsStrength() throws Exception {
        Path file =
                file(
                        "hs3.jsonl",
                        """
                        {"domain": "code", "language": "python", \
                        "context": [{"role": "user", "content": "sort a list"}], \
                        "response1": "sorted(x)", "response2": "x.sort() returns None", \
                        "overall_preference": 2, "individual_preference": [{"score": 2, "reasoning": "r"}]}
                        {"domain": "general", "context": [{"role": "user", "content": "hi"}], \
                        "response1": "Hello", "response2": "Go away", "overall_preference": -3}
                        {"domain": "general", "context": [{"role": "user", "content": "yo"}], \
                        "response1": "Yo", "response2": "Hey", "overall_preference": 0}
                        """);
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.HELPSTEER3, report.format());
        List<PreferencePair> pairs = pairs("hs3.jsonl");
        assertEquals(List.of(assistant("x.sort() returns None")), pairs.get(0).chosen());
        assertEquals(List.of(assistant("sorted(x)")), pairs.get(0).rejected());
        assertEquals("code", pairs.get(0).source());
        assertEquals(2, metadata(pairs.get(0)).get("preference_strength").asInt());
        assertEquals("r", metadata(pairs.get(0)).at("/individual_preference/0/reasoning").asText());
        assertEquals(List.of(assistant("Hello")), pairs.get(1).chosen());
        assertEquals(3, metadata(pairs.get(1)).get("preference_strength").asInt());
        assertEquals(true, metadata(pairs.get(2)).get("tie").asBoolean());
        assertEquals(List.of(assistant("Yo")), pairs.get(2).chosen());

        Path bad =
                file(
                        "hs3-bad.jsonl",
                        "{\"context\": [{\"role\": \"user\", \"content\": \"a\"}], \"response1\":"
                                + " \"b\", \"response2\": \"c\", \"overall_preference\": 5}\n");
        ImportRefusedException refused =
                assertThrows(ImportRefusedException.class, () -> load(bad, null));
        assertEquals(
                "hs3-bad.jsonl line 1, field overall_preference: expected a whole number from -3"
                        + " to 3, got 5",
                refused.getMessage());
    }

    @Test
    void labelStudioAnswersBecomeVerdictsWithTheAnnotatorsIds() throws Exception {
        Path file =
                file(
                        "ls.json",
                        """
                        [{"id": 7, "data": {"prompt": "Pick a colour", "answer1": "Blue", "answer2": "Beige"},
                          "annotations": [
                            {"completed_by": {"id": 1, "email": "ann@example.org"},
                             "created_at": "2024-05-01T10:00:00.000000Z", "was_cancelled": false,
                             "result": [{"type": "pairwise", "from_name": "pw", "to_name": "answer1,answer2",
                                         "value": {"selected": "right"}}]},
                            {"completed_by": 2, "result": [{"type": "pairwise", "value": {"selected": "right"}}]},
                            {"completed_by": 3, "result": [{"type": "pairwise", "value": {"selected": "left"}}]},
                            {"completed_by": 4, "was_cancelled": true,
                             "result": [{"type": "pairwise", "value": {"selected": "left"}}]}]}]
                        """);
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.LABEL_STUDIO, report.format());
        assertEquals(3, report.verdicts());
        StoredPair stored = store.pairs(PairQuery.all().withDataset("ls.json")).get(0);
        // Two of three preferred the right text: it is the chosen side.
        assertEquals(List.of(assistant("Beige")), stored.pair().chosen());
        assertEquals(List.of(user("Pick a colour")), stored.pair().prompt());
        assertEquals(7, metadata(stored.pair()).get("id").asInt());
        List<StoredAnnotation> annotations = store.annotations(stored.id());
        assertEquals(
                List.of("2", "3", "ann@example.org"),
                annotations.stream().map(a -> a.annotation().annotator()).sorted().toList());
        for (StoredAnnotation stored1 : annotations) {
            Side preferred = stored1.annotation().preferredSide().orElseThrow();
            assertEquals(
                    stored1.annotation().annotator().equals("3") ? Side.REJECTED : Side.CHOSEN,
                    preferred);
        }
        assertEquals(
                Instant.parse("2024-05-01T10:00:00Z"),
                annotations.stream()
                        .filter(a -> a.annotation().annotator().equals("ann@example.org"))
                        .findFirst()
                        .orElseThrow()
                        .annotation()
                        .createdAt());
    }

    @Test
    void argilla2RankingAndLabelAnswersBecomeVerdicts() throws Exception {
        Path file =
                file(
                        "argilla.jsonl",
                        """
                        {"id": "r1", "status": "completed", "instruction": "Greet me", \
                        "response1": "Hello there", "response2": "Meh", \
                        "preference.responses": [["response1", "response2"], ["response2", "response1"], \
                        ["response1", "response2"]], \
                        "preference.responses.users": ["u-1", "u-2", "u-3"], \
                        "preference.responses.status": ["submitted", "submitted", "draft"]}
                        {"id": "r2", "instruction": "Count", "response1": "1 2 3", "response2": "3 2 1", \
                        "preference.responses": ["tie", "response-2"], \
                        "preference.responses.users": ["u-1", "u-2"]}
                        """);
        ImportReport report = load(file, null);
        assertEquals(PreferenceFormat.ARGILLA, report.format());
        List<StoredPair> pairs = store.pairs(PairQuery.all().withDataset("argilla.jsonl"));
        StoredPair first = pairs.get(0);
        // One submitted vote each way: the first response stays chosen; the draft is left out.
        assertEquals(List.of(assistant("Hello there")), first.pair().chosen());
        assertEquals(List.of(user("Greet me")), first.pair().prompt());
        assertEquals(
                List.of("u-1:A_BETTER", "u-2:B_BETTER"),
                store.annotations(first.id()).stream()
                        .map(a -> a.annotation().annotator() + ":" + a.annotation().verdict())
                        .sorted()
                        .toList());
        StoredPair second = pairs.get(1);
        assertEquals(List.of(assistant("3 2 1")), second.pair().chosen());
        assertEquals(
                List.of("u-1:TIE", "u-2:A_BETTER"),
                store.annotations(second.id()).stream()
                        .map(a -> a.annotation().annotator() + ":" + a.annotation().verdict())
                        .sorted()
                        .toList());
        assertEquals("r2", metadata(second.pair()).get("id").asText());
        assertEquals(4, report.verdicts());
    }

    @Test
    void argilla1AnswerListsAreReadToo() throws Exception {
        Path file =
                file(
                        "argilla1.jsonl",
                        """
                        {"prompt": "Q", "response-1": "good", "response-2": "bad", \
                        "ranking": [{"user_id": "x", "value": [{"rank": 2, "value": "response-1"}, \
                        {"rank": 1, "value": "response-2"}], "status": "submitted"}], \
                        "external_id": "e1"}
                        """);
        assertEquals(PreferenceFormat.ARGILLA, load(file, null).format());
        StoredPair pair = store.pairs(PairQuery.all().withDataset("argilla1.jsonl")).get(0);
        assertEquals(List.of(assistant("bad")), pair.pair().chosen());
        assertEquals(Verdict.A_BETTER, store.annotations(pair.id()).get(0).annotation().verdict());
    }

    @Test
    void aPairWithoutAnAssistantTurnIsRefused() throws Exception {
        Path file =
                file(
                        "trl.jsonl",
                        "{\"prompt\": [{\"role\": \"user\", \"content\": \"a\"}], \"chosen\":"
                                + " [{\"role\": \"user\", \"content\": \"b\"}], \"rejected\":"
                                + " [{\"role\": \"assistant\", \"content\": \"c\"}]}\n");
        ImportRefusedException refused =
                assertThrows(ImportRefusedException.class, () -> load(file, null));
        assertEquals(
                "trl.jsonl line 1, field chosen: no assistant turn: a prompt alone is not a"
                        + " preference pair",
                refused.getMessage());
    }

    @Test
    void skipInvalidKeepsTheGoodRecordsOfAnyLayout() throws Exception {
        Path file =
                file(
                        "rb.jsonl",
                        "{\"prompt\": \"a\", \"chosen\": \"b\", \"rejected\": \"c\", \"subset\":"
                                + " \"x\"}\n{\"prompt\": \"a\", \"chosen\": \"b\"}\nnot json\n");
        ImportReport report =
                SkyworkImporter.importFile(
                        store,
                        file,
                        ImportOptions.intoDataset("d").withSkipInvalid(true),
                        ProgressListener.NONE);
        assertEquals(1, report.imported());
        assertEquals(
                List.of("rb.jsonl line 2, field rejected: missing", "rb.jsonl line 3"),
                report.skipped().stream()
                        .map(
                                p ->
                                        p.toString().startsWith("rb.jsonl line 3")
                                                ? "rb.jsonl line 3"
                                                : p.toString())
                        .toList());
    }

    @Test
    void aForcedLayoutThatDoesNotFitNamesTheField() throws Exception {
        Path file =
                file("x.jsonl", "{\"prompt\": \"a\", \"chosen\": \"b\", \"rejected\": \"c\"}\n");
        ImportRefusedException refused =
                assertThrows(
                        ImportRefusedException.class,
                        () -> load(file, PreferenceFormat.OPENAI_DPO));
        assertEquals("x.jsonl line 1, field input: missing", refused.getMessage());
    }
}
