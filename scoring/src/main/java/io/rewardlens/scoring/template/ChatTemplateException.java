package io.rewardlens.scoring.template;

/**
 * A chat template could not render a conversation. When the template itself refused (its {@code
 * raise_exception(...)} call, e.g. Gemma 2's "System role not supported"), the message is exactly
 * the template's text and {@link #raisedByTemplate()} is true; otherwise the message describes the
 * failure: a syntax or runtime error, or a render time or size limit.
 */
public class ChatTemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean raisedByTemplate;

    /**
     * Creates the exception.
     *
     * @param message the template's own message, or a description of the failure
     * @param raisedByTemplate whether the template called {@code raise_exception}
     */
    public ChatTemplateException(String message, boolean raisedByTemplate) {
        super(message);
        this.raisedByTemplate = raisedByTemplate;
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message a description of the failure
     * @param raisedByTemplate whether the template called {@code raise_exception}
     * @param cause what went wrong underneath
     */
    public ChatTemplateException(String message, boolean raisedByTemplate, Throwable cause) {
        super(message, cause);
        this.raisedByTemplate = raisedByTemplate;
    }

    /**
     * Whether the template refused the conversation with {@code raise_exception}.
     *
     * @return true when the message is the template's own
     */
    public boolean raisedByTemplate() {
        return raisedByTemplate;
    }
}
