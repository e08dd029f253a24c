package io.rewardlens.storage.skywork;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schemas of the export layouts other than Skywork (whose schema is the Hub's, {@link
 * SkyworkParquetSchema#HUB}), shaped as pyarrow / HF datasets write the same JSON: message lists as
 * the standard three-level LIST of {@code content}/{@code role} structs, strings as {@code binary
 * (STRING)}, everything optional. OpenAI's {@code input.tools} is kept as its JSON text, and
 * RewardBench's {@code id} as a string (the Hub's files hold an integer; a store's id may be
 * either).
 */
final class ExportParquetSchemas {
    private static final String MESSAGES =
            """
             (LIST) {
                repeated group list {
                  optional group element {
                    optional binary content (STRING);
                    optional binary role (STRING);
                  }
                }
              }
            """;

    static final MessageType TRL =
            MessageTypeParser.parseMessageType(
                    "message schema {\n"
                            + list("prompt")
                            + list("chosen")
                            + list("rejected")
                            + "  optional binary source (STRING);\n}");

    static final MessageType OPENAI_DPO =
            MessageTypeParser.parseMessageType(
                    "message schema {\n  optional group input {\n"
                            + list("messages")
                            + "    optional binary tools (STRING);\n  }\n"
                            + list("preferred_output")
                            + list("non_preferred_output")
                            + "}");

    static final MessageType REWARDBENCH =
            MessageTypeParser.parseMessageType(
                    """
                    message schema {
                      optional binary prompt (STRING);
                      optional binary chosen (STRING);
                      optional binary rejected (STRING);
                      optional binary chosen_model (STRING);
                      optional binary rejected_model (STRING);
                      optional binary subset (STRING);
                      optional binary id (STRING);
                    }
                    """);

    private ExportParquetSchemas() {}

    private static String list(String name) {
        return "  optional group " + name + MESSAGES;
    }

    /** The schema of a layout other than Skywork. */
    static MessageType of(ExportLayout layout) {
        return switch (layout) {
            case TRL -> TRL;
            case OPENAI_DPO -> OPENAI_DPO;
            case REWARDBENCH -> REWARDBENCH;
            case SKYWORK -> SkyworkParquetSchema.HUB;
        };
    }
}
