package io.rewardlens.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the real command line in this JVM and keeps what it printed. */
final class Cli {
    /** Exit code and output of one run. */
    record Result(int exit, String out, String err) {}

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RewardLensCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The repository's fixtures folder, given by the build. */
    static Path fixtures() {
        return Path.of(System.getProperty("rewardlens.fixtures"));
    }
}
