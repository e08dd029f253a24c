package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The preference-data layouts the importer reads, by the name {@code --format} takes, each with
 * what it expects of a record. {@link #detect} tells them apart by a file's first record.
 */
public enum PreferenceFormat {
    /** Skywork's layout: whole {@code chosen} and {@code rejected} conversations. */
    SKYWORK(
            "skywork",
            "\"chosen\" and \"rejected\" lists of {\"role\", \"content\"} messages",
            SkyworkLayout::new),
    /** RewardBench: flat strings with a subset. */
    REWARDBENCH(
            "rewardbench",
            "\"prompt\", \"chosen\", \"rejected\" strings with \"subset\"",
            RewardBenchLayout::new),
    /** RewardBench 2: one prompt, several chosen and rejected completions. */
    REWARDBENCH2(
            "rewardbench2",
            "\"prompt\" with \"chosen\" and \"rejected\" lists of strings",
            RewardBench2Layout::new),
    /** TRL's standard and conversational, explicit and implicit prompt forms. */
    TRL(
            "trl",
            "\"prompt\" (string or messages) with \"chosen\" and \"rejected\" completions",
            TrlLayout::new),
    /** UltraFeedback binarized. */
    ULTRAFEEDBACK(
            "ultrafeedback",
            "\"prompt\", \"prompt_id\", message-list \"chosen\"/\"rejected\", \"score_chosen\"",
            UltraFeedbackLayout::new),
    /** Anthropic HH-RLHF transcripts. */
    HH_RLHF(
            "hh-rlhf",
            "\"chosen\" and \"rejected\" \\n\\nHuman:/\\n\\nAssistant: transcripts",
            HhRlhfLayout::new),
    /** OpenAI's DPO fine-tuning layout. */
    OPENAI_DPO(
            "openai-dpo",
            "\"input\": {\"messages\"}, \"preferred_output\", \"non_preferred_output\"",
            OpenAiDpoLayout::new),
    /** NVIDIA HelpSteer3 preference. */
    HELPSTEER3(
            "helpsteer3",
            "\"context\", \"response1\", \"response2\", \"overall_preference\"",
            HelpSteer3Layout::new),
    /** An Argilla Hub export with a preference question. */
    ARGILLA(
            "argilla",
            "Argilla <question>.responses and .responses.users columns",
            ArgillaLayout::new),
    /** A Label Studio JSON export of Pairwise tasks. */
    LABEL_STUDIO(
            "label-studio",
            "Label Studio tasks with \"data\" and pairwise \"annotations\"",
            LabelStudioLayout::new);

    private final String cliName;
    private final String expects;
    private final Supplier<RecordLayout> layout;

    PreferenceFormat(String cliName, String expects, Supplier<RecordLayout> layout) {
        this.cliName = cliName;
        this.expects = expects;
        this.layout = layout;
    }

    /** The name {@code --format} takes, e.g. {@code hh-rlhf}. */
    public String cliName() {
        return cliName;
    }

    /** What a record of this layout holds, for help texts and errors. */
    public String expects() {
        return expects;
    }

    /** A reader of records of this layout; use one per file (it may keep the import time). */
    public RecordReader reader() {
        RecordLayout records = layout.get();
        return records::read;
    }

    /** Reads records of one layout into pairs. */
    @FunctionalInterface
    public interface RecordReader {
        /**
         * The pairs of one record.
         *
         * @throws LayoutException when the record does not fit the layout
         */
        List<LayoutRecord> read(ObjectNode record) throws LayoutException;
    }

    /**
     * The format named {@code name} (as {@link #cliName()}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the formats there are
     */
    public static PreferenceFormat named(String name) {
        for (PreferenceFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "unknown format " + name + "; use auto or one of " + names());
    }

    /** All names, comma-separated. */
    public static String names() {
        return Arrays.stream(values())
                .map(PreferenceFormat::cliName)
                .collect(Collectors.joining(", "));
    }

    /**
     * What a file's first record was taken for.
     *
     * @param format the layout
     * @param because the fields that decided it, for the import summary
     */
    public record Detection(PreferenceFormat format, String because) {}

    /**
     * The layout a record is in, judged by its fields; null when it fits none.
     *
     * @param record a file's first record
     */
    public static Detection detect(ObjectNode record) {
        if (record.path("data").isObject() && record.path("annotations").isArray()) {
            return new Detection(
                    LABEL_STUDIO, "\"data\" and \"annotations\" (a Label Studio task)");
        }
        if (ArgillaLayout.looksLike(record)) {
            return new Detection(ARGILLA, "question answers with their users (Argilla)");
        }
        if (record.path("input").isObject() && record.has("preferred_output")) {
            return new Detection(OPENAI_DPO, "\"input\" and \"preferred_output\"");
        }
        if (record.has("response1")
                && record.has("response2")
                && record.has("overall_preference")) {
            return new Detection(
                    HELPSTEER3, "\"response1\", \"response2\" and \"overall_preference\"");
        }
        JsonNode chosen = record.path("chosen");
        JsonNode rejected = record.path("rejected");
        JsonNode prompt = record.path("prompt");
        if (isStringList(chosen) && isStringList(rejected) && prompt.isTextual()) {
            return new Detection(REWARDBENCH2, "\"chosen\" and \"rejected\" are lists of strings");
        }
        if (chosen.isTextual()
                && rejected.isTextual()
                && prompt.isMissingNode()
                && chosen.textValue().stripLeading().startsWith("Human:")) {
            return new Detection(
                    HH_RLHF, "\"chosen\" and \"rejected\" are Human/Assistant" + " transcripts");
        }
        if (chosen.isTextual() && rejected.isTextual() && prompt.isTextual()) {
            boolean rewardBench = record.has("subset") || record.has("chosen_model");
            return rewardBench
                    ? new Detection(
                            REWARDBENCH,
                            "string \"prompt\", \"chosen\", \"rejected\""
                                    + " with \"subset\"/\"chosen_model\"")
                    : new Detection(
                            TRL,
                            "string \"prompt\", \"chosen\", \"rejected\" (TRL"
                                    + " standard, explicit prompt)");
        }
        if (chosen.isArray() && rejected.isArray()) {
            if (record.has("prompt_id") || record.has("score_chosen")) {
                return new Detection(
                        ULTRAFEEDBACK, "message lists with \"prompt_id\"/" + "\"score_chosen\"");
            }
            if (record.has("prompt")) {
                return new Detection(
                        TRL,
                        "message-list \"prompt\", \"chosen\", \"rejected\""
                                + " (TRL conversational, explicit prompt)");
            }
            return new Detection(SKYWORK, "\"chosen\" and \"rejected\" are message lists");
        }
        if (chosen.isTextual() && rejected.isTextual()) {
            return new Detection(
                    TRL, "string \"chosen\" and \"rejected\" (TRL standard," + " implicit prompt)");
        }
        return null;
    }

    private static boolean isStringList(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The layouts as a sentence for an error about a record that fits none. */
    public static String describeAll() {
        return Arrays.stream(values())
                .map(f -> f.cliName + " (" + f.expects + ")")
                .collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
