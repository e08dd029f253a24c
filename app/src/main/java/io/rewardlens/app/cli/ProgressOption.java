package io.rewardlens.app.cli;

import picocli.CommandLine.Option;

/** The {@code --progress/--no-progress} option of the commands with long jobs. */
final class ProgressOption {
    @Option(
            names = "--progress",
            negatable = true,
            description =
                    "Draw a progress bar on standard error (default: only when it is a"
                            + " terminal).")
    Boolean show;

    boolean enabled() {
        return show != null ? show : ConsoleProgress.interactive();
    }
}
