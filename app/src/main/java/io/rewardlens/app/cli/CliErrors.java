package io.rewardlens.app.cli;

import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one clear line on standard error and exit code 1 (full
 * stack trace with {@code -Drewardlens.debug=true}), instead of a stack dump.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    /** Exit code of a command that failed. */
    public static final int FAILED = 1;

    @Override
    public int handleExecutionException(
            Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("rewardlens: " + describe(error));
        if (Boolean.getBoolean("rewardlens.debug")) {
            error.printStackTrace(commandLine.getErr());
        }
        return FAILED;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        Throwable cause = error.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
