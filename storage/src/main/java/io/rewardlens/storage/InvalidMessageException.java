package io.rewardlens.storage;

/**
 * A message's JSON is not one RewardLens accepts (see {@link ChatMessage#fromJson}); says which
 * field of the message is at fault.
 */
public final class InvalidMessageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The field within the message, e.g. {@code content[1]}, or null for the whole message. */
    private final String field;

    /** The reason alone, without the field. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param field the field within the message, or null for the whole message
     * @param reason what is wrong
     */
    public InvalidMessageException(String field, String reason) {
        super(field == null ? reason : field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field within the message, e.g. {@code content[1]}, or null for the whole message. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field. */
    public String reason() {
        return reason;
    }
}
