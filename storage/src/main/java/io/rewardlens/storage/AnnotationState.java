package io.rewardlens.storage;

/** Whether a pair query wants pairs with or without annotations (by anyone, skips included). */
public enum AnnotationState {
    /** Annotated or not. */
    ANY,
    /** At least one annotation. */
    ANNOTATED,
    /** No annotation at all. */
    UNANNOTATED
}
