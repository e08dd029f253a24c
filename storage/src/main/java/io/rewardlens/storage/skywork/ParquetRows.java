package io.rewardlens.storage.skywork;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * The rows of a Parquet file, assembled by parquet-java's record reader with the caller's
 * materializer from pages streamed one at a time ({@link StreamedRowGroup}), so a row group larger
 * than the heap still reads. Refuses codecs RewardLens cannot decode before reading.
 *
 * @param <T> what one row is assembled into
 */
final class ParquetRows<T> implements Closeable {
    /**
     * What to read of a file's schema and how to assemble it.
     *
     * @param requested the columns to read
     * @param materializer assembles one row
     */
    record Plan<T>(MessageType requested, RecordMaterializer<T> materializer) {}

    private final Path file;
    private final ParquetCodecs codecs = new ParquetCodecs();
    private final ParquetFileReader reader;
    private final MessageColumnIO columnIO;
    private final RecordMaterializer<T> materializer;
    private final long total;
    private int nextGroup;
    private StreamedRowGroup group;
    private RecordReader<T> rows;
    private long leftInGroup;
    private long position;

    /**
     * Opens a file.
     *
     * @param planner decides, from the file's schema, what to read (throws {@link
     *     InvalidRecordException} wrapped in {@link SchemaRefusal} when the schema will not do)
     */
    ParquetRows(Path file, Function<MessageType, Plan<T>> planner)
            throws IOException, ImportRefusedException {
        this.file = file;
        try {
            this.reader =
                    ParquetFileReader.open(
                            new LocalInputFile(file),
                            ParquetReadOptions.builder().withCodecFactory(codecs).build());
        } catch (IOException | RuntimeException e) {
            throw new ImportRefusedException(
                    RecordProblem.ofFile(
                            file, "not a readable Parquet file (" + e.getMessage() + ")"));
        }
        try {
            checkCodecs();
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Plan<T> plan = planner.apply(schema);
            this.columnIO = new ColumnIOFactory().getColumnIO(plan.requested(), schema);
            this.materializer = plan.materializer();
            this.total = reader.getRecordCount();
        } catch (SchemaRefusal e) {
            reader.close();
            throw new ImportRefusedException(
                    new RecordProblem(file, "file", 0, e.problem.field(), e.problem.reason()));
        } catch (ImportRefusedException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Carries a schema problem out of a planner. */
    static final class SchemaRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient InvalidRecordException problem;

        SchemaRefusal(InvalidRecordException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    private void checkCodecs() throws ImportRefusedException {
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
            for (ColumnChunkMetaData column : block.getColumns()) {
                if (!ParquetCodecs.SUPPORTED.contains(column.getCodec())) {
                    throw new ImportRefusedException(
                            RecordProblem.ofFile(
                                    file,
                                    "column %s is compressed with %s, which RewardLens cannot read (it reads %s)"
                                            .formatted(
                                                    column.getPath().toDotString(),
                                                    column.getCodec(),
                                                    ParquetCodecs.SUPPORTED)));
                }
            }
        }
    }

    /**
     * The next row, or null at the end of the file.
     *
     * @throws ImportRefusedException when the data cannot be decoded
     */
    T next() throws ImportRefusedException {
        try {
            while (leftInGroup == 0) {
                closeGroup();
                List<BlockMetaData> groups = reader.getRowGroups();
                if (nextGroup == groups.size()) {
                    return null;
                }
                group = new StreamedRowGroup(file, groups.get(nextGroup++), codecs);
                rows = columnIO.getRecordReader(group, materializer);
                leftInGroup = group.getRowCount();
            }
            position++;
            leftInGroup--;
            return rows.read();
        } catch (ParquetDecodingException | UncheckedIOException e) {
            throw new ImportRefusedException(
                    new RecordProblem(
                            file,
                            "record",
                            position + (leftInGroup == 0 ? 1 : 0),
                            null,
                            "cannot read the Parquet data (" + e.getMessage() + ")"));
        }
    }

    /** The 1-based number of the row {@link #next()} returned last. */
    long position() {
        return position;
    }

    /** The rows in the file. */
    long total() {
        return total;
    }

    private void closeGroup() {
        if (group != null) {
            group.close();
            group = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeGroup();
        } finally {
            reader.close(); // also releases the codecs
        }
    }
}
