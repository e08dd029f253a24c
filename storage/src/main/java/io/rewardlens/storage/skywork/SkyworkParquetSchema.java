package io.rewardlens.storage.skywork;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The Parquet layout of the Skywork preference datasets on the Hub (as pyarrow / HF datasets write
 * it), and the checks that let the reader accept a file's schema: each message list may be the
 * standard three-level LIST ({@code list.element}) or the older two-level form, message structs may
 * carry extra fields (they are not read), and {@code source} may be absent.
 */
final class SkyworkParquetSchema {
    /** Exactly the Hub's schema; the writer uses it. */
    static final MessageType HUB =
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

    /**
     * How a file lays out one message list.
     *
     * @param projected the list column with only what the reader needs
     * @param threeLevel whether messages sit in an {@code element} group under the repeated group
     * @param contentIndex the position of {@code content} within the projected message group
     * @param roleIndex the position of {@code role} within the projected message group
     */
    record ListLayout(GroupType projected, boolean threeLevel, int contentIndex, int roleIndex) {}

    /**
     * What the reader requests from a file.
     *
     * @param requested the projection to read: chosen, rejected and (if present) source
     * @param chosen the layout of {@code chosen}
     * @param rejected the layout of {@code rejected}
     * @param hasSource whether the file has a {@code source} column
     */
    record Layout(
            MessageType requested, ListLayout chosen, ListLayout rejected, boolean hasSource) {}

    private SkyworkParquetSchema() {}

    /**
     * Checks a file's schema and works out the projection to read.
     *
     * @throws InvalidRecordException naming the column that does not fit
     */
    static Layout inspect(MessageType schema) throws InvalidRecordException {
        ListLayout chosen = listLayout(schema, "chosen");
        ListLayout rejected = listLayout(schema, "rejected");
        List<Type> fields = new ArrayList<>(List.of(chosen.projected(), rejected.projected()));
        boolean hasSource = schema.containsField("source");
        if (hasSource) {
            Type source = schema.getType("source");
            checkString(source, "source");
            fields.add(source);
        }
        return new Layout(new MessageType(schema.getName(), fields), chosen, rejected, hasSource);
    }

    private static ListLayout listLayout(MessageType schema, String name)
            throws InvalidRecordException {
        if (!schema.containsField(name)) {
            throw new InvalidRecordException(
                    name, "the file has no such column" + ReadableLayouts.hint());
        }
        Type column = schema.getType(name);
        if (column.isPrimitive() || column.isRepetition(Type.Repetition.REPEATED)) {
            throw new InvalidRecordException(
                    name,
                    "expected a list of messages, got a column of type "
                            + describe(column)
                            + ReadableLayouts.hint());
        }
        GroupType list = column.asGroupType();
        if (list.getFieldCount() != 1
                || !list.getType(0).isRepetition(Type.Repetition.REPEATED)
                || list.getType(0).isPrimitive()) {
            throw new InvalidRecordException(
                    name,
                    "expected a list of messages, got "
                            + describe(column)
                            + ReadableLayouts.hint());
        }
        GroupType repeated = list.getType(0).asGroupType();
        boolean threeLevel = !repeated.containsField("content") && !repeated.containsField("role");
        GroupType message;
        String messagePath;
        if (threeLevel) {
            if (repeated.getFieldCount() != 1 || repeated.getType(0).isPrimitive()) {
                throw new InvalidRecordException(
                        name,
                        "expected a list of messages, got "
                                + describe(column)
                                + ReadableLayouts.hint());
            }
            message = repeated.getType(0).asGroupType();
            messagePath = name + "." + repeated.getName() + "." + message.getName();
        } else {
            message = repeated;
            messagePath = name + "." + repeated.getName();
        }
        for (String member : List.of("content", "role")) {
            if (!message.containsField(member)) {
                throw new InvalidRecordException(
                        messagePath + "." + member, "the file has no such column");
            }
            checkString(message.getType(member), messagePath + "." + member);
        }
        // Keep the file's own field order: a projection must not reorder columns.
        List<Type> members = new ArrayList<>();
        for (Type member : message.getFields()) {
            if (member.getName().equals("content") || member.getName().equals("role")) {
                members.add(member);
            }
        }
        GroupType projectedMessage = message.withNewFields(members);
        int contentIndex = projectedMessage.getFieldIndex("content");
        int roleIndex = projectedMessage.getFieldIndex("role");
        GroupType projectedRepeated =
                threeLevel ? repeated.withNewFields(projectedMessage) : projectedMessage;
        return new ListLayout(
                list.withNewFields(projectedRepeated), threeLevel, contentIndex, roleIndex);
    }

    private static void checkString(Type type, String path) throws InvalidRecordException {
        if (!type.isPrimitive()
                || type.isRepetition(Type.Repetition.REPEATED)
                || type.asPrimitiveType().getPrimitiveTypeName()
                        != PrimitiveType.PrimitiveTypeName.BINARY) {
            throw new InvalidRecordException(
                    path, "expected a string column, got " + describe(type));
        }
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        if (annotation != null
                && !(annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)) {
            throw new InvalidRecordException(
                    path, "expected a string column, got " + describe(type));
        }
    }

    private static String describe(Type type) {
        return type.toString().replaceAll("\\s+", " ").strip();
    }
}
