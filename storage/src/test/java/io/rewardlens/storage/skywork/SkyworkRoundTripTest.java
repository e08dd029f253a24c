package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import followed by export of an unannotated dataset gives back every record. */
class SkyworkRoundTripTest {
    @TempDir Path dir;

    /** Hand-written records covering what real Skywork files hold. */
    static final List<String> RECORDS =
            List.of(
                    // Single turn.
                    """
                    {"chosen": [{"role": "user", "content": "What is 2+2?"}, {"role": "assistant", "content": "4"}], "rejected": [{"role": "user", "content": "What is 2+2?"}, {"role": "assistant", "content": "5"}], "source": "math"}\
                    """,
                    // System prompt, emoji, CJK, RTL, escapes and control characters.
                    """
                    {"chosen": [{"role": "system", "content": "Réponds en français 🇫🇷"}, {"role": "user", "content": "你好，世界 👋🏽 — مرحبا بالعالم ‏(RTL)"}, {"role": "assistant", "content": "Line 1\\nLine 2\\t\\"quoted\\" \\\\ back\\u0001slash 🧑‍💻"}], "rejected": [{"role": "system", "content": "Réponds en français 🇫🇷"}, {"role": "user", "content": "你好，世界 👋🏽 — مرحبا بالعالم ‏(RTL)"}, {"role": "assistant", "content": "שלום"}], "source": "multilingual"}\
                    """,
                    // Empty strings everywhere they may be.
                    """
                    {"chosen": [{"role": "user", "content": ""}, {"role": "assistant", "content": ""}], "rejected": [{"role": "user", "content": ""}, {"role": "assistant", "content": "not empty"}], "source": ""}\
                    """,
                    // Multi-turn with a shared history.
                    """
                    {"chosen": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}], "rejected": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "e"}], "source": "chat"}\
                    """,
                    // Conversations diverging before the last turn, and of different lengths.
                    """
                    {"chosen": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "good"}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}], "rejected": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "bad"}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "e"}], "source": "chat"}\
                    """,
                    """
                    {"chosen": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}], "rejected": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "x"}, {"role": "user", "content": "more"}, {"role": "assistant", "content": "y"}], "source": "chat"}\
                    """,
                    // Unknown roles and a record without a source.
                    """
                    {"chosen": [{"role": "tool", "content": "{\\"x\\": 1}"}, {"role": "assistant", "content": "ok"}], "rejected": [{"role": "tool", "content": "{\\"x\\": 1}"}, {"role": "critic", "content": "no"}]}\
                    """,
                    // A completion with no prompt at all.
                    """
                    {"chosen": [{"role": "assistant", "content": "alone"}], "rejected": [{"role": "assistant", "content": "also alone"}], "source": "s"}\
                    """);

    static Path writeRecords(Path file) throws IOException {
        Files.writeString(file, String.join("\n", RECORDS) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static List<JsonNode> readRecords(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in =
                file.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(file))
                        : Files.newInputStream(file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(line -> parse(mapper, line)).toList();
        }
    }

    private static JsonNode parse(ObjectMapper mapper, String line) {
        try {
            return mapper.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void jsonlImportThenExportReproducesEveryRecord() throws Exception {
        Path input = writeRecords(dir.resolve("in.jsonl"));
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            ImportReport imported =
                    SkyworkImporter.importFile(
                            store, input, ImportOptions.intoDataset("d"), ProgressListener.NONE);
            assertEquals(RECORDS.size(), imported.imported());
            assertEquals(2, imported.diverging());
            assertEquals(
                    2,
                    store.pairs(PairQuery.all()).stream()
                            .filter(p -> p.pair().diverging())
                            .count());

            Path output = dir.resolve("out.jsonl");
            ExportReport exported =
                    SkyworkExporter.export(
                            store, output, ExportOptions.defaults(), ProgressListener.NONE);
            assertEquals(RECORDS.size(), exported.exported());
            assertEquals(readRecords(input), readRecords(output));

            // Compact, keys in Skywork order, UTF-8 without \\u escapes for non-ASCII text.
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            assertEquals(
                    "{\"chosen\":[{\"role\":\"user\",\"content\":\"What is"
                        + " 2+2?\"},{\"role\":\"assistant\",\"content\":\"4\"}],\"rejected\":[{\"role\":\"user\",\"content\":\"What"
                        + " is 2+2?\"},{\"role\":\"assistant\",\"content\":\"5\"}],"
                        + "\"source\":\"math\"}",
                    lines.get(0));
            assertTrue(lines.get(1).contains("你好，世界 👋🏽 — مرحبا بالعالم"), lines.get(1));
            assertTrue(lines.get(1).contains("\\\"quoted\\\" \\\\ back\\u0001slash"), lines.get(1));

            Path gzipped = dir.resolve("out.jsonl.gz");
            ExportReport compressed =
                    SkyworkExporter.export(
                            store, gzipped, ExportOptions.defaults(), ProgressListener.NONE);
            assertEquals(SkyworkFileType.JSONL_GZIP, compressed.fileType());
            assertEquals(readRecords(input), readRecords(gzipped));
        }
    }

    @Test
    void aRoundTripOfTheExportIsStable() throws Exception {
        Path input = writeRecords(dir.resolve("in.jsonl"));
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            SkyworkImporter.importFile(
                    store, input, ImportOptions.intoDataset("a"), ProgressListener.NONE);
            SkyworkExporter.export(store, first, ExportOptions.defaults(), ProgressListener.NONE);
            SkyworkImporter.importFile(
                    store, first, ImportOptions.intoDataset("b"), ProgressListener.NONE);
            SkyworkExporter.export(
                    store,
                    second,
                    ExportOptions.defaults()
                            .withPairs(
                                    io.rewardlens.storage.PairFilter.all()
                                            .withDatasets(java.util.Set.of("b"))),
                    ProgressListener.NONE);
        }
        assertEquals(Files.readString(first), Files.readString(second));
    }
}
