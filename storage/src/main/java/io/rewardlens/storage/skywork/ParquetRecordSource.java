package io.rewardlens.storage.skywork;

import io.rewardlens.storage.ChatMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads Skywork records from a Parquet file with the Hub's layout, one row group in memory at a
 * time. Uses parquet-java's record assembly (which rebuilds the nested lists) with converters of
 * its own; no Hadoop classes beyond parquet-floor's small shim.
 */
final class ParquetRecordSource implements RecordSource {
    private final Path file;
    private final ParquetRows<RawRecord> rows;
    private SkyworkRecord record;
    private RecordProblem problem;

    ParquetRecordSource(Path file) throws IOException, ImportRefusedException {
        this.file = file;
        this.rows =
                new ParquetRows<>(
                        file,
                        schema -> {
                            try {
                                SkyworkParquetSchema.Layout layout =
                                        SkyworkParquetSchema.inspect(schema);
                                return new ParquetRows.Plan<>(
                                        layout.requested(), new Materializer(layout));
                            } catch (InvalidRecordException e) {
                                throw new ParquetRows.SchemaRefusal(e);
                            }
                        });
    }

    /**
     * Whether a Parquet file has Skywork's columns and no others (whose values this reader would
     * not keep); false also when it cannot be read (the reader then says why).
     */
    static boolean holdsOnlySkyworkColumns(Path file) throws IOException {
        try (ParquetFileReader reader =
                ParquetFileReader.open(
                        new LocalInputFile(file),
                        ParquetReadOptions.builder()
                                .withCodecFactory(new ParquetCodecs())
                                .build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (Type column : schema.getFields()) {
                if (!List.of("chosen", "rejected", "source").contains(column.getName())) {
                    return false;
                }
            }
            SkyworkParquetSchema.inspect(schema);
            return true;
        } catch (InvalidRecordException | RuntimeException | IOException e) {
            return false;
        }
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        record = null;
        problem = null;
        RawRecord raw = rows.next();
        if (raw == null) {
            return false;
        }
        try {
            record = raw.toRecord();
        } catch (InvalidRecordException e) {
            problem = new RecordProblem(file, "record", rows.position(), e.field(), e.reason());
        }
        return true;
    }

    @Override
    public SkyworkRecord record() {
        return record;
    }

    @Override
    public RecordProblem problem() {
        return problem;
    }

    @Override
    public long position() {
        return rows.position();
    }

    @Override
    public long done() {
        return rows.position();
    }

    @Override
    public long total() {
        return rows.total();
    }

    @Override
    public long blankLines() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    /** One message as read, before checking: fields may be missing or not valid UTF-8. */
    private static final class RawMessage {
        String role;
        String content;
        boolean roleNotUtf8;
        boolean contentNotUtf8;
    }

    /** One row as read, before checking. */
    private static final class RawRecord {
        List<RawMessage> chosen;
        List<RawMessage> rejected;
        String source;
        boolean sourceNotUtf8;

        SkyworkRecord toRecord() throws InvalidRecordException {
            if (sourceNotUtf8) {
                throw new InvalidRecordException("source", "invalid UTF-8");
            }
            return new SkyworkRecord(
                    messages(chosen, "chosen"), messages(rejected, "rejected"), source, null);
        }

        private static List<ChatMessage> messages(List<RawMessage> raw, String name)
                throws InvalidRecordException {
            if (raw == null) {
                throw new InvalidRecordException(name, "missing (null)");
            }
            if (raw.isEmpty()) {
                throw new InvalidRecordException(
                        name, "expected a non-empty list of messages, got an empty list");
            }
            List<ChatMessage> messages = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                RawMessage message = raw.get(i);
                String path = name + "[" + i + "]";
                if (message == null) {
                    throw new InvalidRecordException(path, "missing message (null)");
                }
                messages.add(
                        new ChatMessage(
                                text(message.role, message.roleNotUtf8, path + ".role"),
                                text(message.content, message.contentNotUtf8, path + ".content")));
            }
            return messages;
        }

        private static String text(String value, boolean notUtf8, String path)
                throws InvalidRecordException {
            if (notUtf8) {
                throw new InvalidRecordException(path, "invalid UTF-8");
            }
            if (value == null) {
                throw new InvalidRecordException(path, "missing (null)");
            }
            return value;
        }
    }

