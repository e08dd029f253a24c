package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairImport;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TRL, OpenAI DPO and RewardBench layouts, JSONL and Parquet, on a real store holding pairs of
 * every shape: single-turn with metadata, system prompt with tools, multi-turn, diverging, a
 * multi-message completion and a tool-call completion.
 */
class ExportLayoutsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CALL =
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"calc\",\"arguments\":\"{}\"}}]}";
    private static final String TOOL_RESULT =
            "{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"c1\"}";

    @TempDir Path dir;
    private PreferenceStore store;

    private static ChatMessage user(String text) {
        return new ChatMessage("user", text);
    }

    private static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text);
    }

    @BeforeEach
    void fill() {
        store = PreferenceStore.open(dir.resolve("s.db"));
        try (PairImport pairs = store.beginImport("main", "main.jsonl")) {
            pairs.add(
                    pair(
                            "chat",
                            1,
                            List.of(user("q1")),
                            List.of(assistant("good 1")),
                            List.of(assistant("bad 1")),
                            "{\"chosen_model\":\"m-a\",\"rejected_model\":\"m-b\",\"id\":7}"));
            pairs.add(
                    pair(
                            "sys",
                            2,
                            List.of(new ChatMessage("system", "be brief"), user("q2")),
                            List.of(assistant("good 2")),
                            List.of(assistant("bad 2")),
                            "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}],"
                                + "\"note\":\"x\"}"));
            pairs.add(
                    pair(
                            "multi",
                            3,
                            List.of(user("q3"), assistant("a3"), user("q3b")),
                            List.of(assistant("good 3")),
                            List.of(assistant("bad 3")),
                            null));
            pairs.add(
                    PreferencePair.fromConversations(
                            null,
                            4,
                            List.of(user("q4"), assistant("x")),
                            List.of(user("q4 other"), assistant("y")),
                            null));
            pairs.add(
                    pair(
                            "tools",
                            5,
                            List.of(user("q5")),
                            List.of(
                                    ChatMessage.fromJson(CALL),
                                    ChatMessage.fromJson(TOOL_RESULT),
                                    assistant("it is 42")),
                            List.of(assistant("no idea")),
                            null));
            pairs.add(
                    pair(
                            "call",
                            6,
                            List.of(user("q6")),
                            List.of(ChatMessage.fromJson(CALL)),
                            List.of(assistant("plain")),
                            null));
            pairs.commit();
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PreferencePair pair(
            String source,
            long position,
            List<ChatMessage> prompt,
            List<ChatMessage> chosen,
            List<ChatMessage> rejected,
            String metadata) {
        return new PreferencePair(
                source, position, prompt, chosen, rejected, false, metadata, null);
    }

    private ExportReport export(String name, ExportOptions options) throws Exception {
        return SkyworkExporter.export(store, dir.resolve(name), options, ProgressListener.NONE);
    }

    private List<String> lines(String name) throws Exception {
        return Files.readAllLines(dir.resolve(name));
    }

    private static final String U1 = "{\"role\":\"user\",\"content\":\"q1\"}";

    @Test
    void trlWritesExplicitPromptsAndImplicitOnesForDivergingPairs() throws Exception {
        ExportReport report =
                export("trl.jsonl", ExportOptions.defaults().withLayout(ExportLayout.TRL));
        assertEquals(ExportLayout.TRL, report.layout());
        assertEquals(6, report.exported());
        assertEquals(Map.of(), report.leftOut());
        assertEquals(
                List.of(
                        "{\"prompt\":["
                                + U1
                                + "],\"chosen\":[{\"role\":\"assistant\",\"content\":\"good 1\"}],"
                                + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"bad 1\"}],"
                                + "\"source\":\"chat\",\"chosen_model\":\"m-a\","
                                + "\"rejected_model\":\"m-b\",\"id\":7}",
                        "{\"prompt\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                                + "{\"role\":\"user\",\"content\":\"q2\"}],"
                                + "\"chosen\":[{\"role\":\"assistant\",\"content\":\"good 2\"}],"
                                + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"bad 2\"}],"
                                + "\"source\":\"sys\",\"tools\":[{\"type\":\"function\","
                                + "\"function\":{\"name\":\"lookup\"}}],\"note\":\"x\"}",
                        "{\"prompt\":[{\"role\":\"user\",\"content\":\"q3\"},"
                                + "{\"role\":\"assistant\",\"content\":\"a3\"},"
                                + "{\"role\":\"user\",\"content\":\"q3b\"}],"
                                + "\"chosen\":[{\"role\":\"assistant\",\"content\":\"good 3\"}],"
                                + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"bad 3\"}],"
                                + "\"source\":\"multi\"}",
                        "{\"chosen\":[{\"role\":\"user\",\"content\":\"q4\"},"
                                + "{\"role\":\"assistant\",\"content\":\"x\"}],"
                                + "\"rejected\":[{\"role\":\"user\",\"content\":\"q4 other\"},"
                                + "{\"role\":\"assistant\",\"content\":\"y\"}]}",
                        "{\"prompt\":[{\"role\":\"user\",\"content\":\"q5\"}],\"chosen\":["
                                + CALL
                                + ","
                                + TOOL_RESULT
                                + ",{\"role\":\"assistant\",\"content\":\"it is 42\"}],"
                                + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"no idea\"}],"
                                + "\"source\":\"tools\"}",
                        "{\"prompt\":[{\"role\":\"user\",\"content\":\"q6\"}],\"chosen\":["
                                + CALL
                                + "],\"rejected\":[{\"role\":\"assistant\",\"content\":\"plain\"}],"
                                + "\"source\":\"call\"}"),
                lines("trl.jsonl"));
    }

    @Test
    void openAiDpoKeepsToolsAndLeavesOutWhatIsNotOneAssistantReply() throws Exception {
        ExportReport report =
                export("dpo.jsonl", ExportOptions.defaults().withLayout(ExportLayout.OPENAI_DPO));
        assertEquals(4, report.exported());
        assertEquals(
                Map.of(LeftOutReason.DIVERGING, 1L, LeftOutReason.NOT_ONE_ASSISTANT_REPLY, 1L),
                report.leftOut());
        assertEquals(
                List.of(
                        "{\"input\":{\"messages\":["
                                + U1
                                + "]},\"preferred_output\":[{\"role\":\"assistant\","
                                + "\"content\":\"good 1\"}],\"non_preferred_output\":["
                                + "{\"role\":\"assistant\",\"content\":\"bad 1\"}]}",
                        "{\"input\":{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                                + "{\"role\":\"user\",\"content\":\"q2\"}],\"tools\":["
                                + "{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}]},"
                                + "\"preferred_output\":[{\"role\":\"assistant\","
                                + "\"content\":\"good 2\"}],\"non_preferred_output\":["
                                + "{\"role\":\"assistant\",\"content\":\"bad 2\"}]}",
                        "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"q3\"},"
                                + "{\"role\":\"assistant\",\"content\":\"a3\"},"
                                + "{\"role\":\"user\",\"content\":\"q3b\"}]},"
                                + "\"preferred_output\":[{\"role\":\"assistant\","
                                + "\"content\":\"good 3\"}],\"non_preferred_output\":["
                                + "{\"role\":\"assistant\",\"content\":\"bad 3\"}]}",
                        "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"q6\"}]},"
                                + "\"preferred_output\":["
                                + CALL
                                + "],\"non_preferred_output\":[{\"role\":\"assistant\","
                                + "\"content\":\"plain\"}]}"),
                lines("dpo.jsonl"));
        JsonNode sidecar = MAPPER.readTree(report.sidecar().toFile());
        assertEquals("openai-dpo", sidecar.get("layout").asText());
        assertEquals("jsonl", sidecar.get("format").asText());
        assertEquals(4, sidecar.at("/counts/exported").asInt());
        assertEquals(1, sidecar.at("/counts/leftOut/diverging/count").asInt());
        assertEquals(
                LeftOutReason.NOT_ONE_ASSISTANT_REPLY.description(),
                sidecar.at("/counts/leftOut/not_one_assistant_reply/why").asText());
    }

    @Test
    void rewardBenchWritesFlatRowsAndCountsWhatCannotBeFlat() throws Exception {
        ExportReport report =
                export("rb.jsonl", ExportOptions.defaults().withLayout(ExportLayout.REWARDBENCH));
        assertEquals(1, report.exported());
        assertEquals(
                Map.of(
                        LeftOutReason.SYSTEM_TURN, 1L,
                        LeftOutReason.NOT_ONE_USER_TURN, 1L,
                        LeftOutReason.DIVERGING, 1L,
                        LeftOutReason.NOT_ONE_ASSISTANT_REPLY, 1L,
                        LeftOutReason.TOOL_CALLS_NOT_FLAT, 1L),
                report.leftOut());
        assertEquals(
                List.of(
                        "{\"prompt\":\"q1\",\"chosen\":\"good 1\",\"rejected\":\"bad 1\","
                                + "\"chosen_model\":\"m-a\",\"rejected_model\":\"m-b\","
                                + "\"subset\":\"chat\",\"id\":7}"),
                lines("rb.jsonl"));
        JsonNode sidecar = MAPPER.readTree(report.sidecar().toFile());
        assertEquals("rewardbench", sidecar.get("layout").asText());
        assertEquals(5, sidecar.at("/counts/leftOut").size());
        assertEquals(1, sidecar.at("/counts/leftOut/system_turn/count").asInt());
    }

    @Test
    void rewardBenchSwapsTheModelsWhenTheHumanPrefersTheRejectedSide() throws Exception {
        long first = store.pairs(PairQuery.all()).get(0).id();
        // Shown with the chosen side as A; B (the dataset's rejected side) is better.
        store.saveAnnotation(
                new Annotation(
                        first,
                        "ann",
                        Verdict.B_BETTER,
                        3,
                        List.of(),
                        "",
                        Side.CHOSEN,
                        1000,
                        Instant.parse("2026-01-01T00:00:00Z")));
        ExportReport report =
                export(
                        "human.jsonl",
                        ExportOptions.defaults()
                                .withLayout(ExportLayout.REWARDBENCH)
                                .withOrientation(Orientation.HUMAN_VERDICT));
        assertEquals(1, report.exported());
        assertEquals(Map.of(LeftOutReason.NOT_ANNOTATED, 5L), report.leftOut());
        assertEquals(
                List.of(
                        "{\"prompt\":\"q1\",\"chosen\":\"bad 1\",\"rejected\":\"good 1\","
                                + "\"chosen_model\":\"m-b\",\"rejected_model\":\"m-a\","
                                + "\"subset\":\"chat\",\"id\":7}"),
                lines("human.jsonl"));
    }

    @Test
    void gzippedJsonlHoldsTheSameLines() throws Exception {
        export("trl.jsonl", ExportOptions.defaults().withLayout(ExportLayout.TRL));
        ExportReport gz =
                export("trl.jsonl.gz", ExportOptions.defaults().withLayout(ExportLayout.TRL));
        assertEquals(SkyworkFileType.JSONL_GZIP, gz.fileType());
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz.output()))) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(String.join("\n", lines("trl.jsonl")) + "\n", text);
        }
    }

    private static String m(String role, String content) {
        return "{\"content\":\"" + content + "\",\"role\":\"" + role + "\"}";
    }

    @Test
    void trlParquetHasPromptChosenRejectedListsAndNoPromptForDivergingPairs() throws Exception {
        ExportReport report =
                export("trl.parquet", ExportOptions.defaults().withLayout(ExportLayout.TRL));
        assertEquals(SkyworkFileType.PARQUET, report.fileType());
        assertEquals(ExportParquetSchemas.TRL, schema(report.output()));
        List<String> rows = readParquet(report.output());
        assertEquals(6, rows.size());
        assertEquals(
                "{\"prompt\":["
                        + m("user", "q1")
                        + "],\"chosen\":["
                        + m("assistant", "good 1")
                        + "],\"rejected\":["
                        + m("assistant", "bad 1")
                        + "],\"source\":\"chat\"}",
                rows.get(0));
        assertEquals(
                "{\"chosen\":["
                        + m("user", "q4")
                        + ","
                        + m("assistant", "x")
                        + "],\"rejected\":["
                        + m("user", "q4 other")
                        + ","
                        + m("assistant", "y")
                        + "]}",
                rows.get(3));
        // A tool-call message keeps its role and its text view (empty for a null content).
        assertEquals(
                "{\"prompt\":["
                        + m("user", "q5")
                        + "],\"chosen\":["
                        + m("assistant", "")
                        + ","
                        + m("tool", "42")
                        + ","
                        + m("assistant", "it is 42")
                        + "],\"rejected\":["
                        + m("assistant", "no idea")
                        + "],\"source\":\"tools\"}",
                rows.get(4));
    }

    @Test
    void openAiDpoParquetNestsMessagesAndToolsUnderInput() throws Exception {
        ExportReport report =
                export("dpo.parquet", ExportOptions.defaults().withLayout(ExportLayout.OPENAI_DPO));
        assertEquals(ExportParquetSchemas.OPENAI_DPO, schema(report.output()));
        assertEquals(4, report.exported());
        List<String> rows = readParquet(report.output());
        assertEquals(4, rows.size());
        assertEquals(
                "{\"input\":{\"messages\":["
                        + m("system", "be brief")
                        + ","
                        + m("user", "q2")
                        + "],\"tools\":"
                        + MAPPER.writeValueAsString(
                                "[{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}]")
                        + "},\"preferred_output\":["
                        + m("assistant", "good 2")
                        + "],\"non_preferred_output\":["
                        + m("assistant", "bad 2")
                        + "]}",
                rows.get(1));
    }

    @Test
    void rewardBenchParquetIsFlatStrings() throws Exception {
        ExportReport report =
                export("rb.parquet", ExportOptions.defaults().withLayout(ExportLayout.REWARDBENCH));
        assertEquals(ExportParquetSchemas.REWARDBENCH, schema(report.output()));
        assertEquals(
                List.of(
                        "{\"prompt\":\"q1\",\"chosen\":\"good 1\",\"rejected\":\"bad 1\","
                                + "\"chosen_model\":\"m-a\",\"rejected_model\":\"m-b\","
                                + "\"subset\":\"chat\",\"id\":\"7\"}"),
                readParquet(report.output()));
        assertEquals(5, report.leftOut().size());
    }

    /**
     * The pairs of a dataset as (chosen conversation, rejected conversation, source), to compare
     * imports: how a record splits into prompt and completions is the store's rule, not a layout's
     * (a multi-message completion comes back as a diverging pair).
     */
    private List<List<Object>> contents(String dataset) {
        return store.pairs(PairQuery.all().withDataset(dataset)).stream()
                .map(
                        stored ->
                                List.<Object>of(
                                        List.copyOf(stored.pair().conversation(Side.CHOSEN)),
                                        List.copyOf(stored.pair().conversation(Side.REJECTED)),
                                        String.valueOf(stored.pair().source())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> textsOnly(List<Object> row) {
        return List.of(
                ((List<ChatMessage>) row.get(0))
                        .stream().map(m -> new ChatMessage(m.role(), m.content())).toList(),
                ((List<ChatMessage>) row.get(1))
                        .stream().map(m -> new ChatMessage(m.role(), m.content())).toList(),
                row.get(2));
    }

    @Test
    void everyLayoutImportsBackAsThePairsItWrote() throws Exception {
        List<List<Object>> all = contents("main");
        Map<ExportLayout, List<Integer>> written =
                Map.of(
                        ExportLayout.TRL, List.of(0, 1, 2, 3, 4, 5),
                        ExportLayout.OPENAI_DPO, List.of(0, 1, 2, 5),
                        ExportLayout.REWARDBENCH, List.of(0));
        for (ExportLayout layout : ExportLayout.values()) {
            if (layout == ExportLayout.SKYWORK) {
                continue;
            }
            for (String ending : List.of(".jsonl", ".parquet")) {
                String name = layout.label() + ending;
                export(
                        name,
                        ExportOptions.defaults()
                                .withLayout(layout)
                                .withPairs(
                                        io.rewardlens.storage.PairFilter.all()
                                                .withDatasets(java.util.Set.of("main"))));
                SkyworkImporter.importFile(
                        store,
                        dir.resolve(name),
                        ImportOptions.intoDataset(name),
                        ProgressListener.NONE);
                List<List<Object>> expected = written.get(layout).stream().map(all::get).toList();
                List<List<Object>> back = contents(name);
                if (layout == ExportLayout.OPENAI_DPO) {
                    // The layout has no source.
                    expected =
                            expected.stream()
                                    .map(row -> List.of(row.get(0), row.get(1), "null"))
                                    .toList();
                }
                if (ending.equals(".parquet")) {
                    // Parquet keeps role and content only: tool-call messages lose their other
                    // fields.
                    expected = expected.stream().map(ExportLayoutsTest::textsOnly).toList();
                }
                assertEquals(expected.size(), back.size(), name + " " + store.datasets());
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i), back.get(i), name + " pair " + i);
                }
            }
        }
    }

    private static MessageType schema(Path file) throws Exception {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    /** Every row of a Parquet file as compact JSON: lists as arrays, null columns left out. */
    static List<String> readParquet(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ParquetFileReader reader =
                ParquetFileReader.open(
                        new LocalInputFile(file),
                        ParquetReadOptions.builder()
                                .withCodecFactory(new ParquetCodecs())
                                .build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records =
                        io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(MAPPER.writeValueAsString(json(records.read())));
                }
            }
        }
        return rows;
    }

    private static ObjectNode json(Group group) {
        ObjectNode node = MAPPER.createObjectNode();
        GroupType type = group.getType();
        for (int f = 0; f < type.getFieldCount(); f++) {
            if (group.getFieldRepetitionCount(f) == 0) {
                continue;
            }
            Type field = type.getType(f);
            if (field.isPrimitive()) {
                node.put(field.getName(), group.getString(f, 0));
            } else if (field.getLogicalTypeAnnotation()
                    instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                ArrayNode array = node.putArray(field.getName());
                Group list = group.getGroup(f, 0);
                for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
                    array.add(json(list.getGroup(0, i).getGroup(0, 0)));
                }
            } else {
                node.set(field.getName(), json(group.getGroup(f, 0)));
            }
        }
        return node;
    }
}
