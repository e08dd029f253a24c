package io.rewardlens.scoring;

/**
 * Something the scoring pipeline could not do: a bundle that does not load, a conversation that
 * cannot be rendered or is too long, an engine failure. The message is meant for the user and names
 * the file, field, case or length involved.
 */
public class ScoringException extends Exception {
    /**
     * Creates an exception with a user-facing message.
     *
     * @param message what went wrong, naming the file, field or case
     */
    public ScoringException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a user-facing message and its cause.
     *
     * @param message what went wrong, naming the file, field or case
     * @param cause the underlying failure
     */
    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
