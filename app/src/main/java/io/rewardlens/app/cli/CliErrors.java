package io.rewardlens.app.cli;

import io.rewardlens.storage.StoreReadOnlyException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one voice of the command line's errors: every problem is one line on standard error starting
 * {@code rewardlens:}, with exit code {@value #REFUSED} for bad usage or refused input and {@value
 * #FAILED} for a command that failed (full stack trace with {@code -Drewardlens.debug=true}). The
 * usage text is printed only when a command that needs arguments got none.
 */
public final class CliErrors
        implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** Exit code of a command that failed. */
    public static final int FAILED = 1;

    /** Exit code of bad usage or refused input. */
    public static final int REFUSED = 2;

    /** Prefix of every error line. */
    static final String PREFIX = "rewardlens: ";

    @Override
    public int handleExecutionException(
            Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(PREFIX + describe(error));
        if (Boolean.getBoolean("rewardlens.debug")) {
            error.printStackTrace(err);
        }
        err.flush();
        // A read-only database refuses the command before anything changes, like bad input.
        return error instanceof RefusedInputException || error instanceof StoreReadOnlyException
                ? REFUSED
                : FAILED;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName();
        boolean noArguments = args.length == 0 || isOnlyTheCommand(commandLine, args);
        if (noArguments) {
            commandLine.usage(err);
        }
        String message = error.getMessage();
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        if (error instanceof CommandLine.MissingParameterException
                && parsed != null
                && !parsed.unmatched().isEmpty()) {
            // An unknown option is the mistake to name, not the required one it hid.
            message = "Unknown option or argument: '" + parsed.unmatched().get(0) + "'";
        }
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String suggestion = String.join(", ", unmatched.getSuggestions());
            if (!suggestion.isEmpty()) {
                message += " (did you mean " + suggestion + "?)";
            }
        }
        err.println(PREFIX + message + "; see '" + command + " --help'");
        err.flush();
        return REFUSED;
    }

    /** Whether the arguments are only the names of the commands leading to this one. */
    private static boolean isOnlyTheCommand(CommandLine commandLine, String[] args) {
        int depth = 0;
        for (CommandLine c = commandLine; c.getParent() != null; c = c.getParent()) {
            depth++;
        }
        return args.length <= depth;
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
        return message.replace('\n', ' ');
    }
}
