package io.rewardlens.scoring;

/**
 * The engine failed while running the model on a batch (out of memory, a trace that returns an
 * unexpected shape or type, a native error).
 */
public final class InferenceException extends ScoringException {
    /**
     * Creates the exception.
     *
     * @param message what failed, with the batch shape
     * @param cause the engine's exception, or null
     */
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
