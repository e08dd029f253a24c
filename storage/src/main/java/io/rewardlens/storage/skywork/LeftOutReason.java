package io.rewardlens.storage.skywork;

/** Why an export left a selected pair out; counted in the report and the sidecar. */
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
    /** A model filter was set and that model has not scored the pair. */
    NOT_SCORED("the model has not scored it"),
    /** The model's margin is below the asked minimum. */
    MARGIN_TOO_SMALL("the model's margin is below the minimum"),
    /** Only disagreements were asked for, and the model does not disagree. */
    MODEL_DOES_NOT_DISAGREE("the model does not prefer the rejected side"),
    /** Only agreements were asked for, and the model does not agree. */
    MODEL_DOES_NOT_AGREE("the model does not prefer the chosen side");

    private final String description;

    LeftOutReason(String description) {
        this.description = description;
    }

    /** A short explanation for people. */
    public String description() {
        return description;
    }
}
