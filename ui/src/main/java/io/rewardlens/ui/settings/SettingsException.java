package io.rewardlens.ui.settings;

/** A settings file that exists but cannot be read, with a message naming the file and place. */
public final class SettingsException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file
     * @param cause the underlying error
     */
    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
