package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.StoredPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parquet import of files written here with parquet-java's own example writer and the Hub's schema
 * (as in Skywork-Reward-Preference-80K-v0.2), and Parquet export followed by import.
 */
class SkyworkParquetTest {
    @TempDir Path dir;

    /** The schema of the Hub files, exactly as parquet-tools prints it. */
    static final MessageType HUB_SCHEMA =
            MessageTypeParser.parseMessageType(
                    """
                    message schema {
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
                      optional binary source (STRING);
                    }
                    """);

    private static final List<String[]> CHOSEN =
            List.<String[]>of(new String[] {"user", "你好 👋"}, new String[] {"assistant", "hello"});
    private static final List<String[]> REJECTED =
            List.<String[]>of(new String[] {"user", "你好 👋"}, new String[] {"assistant", ""});

    /** Writes rows with parquet-java's example Group API. */
    static Path write(
            Path file, MessageType schema, CompressionCodecName codec, List<Consumer<Group>> rows)
            throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer =
                ExampleParquetWriter.builder(new LocalOutputFile(file))
                        .withType(schema)
                        .withCompressionCodec(codec)
                        // parquet-java's own GZIP needs Hadoop; this one uses java.util.zip.
                        .withCodecFactory(new ParquetCodecs())
                        .build()) {
            for (Consumer<Group> row : rows) {
                Group group = groups.newGroup();
                row.accept(group);
                writer.write(group);
            }
        }
        return file;
    }

    static Consumer<Group> row(List<String[]> chosen, List<String[]> rejected, String source) {
        return group -> {
            addList(group, "chosen", chosen);
            addList(group, "rejected", rejected);
            if (source != null) {
                group.add("source", source);
            }
        };
    }

    static void addList(Group row, String name, List<String[]> messages) {
        if (messages == null) {
            return;
        }
        Group list = row.addGroup(name);
        for (String[] message : messages) {
            Group entry = list.addGroup("list");
            if (message == null) {
                continue;
            }
            Group element = entry.addGroup("element");
            if (message[1] != null) {
                element.add("content", message[1]);
            }
            if (message[0] != null) {
                element.add("role", message[0]);
            }
        }
    }

    private static ImportReport importFile(PreferenceStore store, Path file, String dataset)
            throws Exception {
        return SkyworkImporter.importFile(
                store, file, ImportOptions.intoDataset(dataset), ProgressListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "ZSTD", "GZIP"})
    void importsHubLayoutParquet(CompressionCodecName codec) throws Exception {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(row(CHOSEN, REJECTED, "source-" + (i % 7)));
        }
        Path file = write(dir.resolve("train.parquet"), HUB_SCHEMA, codec, rows);
        assertEquals(SkyworkFileType.PARQUET, SkyworkFileType.detect(file));
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            List<Long> progress = new ArrayList<>();
            ImportReport report =
                    SkyworkImporter.importFile(
                            store,
                            file,
                            ImportOptions.intoDataset("hub"),
                            (done, total, message) -> {
                                assertEquals(3000, total);
                                progress.add(done);
                            });
            assertEquals(3000, report.imported());
            assertEquals(3000L, progress.get(progress.size() - 1));
            List<StoredPair> pairs = store.pairs(PairQuery.all().withLimit(2));
            PreferencePair first = pairs.get(0).pair();
            assertEquals(List.of(new ChatMessage("user", "你好 👋")), first.prompt());
            assertEquals(List.of(new ChatMessage("assistant", "hello")), first.chosen());
            assertEquals(List.of(new ChatMessage("assistant", "")), first.rejected());
            assertEquals("source-0", first.source());
            assertEquals(1, first.position());
            assertEquals(2, pairs.get(1).pair().position());
        }
    }

    /**
     * A file written by pyarrow itself ({@code pa.Table.from_pylist(...)} then {@code
     * pq.write_table}, the way the Hub's datasets are written), produced on the lent GPU machine
     * where pyarrow is installed: two records, unicode, an empty answer, a system prompt.
     */
    @Test
    void importsAFileWrittenByPyarrow() throws Exception {
        Path file = dir.resolve("pyarrow.parquet");
        try (var in = getClass().getResourceAsStream("pyarrow-hub-layout.parquet")) {
            java.nio.file.Files.copy(in, file);
        }
        assertEquals(SkyworkFileType.PARQUET, SkyworkFileType.detect(file));
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            ImportReport report = importFile(store, file, "pyarrow");
            assertEquals(2, report.imported());
            List<StoredPair> pairs = store.pairs(PairQuery.all());
            PreferencePair first = pairs.get(0).pair();
            assertEquals(List.of(new ChatMessage("user", "Hi 👋 ¿qué tal?")), first.prompt());
            assertEquals(List.of(new ChatMessage("assistant", "Bien, 谢谢.")), first.chosen());
            assertEquals(List.of(new ChatMessage("assistant", "")), first.rejected());
            assertEquals("magpie_ultra", first.source());
            PreferencePair second = pairs.get(1).pair();
            assertEquals(
                    List.of(new ChatMessage("system", "sys"), new ChatMessage("user", "2+2?")),
                    second.prompt());
            assertEquals(List.of(new ChatMessage("assistant", "5")), second.rejected());
            assertEquals("offsetbias", second.source());
        }
    }

    @Test
    void reportsBadRowsByRecordAndField() throws Exception {
        List<Consumer<Group>> rows =
                List.of(
                        row(CHOSEN, REJECTED, "ok"),
                        row(null, REJECTED, "no chosen"),
                        row(List.of(), REJECTED, "empty chosen"),
                        row(
                                CHOSEN,
                                java.util.Arrays.asList(new String[] {"user", "q"}, null),
                                "null message"),
                        row(CHOSEN, List.<String[]>of(new String[] {null, "text"}), "null role"),
                        row(
                                List.<String[]>of(new String[] {"user", null}),
                                REJECTED,
                                "null content"),
                        row(CHOSEN, REJECTED, null));
        Path file =
                write(dir.resolve("bad.parquet"), HUB_SCHEMA, CompressionCodecName.SNAPPY, rows);
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            ImportRefusedException refused =
                    assertThrows(ImportRefusedException.class, () -> importFile(store, file, "d"));
            assertEquals(
                    "bad.parquet record 2, field chosen: missing (null)", refused.getMessage());
            assertEquals(0, store.stats().datasets());

            ImportReport report =
                    SkyworkImporter.importFile(
                            store,
                            file,
                            ImportOptions.intoDataset("d").withSkipInvalid(true),
                            ProgressListener.NONE);
            assertEquals(2, report.imported());
            assertEquals(
                    List.of(
                            "bad.parquet record 2, field chosen: missing (null)",
                            "bad.parquet record 3, field chosen: expected a non-empty list of"
                                    + " messages, got an empty list",
                            "bad.parquet record 4, field rejected[1]: missing message (null)",
                            "bad.parquet record 5, field rejected[0].role: missing (null)",
                            "bad.parquet record 6, field chosen[0].content: missing (null)"),
                    report.skipped().stream().map(RecordProblem::toString).toList());
            List<StoredPair> pairs = store.pairs(PairQuery.all());
            assertEquals(List.of(1L, 7L), pairs.stream().map(p -> p.pair().position()).toList());
            assertNull(pairs.get(1).pair().source());
        }
    }

    @Test
    void refusesASchemaThatIsNotSkyworks() throws Exception {
        MessageType numbers =
                MessageTypeParser.parseMessageType(
                        HUB_SCHEMA
                                .toString()
                                .replaceFirst(
                                        "optional binary content \\(STRING\\)",
                                        "optional int32 content"));
        Path file =
                write(
                        dir.resolve("numbers.parquet"),
                        numbers,
                        CompressionCodecName.SNAPPY,
                        List.of(
                                group ->
                                        group.addGroup("chosen")
                                                .addGroup("list")
                                                .addGroup("element")
                                                .add("content", 5)));
        MessageType noRejected =
                MessageTypeParser.parseMessageType(
                        "message m { optional binary chosen (STRING); }");
        Path flat =
                write(
                        dir.resolve("flat.parquet"),
                        noRejected,
                        CompressionCodecName.SNAPPY,
                        List.of(group -> group.add("chosen", "x")));
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            ImportRefusedException e =
                    assertThrows(ImportRefusedException.class, () -> importFile(store, file, "d"));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "numbers.parquet, field chosen.list.element.content: expected a"
                                            + " string column, got optional int32 content"),
                    e.getMessage());
            ImportRefusedException f =
                    assertThrows(ImportRefusedException.class, () -> importFile(store, flat, "d"));
            assertTrue(
                    f.getMessage()
                            .startsWith("flat.parquet, field chosen: expected a list of messages"),
                    f.getMessage());
            assertTrue(f.getMessage().contains(ReadableLayouts.hint()), f.getMessage());
            Path garbage = dir.resolve("garbage.parquet");
            Files.write(
                    garbage,
                    "PAR1 but not really a parquet file"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ImportRefusedException g =
                    assertThrows(
                            ImportRefusedException.class, () -> importFile(store, garbage, "d"));
            assertTrue(
                    g.getMessage().startsWith("garbage.parquet: not a readable Parquet file"),
                    g.getMessage());
            assertEquals(0, store.stats().datasets());
        }
    }

    @Test
    void readsTheOlderTwoLevelListLayoutAndExtraMessageFields() throws Exception {
        MessageType legacy =
                MessageTypeParser.parseMessageType(
                        """
                        message schema {
                          optional group chosen (LIST) {
                            repeated group array {
                              optional binary role (STRING);
                              optional binary name (STRING);
                              optional binary content (STRING);
                            }
                          }
                          required group rejected (LIST) {
                            repeated group array {
                              optional binary role (STRING);
                              optional binary name (STRING);
                              optional binary content (STRING);
                            }
                          }
                          optional int64 id;
                        }
                        """);
        Consumer<Group> row =
                group -> {
                    for (String side : new String[] {"chosen", "rejected"}) {
                        Group list = group.addGroup(side);
                        Group message = list.addGroup("array");
                        message.add("role", "user");
                        message.add("name", "ignored");
                        message.add("content", side + " text");
                    }
                    group.add("id", 42L);
                };
        Path file =
                write(
                        dir.resolve("legacy.parquet"),
                        legacy,
                        CompressionCodecName.SNAPPY,
                        List.of(row));
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            importFile(store, file, "legacy");
            PreferencePair pair = store.pairs(PairQuery.all()).get(0).pair();
            assertEquals(List.of(new ChatMessage("user", "chosen text")), pair.chosen());
            assertEquals(List.of(new ChatMessage("user", "rejected text")), pair.rejected());
            assertNull(pair.source());
        }
    }

    @Test
    void parquetExportWritesTheHubSchemaAndImportsBackTheSameRecords() throws Exception {
        Path input = SkyworkRoundTripTest.writeRecords(dir.resolve("in.jsonl"));
        Path parquet = dir.resolve("curated.parquet");
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            importFile(store, input, "jsonl");
            ExportReport report =
                    SkyworkExporter.export(
                            store, parquet, ExportOptions.defaults(), ProgressListener.NONE);
            assertEquals(SkyworkFileType.PARQUET, report.fileType());
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(parquet))) {
                assertEquals(HUB_SCHEMA, reader.getFooter().getFileMetaData().getSchema());
                assertEquals(SkyworkRoundTripTest.RECORDS.size(), reader.getRecordCount());
            }
            importFile(store, parquet, "parquet");
            List<PreferencePair> fromJsonl =
                    store.pairs(PairQuery.all().withDataset("jsonl")).stream()
                            .map(StoredPair::pair)
                            .toList();
            List<PreferencePair> fromParquet =
                    store.pairs(PairQuery.all().withDataset("parquet")).stream()
                            .map(StoredPair::pair)
                            .toList();
            assertEquals(fromJsonl.size(), fromParquet.size());
            for (int i = 0; i < fromJsonl.size(); i++) {
                PreferencePair expected = fromJsonl.get(i);
                PreferencePair actual = fromParquet.get(i);
                assertEquals(expected.prompt(), actual.prompt());
                assertEquals(expected.chosen(), actual.chosen());
                assertEquals(expected.rejected(), actual.rejected());
                assertEquals(expected.source(), actual.source());
                assertEquals(expected.diverging(), actual.diverging());
                assertEquals(i + 1, actual.position());
            }
            Path back = dir.resolve("back.jsonl");
            SkyworkExporter.export(
                    store,
                    back,
                    ExportOptions.defaults()
                            .withPairs(
                                    io.rewardlens.storage.PairFilter.all()
                                            .withDatasets(java.util.Set.of("parquet"))),
                    ProgressListener.NONE);
            assertEquals(
                    SkyworkRoundTripTest.readRecords(input),
                    SkyworkRoundTripTest.readRecords(back));
        }
    }
}
