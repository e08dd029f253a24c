package io.rewardlens.ui.annotate;

import java.util.concurrent.ExecutionException;

/** The sentence to show the user for a failure: the message of its first cause that has one. */
final class FailureMessage {
    private FailureMessage() {}

    /**
     * The failure's message, skipping wrappers that carry none.
     *
     * @param error the failure
     * @return its message, or its class's name when it has none
     */
    static String of(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof RuntimeException)
                && cause.getCause() != null
                && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
