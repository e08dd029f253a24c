package io.rewardlens.storage.skywork;

/**
 * Why an export left a selected pair out, by a filter or because the layout cannot hold it; counted
 * in the report and the sidecar.
 */
public enum LeftOutReason {
    /**
     * Only annotated pairs were asked for, or the orientation needs a verdict, and there is none.
     */
    NOT_ANNOTATED("no annotation (by the selected annotators)"),
    /** Only unannotated pairs were asked for, and the pair is annotated. */
    ANNOTATED("annotated, and only unannotated pairs were asked for"),
    /** Every verdict on the pair is a skip. */
    SKIPPED("the annotators skipped it"),
    /** The verdict is a tie, so there is no preferred side. */
    TIE("the verdict is a tie"),
    /** The verdict is that both sides are bad. */
    BOTH_BAD("the verdict is that both are bad"),
    /** Annotators gave contradicting verdicts. */
    ANNOTATORS_DISAGREE("annotators gave contradicting verdicts"),
    /** Resolving by majority, and no verdict is more frequent than every other. */
    NO_MAJORITY("no adjudicated verdict and no majority among the annotators"),
    /** A model filter was set and that model has not scored the pair. */
    NOT_SCORED("the model has not scored it"),
    /** The model's margin is below the asked minimum. */
    MARGIN_TOO_SMALL("the model's margin is below the minimum"),
    /** Only disagreements were asked for, and the model does not disagree. */
    MODEL_DOES_NOT_DISAGREE("the model does not prefer the rejected side"),
    /** Only agreements were asked for, and the model does not agree. */
    MODEL_DOES_NOT_AGREE("the model does not prefer the chosen side"),
    /**
     * The layout needs a shared prompt, and the two conversations differ before their last turn.
     */
    DIVERGING("the conversations differ before their last turn, so there is no shared prompt"),
    /** The layout needs exactly one assistant message on each side. */
    NOT_ONE_ASSISTANT_REPLY("a side is not exactly one assistant message"),
    /** The layout needs prompt turns, and the pair has none. */
    NO_PROMPT("the pair has no prompt turns"),
    /** The flat layout has no place for a system turn. */
    SYSTEM_TURN("the prompt has a system turn, which the flat layout cannot hold"),
    /** The flat layout's prompt is a single user turn. */
    NOT_ONE_USER_TURN("the prompt is not a single user turn (multi-turn)"),
    /** The flat layout holds texts only. */
    TOOL_CALLS_NOT_FLAT("a message has tool calls, which the flat layout cannot hold");

    private final String description;

    LeftOutReason(String description) {
        this.description = description;
    }

    /** A short explanation for people. */
    public String description() {
        return description;
    }
}
