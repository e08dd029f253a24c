package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ChatMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes Skywork records as Parquet with exactly the Hub's schema ({@link
 * SkyworkParquetSchema#HUB}), Snappy-compressed like pyarrow's default. parquet-floor's own writer
 * only writes flat rows, so this drives parquet-java's record consumer directly.
 */
final class ParquetRecordWriter implements RecordWriter {
    private final ParquetWriter<SkyworkRecord> writer;

    ParquetRecordWriter(Path file) throws IOException {
        this.writer =
                new Builder(new LocalOutputFile(file))
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withCodecFactory(new ParquetCodecs())
                        .build();
    }

    @Override
    public void write(SkyworkRecord record) throws IOException {
        writer.write(record);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<SkyworkRecord, Builder> {
        Builder(LocalOutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<SkyworkRecord> getWriteSupport(ParquetConfiguration conf) {
            return new HubWriteSupport();
        }

        /** Required by the abstract builder; the Hadoop-free variant above is the one used. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<SkyworkRecord> getWriteSupport(Configuration conf) {
            return new HubWriteSupport();
        }
    }

    /** Emits one record as the nested chosen/rejected LIST groups and the source string. */
    private static final class HubWriteSupport extends WriteSupport<SkyworkRecord> {
        private RecordConsumer consumer;

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SkyworkParquetSchema.HUB, Map.of());
        }

        /** Required by the abstract class; the Hadoop-free variant above is the one used. */
        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SkyworkParquetSchema.HUB, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(SkyworkRecord record) {
            consumer.startMessage();
            writeList("chosen", 0, record.chosen());
            writeList("rejected", 1, record.rejected());
            if (record.source() != null) {
                consumer.startField("source", 2);
                consumer.addBinary(Binary.fromString(record.source()));
                consumer.endField("source", 2);
            }
            consumer.endMessage();
        }

        private void writeList(String name, int index, List<ChatMessage> messages) {
            consumer.startField(name, index);
            consumer.startGroup();
            if (!messages.isEmpty()) {
                consumer.startField("list", 0);
                for (ChatMessage message : messages) {
                    consumer.startGroup();
                    consumer.startField("element", 0);
                    consumer.startGroup();
                    consumer.startField("content", 0);
                    consumer.addBinary(Binary.fromString(message.content()));
                    consumer.endField("content", 0);
                    consumer.startField("role", 1);
                    consumer.addBinary(Binary.fromString(message.role()));
                    consumer.endField("role", 1);
                    consumer.endGroup();
                    consumer.endField("element", 0);
                    consumer.endGroup();
                }
                consumer.endField("list", 0);
            }
            consumer.endGroup();
            consumer.endField(name, index);
        }
    }
}