    /** Assembles {@link RawRecord}s from the column values parquet-java hands over. */
    private static final class Materializer extends RecordMaterializer<RawRecord> {
        private final CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        private RawRecord current;
        private final GroupConverter root;

        Materializer(SkyworkParquetSchema.Layout layout) {
            ListConverter chosen =
                    new ListConverter(layout.chosen(), list -> current.chosen = list);
            ListConverter rejected =
                    new ListConverter(layout.rejected(), list -> current.rejected = list);
            StringConverter source =
                    new StringConverter(
                            (value, valid) -> {
                                current.source = value;
                                current.sourceNotUtf8 = !valid;
                            });
            this.root =
                    new GroupConverter() {
                        @Override
                        public Converter getConverter(int fieldIndex) {
                            return switch (fieldIndex) {
                                case 0 -> chosen;
                                case 1 -> rejected;
                                default -> source;
                            };
                        }

                        @Override
                        public void start() {
                            current = new RawRecord();
                        }

                        @Override
                        public void end() {}
                    };
        }

        @Override
        public RawRecord getCurrentRecord() {
            return current;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }

        /** Receives a string value; {@code valid} is false when its bytes were not UTF-8. */
        private interface TextSink {
            void accept(String value, boolean valid);
        }

        /** A nullable string column, decoded strictly (invalid UTF-8 is reported, not replaced). */
        private final class StringConverter extends PrimitiveConverter {
            private final TextSink sink;

            StringConverter(TextSink sink) {
                this.sink = sink;
            }

            @Override
            public void addBinary(Binary value) {
                try {
                    ByteBuffer bytes = value.toByteBuffer();
                    CharBuffer chars = decoder.reset().decode(bytes);
                    sink.accept(chars.toString(), true);
                } catch (CharacterCodingException e) {
                    sink.accept(null, false);
                }
            }
        }

        /** Hands a finished message list to its record field. */
        private interface ListSink {
            void accept(List<RawMessage> messages);
        }

        /** A LIST group of messages (its start/end are only called when the list is not null). */
        private final class ListConverter extends GroupConverter {
            private final ListSink sink;
            private final GroupConverter repeated;
            private List<RawMessage> messages;
            private RawMessage message;

            ListConverter(SkyworkParquetSchema.ListLayout layout, ListSink sink) {
                this.sink = sink;
                GroupConverter messageConverter = new MessageConverter(layout);
                if (layout.threeLevel()) {
                    this.repeated =
                            new GroupConverter() {
                                @Override
                                public Converter getConverter(int fieldIndex) {
                                    return messageConverter;
                                }

                                @Override
                                public void start() {
                                    message = null;
                                }

                                @Override
                                public void end() {
                                    messages.add(message);
                                }
                            };
                } else {
                    this.repeated = messageConverter;
                }
            }

            @Override
            public Converter getConverter(int fieldIndex) {
                return repeated;
            }

            @Override
            public void start() {
                messages = new ArrayList<>();
            }

            @Override
            public void end() {
                sink.accept(messages);
            }

            /** The group holding one message's content and role. */
            private final class MessageConverter extends GroupConverter {
                private final boolean threeLevel;
                private final int contentIndex;
                private final StringConverter content =
                        new StringConverter(
                                (value, valid) -> {
                                    message.content = value;
                                    message.contentNotUtf8 = !valid;
                                });
                private final StringConverter role =
                        new StringConverter(
                                (value, valid) -> {
                                    message.role = value;
                                    message.roleNotUtf8 = !valid;
                                });

                MessageConverter(SkyworkParquetSchema.ListLayout layout) {
                    this.threeLevel = layout.threeLevel();
                    this.contentIndex = layout.contentIndex();
                }

                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == contentIndex ? content : role;
                }

                @Override
                public void start() {
                    message = new RawMessage();
                }

                @Override
                public void end() {
                    if (!threeLevel) {
                        messages.add(message);
                    }
                }
            }
        }
    }
}
