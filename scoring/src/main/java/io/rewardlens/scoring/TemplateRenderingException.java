package io.rewardlens.scoring;

/**
 * The model's chat template refused or failed to render a conversation (for example Gemma 2's
 * "System role not supported"). The message carries the template's own message; the cause is the
 * template engine's exception.
 */
public final class TemplateRenderingException extends ScoringException {
    /**
     * Creates the exception.
     *
     * @param message the template's error, with the model it belongs to
     * @param cause the template engine's exception
     */
    public TemplateRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
