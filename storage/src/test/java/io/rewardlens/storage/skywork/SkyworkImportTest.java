package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.DatasetExistsException;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.StoreStats;
import io.rewardlens.storage.StoredPair;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkyworkImportTest {
    @TempDir Path dir;
    private PreferenceStore store;

    static final String GOOD =
            "{\"chosen\": [{\"role\": \"user\", \"content\": \"2+2?\"}, {\"role\": \"assistant\","
                    + " \"content\": \"4\"}], \"rejected\": [{\"role\": \"user\", \"content\":"
                    + " \"2+2?\"}, {\"role\": \"assistant\", \"content\": \"5\"}], \"source\":"
                    + " \"math\"}";

    @BeforeEach
    void openStore() {
        store = PreferenceStore.open(dir.resolve("store.db"));
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        store.close();
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private Path file(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private ImportReport importFile(Path file) throws Exception {
        return SkyworkImporter.importFile(
                store, file, ImportOptions.intoDataset("d"), ProgressListener.NONE);
    }

    private ImportReport importSkippingInvalid(Path file) throws Exception {
        return SkyworkImporter.importFile(
                store,
                file,
                ImportOptions.intoDataset("d").withSkipInvalid(true),
                ProgressListener.NONE);
    }

    private RecordProblem refused(Path file) {
        ImportRefusedException e =
                assertThrows(ImportRefusedException.class, () -> importFile(file));
        StoreStats stats = store.stats();
        assertEquals(0, stats.datasets(), "a refused import leaves the store unchanged");
        assertEquals(0, stats.pairs());
        assertEquals(e.problem().toString(), e.getMessage());
        return e.problem();
    }

    @Test
    void importsRecordsSplittingThePrompt() throws Exception {
        Path file = file("data.jsonl", GOOD + "\n" + GOOD.replace("math", "other") + "\n");
        List<ProgressCall> calls = new ArrayList<>();
        ImportReport report =
                SkyworkImporter.importFile(
                        store,
                        file,
                        ImportOptions.intoDataset("d"),
                        (done, total, message) -> calls.add(new ProgressCall(done, total)));
        assertEquals(2, report.imported());
        assertEquals(SkyworkFileType.JSONL, report.fileType());
        List<StoredPair> pairs = store.pairs(PairQuery.all());
        PreferencePair first = pairs.get(0).pair();
        assertEquals(List.of(new ChatMessage("user", "2+2?")), first.prompt());
        assertEquals(List.of(new ChatMessage("assistant", "4")), first.chosen());
        assertEquals(List.of(new ChatMessage("assistant", "5")), first.rejected());
        assertEquals("math", first.source());
        assertEquals(1, first.position());
        assertEquals(2, pairs.get(1).pair().position());
        long size = Files.size(file);
        assertEquals(new ProgressCall(size, size), calls.get(calls.size() - 1));
        assertTrue(calls.stream().allMatch(c -> c.total() == size));
    }

    record ProgressCall(long done, long total) {}

    @Test
    void severalFilesFillOneDatasetWithPositionsContinuingFromFileToFile() throws Exception {
        Path first = file("a.jsonl", GOOD + "\n\n" + GOOD.replace("math", "a2") + "\n");
        Path second = file("b.jsonl", GOOD.replace("math", "b1") + "\n");
        List<ImportReport> reports =
                SkyworkImporter.importFiles(
                        store,
                        List.of(first, second),
                        ImportOptions.intoDataset("d"),
                        ProgressListener.NONE);
        assertEquals(List.of(2L, 1L), reports.stream().map(ImportReport::imported).toList());
        assertEquals(List.of(first, second), reports.stream().map(ImportReport::file).toList());
        List<StoredPair> pairs = store.pairs(PairQuery.all());
        assertEquals(
                List.of("math", "a2", "b1"), pairs.stream().map(p -> p.pair().source()).toList());
        // Line 3 of the first file is its last record; the second file's first line follows it.
        assertEquals(List.of(1L, 3L, 4L), pairs.stream().map(p -> p.pair().position()).toList());
        assertEquals(1, store.stats().datasets());

        Path broken = file("c.jsonl", GOOD.replace("\"source\": \"math\"", "\"source\": 3"));
        ImportRefusedException e =
                assertThrows(
                        ImportRefusedException.class,
                        () ->
                                SkyworkImporter.importFiles(
                                        store,
                                        List.of(second, broken),
                                        ImportOptions.intoDataset("e"),
                                        ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("c.jsonl line 1, field source"), e.getMessage());
        assertEquals(1, store.stats().datasets(), "nothing of a refused set of files is stored");
        assertEquals(3, store.stats().pairs());
    }

    @Test
    void keepsExtraFieldsAsMetadataAndExtraMessageFieldsInTheMessage() throws Exception {
        importFile(
                file(
                        "data.jsonl",
                        "{\"id\": 7, \"chosen\": [{\"role\": \"user\", \"content\": \"a\","
                            + " \"name\": \"x\"}], \"rejected\": [{\"content\": \"b\", \"role\":"
                            + " \"user\"}], \"scores\": {\"chosen\": 1.5}, \"source\": null}"));
        PreferencePair pair = store.pairs(PairQuery.all()).get(0).pair();
        assertEquals("{\"id\":7,\"scores\":{\"chosen\":1.5}}", pair.metadataJson());
        assertNull(pair.source());
        assertEquals(
                List.of(
                        new ChatMessage(
                                "user",
                                "a",
                                "{\"role\": \"user\", \"content\": \"a\", \"name\": \"x\"}")),
                pair.chosen());
        assertEquals(List.of(new ChatMessage("user", "b")), pair.rejected());
    }

    @Test
    void readsMessagesWhateverTheWhitespaceAndFieldOrder() throws Exception {
        String line =
                "{ \"chosen\" :[ {\"content\"  :  \"a \\\" b\" ,\t\"role\":\"user\" "
                        + " } ,{\"role\"\r"
                        + ":\"assistant\",\"content\":\"\\u00e9\\n"
                        + "\"}],\"rejected\":[{\"role\":\"user\",\"content\":\"a \\\""
                        + " b\"},{\"content\":\"\",\"role\":\"assistant\"}] }";
        importFile(file("spaces.jsonl", line));
        PreferencePair pair = store.pairs(PairQuery.all()).get(0).pair();
        assertEquals(List.of(new ChatMessage("user", "a \" b")), pair.prompt());
        assertEquals(List.of(new ChatMessage("assistant", "é\n")), pair.chosen());
        assertEquals(List.of(new ChatMessage("assistant", "")), pair.rejected());
    }

    @Test
    void acceptsABomCrlfAndBlankLines() throws Exception {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        String body = GOOD + "\r\n\r\n   \r\n" + GOOD + "\r\n\n";
        byte[] content = new byte[bom.length + body.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, content, 3, content.length - 3);
        ImportReport report = importFile(file("crlf.jsonl", content));
        assertEquals(2, report.imported());
        assertEquals(3, report.blankLines());
        assertEquals(
                List.of(1L, 4L),
                store.pairs(PairQuery.all()).stream().map(p -> p.pair().position()).toList());
    }

    @Test
    void acceptsAByteOrderMarkInsideTheFileFromConcatenatedFiles() throws Exception {
        importFile(file("cat.jsonl", GOOD + "\n\ufeff" + GOOD.replace("4", "four") + "\n"));
        List<StoredPair> pairs = store.pairs(PairQuery.all());
        assertEquals(List.of(new ChatMessage("assistant", "four")), pairs.get(1).pair().chosen());
        assertEquals(List.of(new ChatMessage("user", "2+2?")), pairs.get(1).pair().prompt());
    }

    @Test
    void importsTheLastLineWithoutANewline() throws Exception {
        assertEquals(2, importFile(file("data.jsonl", GOOD + "\n" + GOOD)).imported());
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        RecordProblem problem = refused(file("empty.jsonl", ""));
        assertEquals("empty.jsonl: the file holds no records", problem.toString());
        assertEquals(
                "blank.jsonl: the file holds no records",
                refused(file("blank.jsonl", "\n  \n\r\n")).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "wrong type of content | {\"chosen\": [{\"role\": \"user\", \"content\": \"a\"},"
                    + " {\"role\": \"assistant\", \"content\": 5}], \"rejected\": [{\"role\":"
                    + " \"user\", \"content\": \"a\"}]} | data.jsonl line 2, field"
                    + " chosen[1].content: expected a string, null or a list of content parts, got"
                    + " number",
                "wrong type of role | {\"chosen\": [{\"role\": null, \"content\": \"a\"}],"
                    + " \"rejected\": [{\"role\": \"user\", \"content\": \"a\"}]} | data.jsonl line"
                    + " 2, field chosen[0].role: expected a string, got null",
                "missing content | {\"chosen\": [{\"role\": \"user\", \"content\": \"a\"}],"
                        + " \"rejected\": [{\"role\": \"user\"}]} | data.jsonl line 2, field"
                        + " rejected[0].content: missing",
                "missing rejected | {\"chosen\": [{\"role\": \"user\", \"content\": \"a\"}],"
                        + " \"source\": \"s\"} | data.jsonl line 2, field rejected: missing"
                        + "LAYOUTS",
                "empty list | {\"chosen\": [], \"rejected\": [{\"role\": \"user\", \"content\":"
                    + " \"a\"}]} | data.jsonl line 2, field chosen: expected a non-empty list of"
                    + " messages, got an empty list",
                "list of strings | {\"chosen\": [\"hi\"], \"rejected\": [{\"role\": \"user\","
                        + " \"content\": \"a\"}]} | data.jsonl line 2, field chosen[0]: expected a"
                        + " message object, got a string",
                "not a list | {\"chosen\": {\"role\": \"user\"}, \"rejected\": []} | data.jsonl"
                        + " line 2, field chosen: expected a list of messages, got an object"
                        + "LAYOUTS",
                "wrong type of source | {\"chosen\": [{\"role\": \"user\", \"content\": \"a\"}],"
                    + " \"rejected\": [{\"role\": \"user\", \"content\": \"a\"}], \"source\": 3} |"
                    + " data.jsonl line 2, field source: expected a string, got number",
                "not an object | [1, 2] | data.jsonl line 2: expected a JSON object, got a list",
                "truncated | {\"chosen\": [{\"role\": \"user\", \"content\": \"a\"}], \"rejected\":"
                        + " [{\"role\": \"user\", \"content\": \"abc | data.jsonl line 2, field"
                        + " rejected[0].content: the record ends before it is complete (truncated"
                        + " line?)",
                "trailing data | {\"chosen\": [{\"role\": \"user\", \"content\": \"a\"}],"
                    + " \"rejected\": [{\"role\": \"user\", \"content\": \"a\"}]} {} | data.jsonl"
                    + " line 2: unexpected data after the end of the record's object",
                "duplicate field | {\"chosen\": [{\"role\": \"user\", \"content\": \"a\"}],"
                    + " \"chosen\": [{\"role\": \"user\", \"content\": \"a\"}], \"rejected\": []} |"
                    + " data.jsonl line 2, field chosen: appears twice in the record",
            })
    void refusesBadRecordsNamingLineAndField(String name, String badLine, String expected)
            throws Exception {
        RecordProblem problem =
                refused(file("data.jsonl", GOOD + "\n" + badLine + "\n" + GOOD + "\n"));
        assertEquals(expected.replace("LAYOUTS", ReadableLayouts.hint()), problem.toString());
        assertEquals(2, problem.number());
    }

    @Test
    void refusesBrokenJsonWithTheColumn() throws Exception {
        RecordProblem problem =
                refused(
                        file(
                                "data.jsonl",
                                GOOD + "\n{\"chosen\": [{\"role\": \"user\", \"content\": x}]}\n"));
        assertEquals("chosen[0].content", problem.field());
        assertTrue(
                problem.reason().startsWith("invalid JSON at column 41: Unrecognized token 'x'"),
                problem.reason());
    }

    @Test
    void refusesInvalidUtf8() throws Exception {
        byte[] good = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad =
                "{\"chosen\": [{\"role\": \"user\", \"content\": \"caf\u00e9\"}], \"rejected\": [{\"role\": \"user\", \"content\": \"a\"}]}\n"
                        .getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = new byte[good.length + bad.length];
        System.arraycopy(good, 0, content, 0, good.length);
        System.arraycopy(bad, 0, content, good.length, bad.length);
        RecordProblem problem = refused(file("latin1.jsonl", content));
        assertEquals(2, problem.number());
        assertEquals("chosen[0].content", problem.field());
        assertTrue(problem.reason().startsWith("invalid UTF-8"), problem.reason());
    }

    @Test
    void skipInvalidImportsTheRestAndReportsEverySkippedLine() throws Exception {
        String bad1 = "{\"chosen\": [{\"role\": \"user\", \"content\": 1}], \"rejected\": []}";
        String bad2 = "{\"chosen\": [";
        Path file =
                file("mixed.jsonl", GOOD + "\n" + bad1 + "\n" + GOOD + "\n\n" + bad2 + "\n" + GOOD);
        ImportReport report = importSkippingInvalid(file);
        assertEquals(3, report.imported());
        assertEquals(
                List.of(
                        "mixed.jsonl line 2, field chosen[0].content: expected a string, null or"
                                + " a list of content parts, got number",
                        "mixed.jsonl line 5, field chosen: the record ends before it is complete"
                                + " (truncated line?)"),
                report.skipped().stream().map(RecordProblem::toString).toList());
        assertEquals(
                List.of(1L, 3L, 6L),
                store.pairs(PairQuery.all()).stream().map(p -> p.pair().position()).toList());
    }

    @Test
    void skipInvalidStillRefusesAFileWithoutOneValidRecord() throws Exception {
        Path file = file("bad.jsonl", "nope\n[]\n");
        ImportRefusedException e =
                assertThrows(ImportRefusedException.class, () -> importSkippingInvalid(file));
        assertTrue(
                e.getMessage().startsWith("bad.jsonl: none of its 2 records is valid"),
                e.getMessage());
        assertEquals(0, store.stats().datasets());
    }

    @Test
    void keepsUnknownRolesAndEmptyStrings() throws Exception {
        importFile(
                file(
                        "roles.jsonl",
                        "{\"chosen\": [{\"role\": \"tool\", \"content\": \"\"}, {\"role\": \"\","
                            + " \"content\": \"x\"}], \"rejected\": [{\"role\": \"tool\","
                            + " \"content\": \"\"}, {\"role\": \"critic\", \"content\": \"\"}]}"));
        PreferencePair pair = store.pairs(PairQuery.all()).get(0).pair();
        assertEquals(List.of(new ChatMessage("tool", "")), pair.prompt());
        assertEquals(List.of(new ChatMessage("", "x")), pair.chosen());
        assertEquals(List.of(new ChatMessage("critic", "")), pair.rejected());
    }

    @Test
    void importsGzippedJsonlDetectedByItsMagicBytes() throws Exception {
        Path file = dir.resolve("data.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((GOOD + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(SkyworkFileType.JSONL_GZIP, SkyworkFileType.detect(file));
        ImportReport report = importFile(file);
        assertEquals(2, report.imported());
        assertEquals(SkyworkFileType.JSONL_GZIP, report.fileType());
    }

    @Test
    void refusesATruncatedGzipFile() throws Exception {
        Path whole = dir.resolve("whole.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            for (int i = 0; i < 2000; i++) {
                out.write((GOOD.replace("math", "m" + i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = file("cut.jsonl.gz", java.util.Arrays.copyOf(bytes, bytes.length / 2));
        RecordProblem problem = refused(cut);
        assertTrue(
                problem.reason().contains("gzip data is damaged or cut short"), problem.toString());
    }

    @Test
    void importsAHundredMegabyteLine() throws Exception {
        int size = 100 * 1024 * 1024;
        StringBuilder content = new StringBuilder(size);
        while (content.length() < size) {
            content.append("long text with a newline\n and a quote \" and 你好 ");
        }
        String text = content.toString();
        Path file = dir.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(GOOD.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.write(
                    "{\"chosen\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \""
                            .getBytes(StandardCharsets.UTF_8));
            out.write(
                    text.replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n")
                            .getBytes(StandardCharsets.UTF_8));
            out.write(
                    "\"}], \"rejected\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"short\"}]}\n"
                            .getBytes(StandardCharsets.UTF_8));
            out.write(GOOD.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(file) > size);
        assertEquals(3, importFile(file).imported());
        StoredPair huge = store.pairs(PairQuery.all()).get(1);
        assertEquals(text, huge.pair().chosen().get(0).content());
        assertEquals(2, huge.pair().position());
    }

    @Test
    void refusesAHundredMegabyteLineThatIsCutShort() throws Exception {
        Path file = dir.resolve("huge-cut.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(
                    "{\"chosen\": [{\"role\": \"user\", \"content\": \""
                            .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "abcdefghij".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 105; i++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        RecordProblem problem = refused(file);
        assertEquals(
                "huge-cut.jsonl line 1, field chosen[0].content: the record ends before it is"
                        + " complete (truncated line?)",
                problem.toString());
    }

    @Test
    void refusesATakenDatasetNameWithoutReadingTheFile() throws Exception {
        importFile(file("a.jsonl", GOOD));
        Path second = file("b.jsonl", GOOD + "\n" + GOOD);
        assertThrows(DatasetExistsException.class, () -> importFile(second));
        assertEquals(1, store.stats().pairs());
    }

    @Test
    void refusesAMissingFile() {
        ImportRefusedException e =
                assertThrows(
                        ImportRefusedException.class, () -> importFile(dir.resolve("nope.jsonl")));
        assertEquals("nope.jsonl: no such file", e.getMessage());
    }

    @Test
    void datasetNamesComeFromFileNames() {
        assertEquals(
                "train-00000-of-00001",
                ImportOptions.datasetNameFor(Path.of("x/train-00000-of-00001.parquet")));
        assertEquals("pairs", ImportOptions.datasetNameFor(Path.of("pairs.jsonl.gz")));
        assertEquals("pairs.v2", ImportOptions.datasetNameFor(Path.of("pairs.v2.jsonl")));
    }
}
