package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of any Parquet file as JSON objects, the way the Hub's {@code datasets} writes them:
 * structs become objects, {@code LIST} columns lists (three-level or legacy two-level), {@code MAP}
 * columns objects, strings strings (strictly UTF-8, no NUL), other binaries base64; a null value is
 * left out.
 */
final class ParquetObjects implements ObjectSource {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final ParquetRows<ObjectNode> rows;
    private final JsonRow row;
    private ObjectNode object;
    private RecordProblem problem;

    ParquetObjects(Path file) throws IOException, ImportRefusedException {
        this.file = file;
        JsonRow[] made = new JsonRow[1];
        this.rows =
                new ParquetRows<>(
                        file,
                        schema -> {
                            made[0] = new JsonRow(schema);
                            return new ParquetRows.Plan<>(schema, made[0]);
                        });
        this.row = made[0];
    }

    @Override
    public boolean next() throws IOException, ImportRefusedException {
        object = null;
        problem = null;
        row.problem = null;
        ObjectNode next = rows.next();
        if (next == null) {
            return false;
        }
        if (row.problem != null) {
            problem =
                    new RecordProblem(
                            file,
                            "record",
                            rows.position(),
                            row.problem.field(),
                            row.problem.reason());
        } else {
            object = next;
        }
        return true;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public ObjectNode object() {
        return object;
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
    public String unit() {
        return "record";
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

    /** Assembles a row into an object; keeps the first bad string's field. */
    private static final class JsonRow extends RecordMaterializer<ObjectNode> {
        private final ObjectConverter root;
        private ObjectNode current;
        private InvalidRecordException problem;

        JsonRow(MessageType schema) {
            this.root =
                    new ObjectConverter(schema, "", this, value -> current = (ObjectNode) value);
        }

        @Override
        public ObjectNode getCurrentRecord() {
            return current;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }

        void problem(String field, String reason) {
            if (problem == null) {
                problem = new InvalidRecordException(field, reason);
            }
        }
    }

    /** A group: an object while it is read, turned into a list or map at its end if annotated. */
    private static final class ObjectConverter extends GroupConverter {
        private final GroupType type;
        private final Consumer<JsonNode> sink;
        private final Converter[] children;
        private ObjectNode current;

        ObjectConverter(GroupType type, String path, JsonRow row, Consumer<JsonNode> sink) {
            this.type = type;
            this.sink = sink;
            this.children = new Converter[type.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type field = type.getType(i);
                String name = field.getName();
                String childPath = path.isEmpty() ? name : path + "." + name;
                Consumer<JsonNode> into =
                        field.isRepetition(Type.Repetition.REPEATED)
                                ? value -> current.withArray(name).add(value)
                                : value -> current.set(name, value);
                children[i] =
                        field.isPrimitive()
                                ? new ValueConverter(field.asPrimitiveType(), childPath, row, into)
                                : new ObjectConverter(field.asGroupType(), childPath, row, into);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            current = NODES.objectNode();
        }

        @Override
        public void end() {
            sink.accept(shaped(type, current));
        }

        /** A LIST group as a list, a MAP group as an object, anything else as it is. */
        private static JsonNode shaped(GroupType type, ObjectNode group) {
            LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
            boolean list = annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
            boolean map = annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation;
            if ((!list && !map) || type.getFieldCount() != 1) {
                return group;
            }
            Type repeated = type.getType(0);
            JsonNode entries = group.path(repeated.getName());
            if (map) {
                ObjectNode object = NODES.objectNode();
                for (JsonNode entry : entries) {
                    object.set(entry.path("key").asText(), entry.get("value"));
                }
                return object;
            }
            ArrayNode items = NODES.arrayNode();
            boolean threeLevel =
                    !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1;
            for (JsonNode entry : entries) {
                if (threeLevel) {
                    JsonNode element = entry.get(repeated.asGroupType().getType(0).getName());
                    items.add(element == null ? NODES.nullNode() : element);
                } else {
                    items.add(entry);
                }
            }
            return items;
        }
    }

    /** A leaf value. */
    private static final class ValueConverter extends PrimitiveConverter {
        private final boolean text;
        private final boolean json;
        private final String path;
        private final JsonRow row;
        private final Consumer<JsonNode> sink;
        private final CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);

        ValueConverter(PrimitiveType type, String path, JsonRow row, Consumer<JsonNode> sink) {
            LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
            this.json = annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
            this.text =
                    json
                            || annotation
                                    instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                            || annotation
                                    instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
            this.path = path;
            this.row = row;
            this.sink = sink;
        }

        @Override
        public void addBinary(Binary value) {
            if (!text) {
                sink.accept(NODES.textNode(Base64.getEncoder().encodeToString(value.getBytes())));
                return;
            }
            String string;
            try {
                string = decoder.decode(ByteBuffer.wrap(value.getBytes())).toString();
            } catch (CharacterCodingException e) {
                row.problem(path, "invalid UTF-8");
                sink.accept(NODES.textNode(""));
                return;
            }
            if (string.indexOf('\0') >= 0) {
                row.problem(path, "a NUL character");
            }
            if (json) {
                try {
                    sink.accept(JsonObjectParser.MAPPER.readTree(string));
                    return;
                } catch (IOException e) {
                    row.problem(path, "not valid JSON");
                }
            }
            sink.accept(NODES.textNode(string));
        }

        @Override
        public void addBoolean(boolean value) {
            sink.accept(NODES.booleanNode(value));
        }

        @Override
        public void addInt(int value) {
            sink.accept(NODES.numberNode(value));
        }

        @Override
        public void addLong(long value) {
            sink.accept(NODES.numberNode(value));
        }

        @Override
        public void addFloat(float value) {
            sink.accept(NODES.numberNode(value));
        }

        @Override
        public void addDouble(double value) {
            sink.accept(NODES.numberNode(value));
        }
    }
}
