package io.rewardlens.storage.skywork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.StoredPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet import reads pages, not whole row groups: a file written as one row group larger than the
 * importing JVM's heap imports in full, and version 2 data pages read like version 1 pages.
 */
class ParquetPageStreamingTest {
    private static final int CHILD_HEAP_MIB = 64;

    @TempDir Path dir;

    /** The answers of row {@code row}, the same each time for the same row. */
    private static String[] answers(int row, int length) {
        Random random = new Random(row);
        String[] both = new String[2];
        for (int side = 0; side < 2; side++) {
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                text.append((char) ('a' + random.nextInt(26)));
                if (random.nextInt(7) == 0) {
                    text.append(random.nextInt(40) == 0 ? "é " : " ");
                }
            }
            both[side] = text.toString();
        }
        return both;
    }

    private static Path write(
            Path file,
            int rows,
            int answerLength,
            CompressionCodecName codec,
            WriterVersion version)
            throws Exception {
        SimpleGroupFactory groups = new SimpleGroupFactory(SkyworkParquetTest.HUB_SCHEMA);
        try (ParquetWriter<Group> writer =
                ExampleParquetWriter.builder(new LocalOutputFile(file))
                        .withType(SkyworkParquetTest.HUB_SCHEMA)
                        .withCompressionCodec(codec)
                        .withCodecFactory(new ParquetCodecs())
                        .withWriterVersion(version)
                        .withRowGroupSize(Long.MAX_VALUE) // one row group, however large
                        .build()) {
            for (int i = 0; i < rows; i++) {
                String[] answers = answers(i, answerLength);
                String question = "question " + i;
                Group row = groups.newGroup();
                SkyworkParquetTest.addList(
                        row,
                        "chosen",
                        List.of(
                                new String[] {"user", question},
                                new String[] {"assistant", answers[0]}));
                SkyworkParquetTest.addList(
                        row,
                        "rejected",
                        List.of(
                                new String[] {"user", question},
                                new String[] {"assistant", answers[1]}));
                row.add("source", "source-" + (i % 5));
                writer.write(row);
            }
        }
        return file;
    }

    private static void assertPairIsRow(PreferencePair pair, int row, int answerLength) {
        String[] answers = answers(row, answerLength);
        assertEquals(List.of(new ChatMessage("user", "question " + row)), pair.prompt());
        assertEquals(List.of(new ChatMessage("assistant", answers[0])), pair.chosen());
        assertEquals(List.of(new ChatMessage("assistant", answers[1])), pair.rejected());
        assertEquals("source-" + (row % 5), pair.source());
        assertEquals(row + 1, pair.position());
    }

    @Test
    void importsOneRowGroupLargerThanTheHeapOfTheImportingJvm() throws Exception {
        int rows = 2500;
        int answerLength = 24_000;
        Path file =
                write(
                        dir.resolve("one-group.parquet"),
                        rows,
                        answerLength,
                        CompressionCodecName.SNAPPY,
                        WriterVersion.PARQUET_1_0);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertEquals(1, reader.getRowGroups().size());
        }
        long fileMiB = Files.size(file) / (1024 * 1024);
        assertTrue(fileMiB > 1.5 * CHILD_HEAP_MIB, "file is only " + fileMiB + " MiB");

        Path db = dir.resolve("s.db");
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx" + CHILD_HEAP_MIB + "m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                                ImportMain.class.getName(),
                                db.toString(),
                                file.toString(),
                                "big")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("imported=" + rows), output);

        try (PreferenceStore store = PreferenceStore.open(db)) {
            List<StoredPair> pairs = store.pairs(PairQuery.all());
            assertEquals(rows, pairs.size());
            for (int row : new int[] {0, rows / 2, rows - 1}) {
                assertPairIsRow(pairs.get(row).pair(), row, answerLength);
            }
        }
    }

    @Test
    void readsVersion2DataPagesWithDictionaries() throws Exception {
        int rows = 3000;
        int answerLength = 300;
        Path file =
                write(
                        dir.resolve("v2.parquet"),
                        rows,
                        answerLength,
                        CompressionCodecName.ZSTD,
                        WriterVersion.PARQUET_2_0);
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            ImportReport report =
                    SkyworkImporter.importFile(
                            store, file, ImportOptions.intoDataset("v2"), ProgressListener.NONE);
            assertEquals(rows, report.imported());
            List<StoredPair> pairs = store.pairs(PairQuery.all());
            for (int row = 0; row < rows; row++) {
                assertPairIsRow(pairs.get(row).pair(), row, answerLength);
            }
        }
    }
}
