package io.rewardlens.app.cli;

/**
 * What the user gave cannot be used (a missing file, a folder that is not a model bundle, a dataset
 * name that is taken, a missing database): {@link CliErrors} reports it as one line and exit code
 * {@value CliErrors#REFUSED}, and nothing has been changed.
 */
final class RefusedInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedInputException(String message) {
        super(message);
    }

    RefusedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
