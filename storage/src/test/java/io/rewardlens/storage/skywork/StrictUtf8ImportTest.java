package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes Jackson lets through but a store must never hold are refused at import, naming the file,
 * line, field and byte: malformed UTF-8 in all its forms and the JSON escapes that cannot become
 * text (a lone surrogate, NUL). Well-formed four-byte characters and surrogate pairs still import,
 * and read back as they were written.
 */
class StrictUtf8ImportTest {
    @TempDir Path dir;

    private static final String HEAD =
            "{\"chosen\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\","
                    + " \"content\": \"";
    private static final String TAIL =
            "\"}], \"rejected\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\":"
                    + " \"assistant\", \"content\": \"no\"}], \"source\": \"s\"}\n";

    /** A file whose second line holds {@code bytes} inside the chosen answer, after "ok ". */
    private Path fileWith(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((HEAD + "fine" + TAIL).getBytes(StandardCharsets.UTF_8));
        out.write((HEAD + "ok ").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write(TAIL.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("data.jsonl");
        Files.write(file, out.toByteArray());
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "c0af | an overlong encoding (c0 af)",
                "e080af | an overlong encoding (e0 80)",
                "f08082af | an overlong encoding (f0 80)",
                "eda080 | an encoded surrogate (ed a0), which UTF-8 does not allow",
                "edbfbf | an encoded surrogate (ed bf), which UTF-8 does not allow",
                "f4908080 | a code point above U+10FFFF (f4 90)",
                "f5808080 | a code point above U+10FFFF (f5 80)",
                "80 | a continuation byte without a start (80)",
                "e282 | an incomplete sequence (e2 82)",
                "00 | a NUL byte",
            })
    void malformedUtf8IsRefusedWithLineFieldAndByte(String hex, String what) throws Exception {
        Path file = fileWith(HexFormat.of().parseHex(hex));
        int at = (HEAD + "ok ").getBytes(StandardCharsets.UTF_8).length + 1;
        assertRefused(
                file,
                "data.jsonl line 2, field chosen[1].content: invalid UTF-8 at byte "
                        + at
                        + " of the line: "
                        + what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\\ud800 | the escape \\ud800, a lone surrogate, which is not a character and"
                        + " cannot be written as UTF-8",
                "\\udc00x | the escape \\udc00, a lone surrogate, which is not a character and"
                        + " cannot be written as UTF-8",
                "\\ud83d\\u0041 | the escape \\ud83d, a lone surrogate, which is not a character"
                        + " and cannot be written as UTF-8",
                "\\u0000 | the escape \\u0000 (NUL), which the store cannot keep as text",
            })
    void escapesThatCannotBeTextAreRefused(String escape, String what) throws Exception {
        Path file = fileWith(escape.getBytes(StandardCharsets.US_ASCII));
        int at = (HEAD + "ok ").getBytes(StandardCharsets.UTF_8).length + 1;
        assertRefused(
                file,
                "data.jsonl line 2, field chosen[1].content: invalid UTF-8 at byte "
                        + at
                        + " of the line: "
                        + what);
    }

    @Test
    void wellFormedTextAndSurrogatePairsImportAndReadBack() throws Exception {
        String cat = "\uD83D\uDC31";
        Path file =
                fileWith(
                        (cat + " caf\u00e9 \u732B \\ud83d\\ude00 \\\\ud800 \\u00e9")
                                .getBytes(StandardCharsets.UTF_8));
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            SkyworkImporter.importFile(
                    store, file, ImportOptions.intoDataset("d"), ProgressListener.NONE);
            String content = store.pairs(PairQuery.all()).get(1).pair().chosen().get(0).content();
            assertEquals("ok " + cat + " caf\u00e9 \u732B \uD83D\uDE00 \\ud800 \u00e9", content);
        }
    }

    private void assertRefused(Path file, String message) {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            ImportRefusedException e =
                    assertThrows(
                            ImportRefusedException.class,
                            () ->
                                    SkyworkImporter.importFile(
                                            store,
                                            file,
                                            ImportOptions.intoDataset("d"),
                                            ProgressListener.NONE));
            assertEquals(message, e.getMessage());
            assertEquals(0, store.stats().pairs(), "a refused import leaves the store unchanged");
        }
    }
}
