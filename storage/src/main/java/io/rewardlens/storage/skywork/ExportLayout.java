package io.rewardlens.storage.skywork;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The record layout an export writes, independent of its container ({@link SkyworkFileType}).
 * Layouts that cannot hold every pair (a flat prompt string, exactly one assistant reply) leave the
 * others out and count them under a {@link LeftOutReason}.
 */
public enum ExportLayout {
    /** {@code {"chosen": [whole conversation], "rejected": [...], "source"}}, as imported. */
    SKYWORK("skywork"),
    /**
     * TRL's conversational preference form: {@code {"prompt": [turns], "chosen": [final turns],
     * "rejected": [...], "source"}} (explicit prompt); a diverging pair is written in the
     * implicit-prompt form, whole conversations and no {@code prompt}.
     */
    TRL("trl"),
    /**
     * OpenAI's DPO fine-tuning lines: {@code {"input": {"messages", "tools"}, "preferred_output":
     * [one assistant message], "non_preferred_output": [...]}}.
     */
    OPENAI_DPO("openai-dpo"),
    /**
     * RewardBench's flat rows: {@code {"prompt": str, "chosen": str, "rejected": str,
     * "chosen_model", "rejected_model", "subset", "id"}}.
     */
    REWARDBENCH("rewardbench");

    private final String label;

    ExportLayout(String label) {
        this.label = label;
    }

    /** The name used on the command line and in the sidecar: {@code skywork}, {@code trl}, ... */
    public String label() {
        return label;
    }

    /** The layout with this {@link #label()}, ignoring case. */
    public static Optional<ExportLayout> fromLabel(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.label.equals(wanted)).findFirst();
    }

    /** The labels, comma separated, for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(ExportLayout::label).collect(Collectors.joining(", "));
    }
}
