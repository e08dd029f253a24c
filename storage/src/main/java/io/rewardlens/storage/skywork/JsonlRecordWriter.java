package io.rewardlens.storage.skywork;

import io.rewardlens.storage.Utf8JsonBuffer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one JSON object per line in an {@link ExportLayout}, compact, UTF-8 without escaping
 * non-ASCII text; messages as {@code {"role", "content"}} in that key order, or as their own JSON
 * object text when they carry more ({@code tool_calls}, other fields), unchanged.
 *
 * <ul>
 *   <li>Skywork: {@code {"chosen": [...], "rejected": [...], "source": "..."}}, whole
 *       conversations. A record without a source is written without the key, as it was read; the
 *       record's other top-level fields (kept as the pair's metadata on import) follow the source.
 *   <li>TRL: {@code {"prompt", "chosen", "rejected", "source"}} and the other fields likewise; a
 *       diverging pair without {@code prompt} and with whole conversations.
 *   <li>OpenAI DPO: {@code {"input": {"messages", "tools"}, "preferred_output",
 *       "non_preferred_output"}}, {@code tools} from the metadata when it has them.
 *   <li>RewardBench: {@code {"prompt", "chosen", "rejected", "chosen_model", "rejected_model",
 *       "subset", "id"}} as strings (the models and id as the metadata holds them, when it does;
 *       the subset is the source).
 * </ul>
 */
final class JsonlRecordWriter implements RecordWriter {
    private static final Set<String> TRL_KEYS = Set.of("prompt", "chosen", "rejected", "source");

    private final OutputStream out;
    private final ExportLayout layout;
    private final Utf8JsonBuffer line = new Utf8JsonBuffer();

    JsonlRecordWriter(Path file, boolean gzipped, ExportLayout layout) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        this.out =
                gzipped
                        ? new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16)
                        : new BufferedOutputStream(raw, 1 << 16);
        this.layout = layout;
    }

    @Override
    public void write(ExportedPair record) throws IOException {
        line.reset();
        switch (layout) {
            case SKYWORK -> writeSkywork(record);
            case TRL -> writeTrl(record);
            case OPENAI_DPO -> writeOpenAiDpo(record);
            case REWARDBENCH -> writeRewardBench(record);
        }
        line.appendAscii("}\n");
        line.writeTo(out);
    }

    private void writeSkywork(ExportedPair record) throws IOException {
        line.appendAscii("{\"chosen\":");
        line.appendMessages(record.chosenConversation());
        line.appendAscii(",\"rejected\":");
        line.appendMessages(record.rejectedConversation());
        sourceAndOtherFields(record, otherFields(record.metadataJson()));
    }

    private void writeTrl(ExportedPair record) throws IOException {
        if (record.pair().diverging()) {
            // Implicit prompt: the whole conversations, which is what a diverging pair keeps.
            line.appendAscii("{\"chosen\":");
        } else {
            line.appendAscii("{\"prompt\":");
            line.appendMessages(record.prompt());
            line.appendAscii(",\"chosen\":");
        }
        line.appendMessages(record.chosen());
        line.appendAscii(",\"rejected\":");
        line.appendMessages(record.rejected());
        sourceAndOtherFields(
                record, PairMetadata.of(record.metadataJson()).membersWithout(TRL_KEYS));
    }

    private void writeOpenAiDpo(ExportedPair record) throws IOException {
        PairMetadata metadata = PairMetadata.of(record.metadataJson());
        line.appendAscii("{\"input\":{\"messages\":");
        line.appendMessages(record.prompt());
        String tools = metadata.json("tools");
        if (tools != null) {
            line.appendAscii(",\"tools\":");
            raw(tools);
        }
        line.appendAscii("},\"preferred_output\":");
        line.appendMessages(record.chosen());
        line.appendAscii(",\"non_preferred_output\":");
        line.appendMessages(record.rejected());
    }

    private void writeRewardBench(ExportedPair record) throws IOException {
        PairMetadata metadata = PairMetadata.of(record.metadataJson());
        line.appendAscii("{\"prompt\":");
        line.appendString(record.prompt().get(0).content());
        line.appendAscii(",\"chosen\":");
        line.appendString(record.chosen().get(0).content());
        line.appendAscii(",\"rejected\":");
        line.appendString(record.rejected().get(0).content());
        String chosenModel = metadata.json(record.flipped() ? "rejected_model" : "chosen_model");
        String rejectedModel = metadata.json(record.flipped() ? "chosen_model" : "rejected_model");
        if (chosenModel != null) {
            line.appendAscii(",\"chosen_model\":");
            raw(chosenModel);
        }
        if (rejectedModel != null) {
            line.appendAscii(",\"rejected_model\":");
            raw(rejectedModel);
        }
        if (record.source() != null) {
            line.appendAscii(",\"subset\":");
            line.appendString(record.source());
        }
        String id = metadata.json("id");
        if (id != null) {
            line.appendAscii(",\"id\":");
            raw(id);
        }
    }

    private void sourceAndOtherFields(ExportedPair record, String otherFields) throws IOException {
        if (record.source() != null) {
            line.appendAscii(",\"source\":");
            line.appendString(record.source());
        }
        if (!otherFields.isEmpty()) {
            // The record's other top-level fields, as the importer kept them (already JSON).
            line.appendAscii(",");
            raw(otherFields);
        }
    }

    /** Appends JSON text that is already encoded. */
    private void raw(String json) throws IOException {
        line.writeTo(out);
        out.write(json.getBytes(StandardCharsets.UTF_8));
        line.reset();
    }

    /** The members of the metadata object, without its braces; empty when there are none. */
    private static String otherFields(String metadataJson) {
        if (metadataJson == null) {
            return "";
        }
        String object = metadataJson.strip();
        if (object.length() < 2 || object.charAt(0) != '{') {
            throw new IllegalStateException("a pair's metadata is not a JSON object: " + object);
        }
        return object.substring(1, object.length() - 1).strip();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
