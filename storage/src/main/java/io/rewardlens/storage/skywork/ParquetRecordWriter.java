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
import org.apache.parquet.schema.MessageType;

/**
 * Writes exported pairs as Parquet in an {@link ExportLayout}, Snappy-compressed like pyarrow's
 * default: Skywork with exactly the Hub's schema ({@link SkyworkParquetSchema#HUB}), the other
 * layouts with the schemas of {@link ExportParquetSchemas}. Messages are role/content structs (a
 * message's other fields have no column, as in the Hub's files). parquet-floor's own writer only
 * writes flat rows, so this drives parquet-java's record consumer directly.
 */
final class ParquetRecordWriter implements RecordWriter {
    private final ParquetWriter<ExportedPair> writer;

    ParquetRecordWriter(Path file, ExportLayout layout) throws IOException {
        this.writer =
                new Builder(new LocalOutputFile(file), layout)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withCodecFactory(new ParquetCodecs())
                        .build();
    }

    @Override
    public void write(ExportedPair record) throws IOException {
        writer.write(record);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<ExportedPair, Builder> {
        private final ExportLayout layout;

        Builder(LocalOutputFile file, ExportLayout layout) {
            super(file);
            this.layout = layout;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ExportedPair> getWriteSupport(ParquetConfiguration conf) {
            return new LayoutWriteSupport(layout);
        }

        /** Required by the abstract builder; the Hadoop-free variant above is the one used. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<ExportedPair> getWriteSupport(Configuration conf) {
            return new LayoutWriteSupport(layout);
        }
    }

    /** Emits one pair as the layout's message lists and strings. */
    private static final class LayoutWriteSupport extends WriteSupport<ExportedPair> {
        private final ExportLayout layout;
        private RecordConsumer consumer;

        LayoutWriteSupport(ExportLayout layout) {
            this.layout = layout;
        }

        private MessageType schema() {
            return layout == ExportLayout.SKYWORK
                    ? SkyworkParquetSchema.HUB
                    : ExportParquetSchemas.of(layout);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema(), Map.of());
        }

        /** Required by the abstract class; the Hadoop-free variant above is the one used. */
        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema(), Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(ExportedPair record) {
            consumer.startMessage();
            switch (layout) {
                case SKYWORK -> {
                    writeList("chosen", 0, record.chosenConversation());
                    writeList("rejected", 1, record.rejectedConversation());
                    writeString("source", 2, record.source());
                }
                case TRL -> {
                    if (!record.pair().diverging()) {
                        writeList("prompt", 0, record.prompt());
                    }
                    writeList("chosen", 1, record.chosen());
                    writeList("rejected", 2, record.rejected());
                    writeString("source", 3, record.source());
                }
                case OPENAI_DPO -> {
                    PairMetadata metadata = PairMetadata.of(record.metadataJson());
                    consumer.startField("input", 0);
                    consumer.startGroup();
                    writeList("messages", 0, record.prompt());
                    writeString("tools", 1, metadata.json("tools"));
                    consumer.endGroup();
                    consumer.endField("input", 0);
                    writeList("preferred_output", 1, record.chosen());
                    writeList("non_preferred_output", 2, record.rejected());
                }
                case REWARDBENCH -> {
                    PairMetadata metadata = PairMetadata.of(record.metadataJson());
                    writeString("prompt", 0, record.prompt().get(0).content());
                    writeString("chosen", 1, record.chosen().get(0).content());
                    writeString("rejected", 2, record.rejected().get(0).content());
                    writeString(
                            "chosen_model",
                            3,
                            metadata.text(record.flipped() ? "rejected_model" : "chosen_model"));
                    writeString(
                            "rejected_model",
                            4,
                            metadata.text(record.flipped() ? "chosen_model" : "rejected_model"));
                    writeString("subset", 5, record.source());
                    writeString("id", 6, metadata.text("id"));
                }
            }
            consumer.endMessage();
        }

        /** Writes an optional string column; a null value leaves it null. */
        private void writeString(String name, int index, String value) {
            if (value != null) {
                consumer.startField(name, index);
                consumer.addBinary(Binary.fromString(value));
                consumer.endField(name, index);
            }
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
