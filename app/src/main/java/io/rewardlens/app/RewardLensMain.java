package io.rewardlens.app;

import io.rewardlens.app.cli.OpenWithArguments;
import io.rewardlens.app.cli.RewardLensCommand;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Entry point of {@code rewardlens.jar}: the command line, which also launches the workbench. */
public final class RewardLensMain {
    private RewardLensMain() {}

    /**
     * Runs the command line and exits with its exit code; started with {@code java -jar} and no
     * memory options, first starts itself again with RewardLens's JVM defaults ({@link
     * JvmDefaults}).
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        Optional<List<String>> relaunch = JvmDefaults.relaunchCommand(args);
        if (relaunch.isPresent()) {
            try {
                System.exit(JvmDefaults.run(relaunch.get()));
            } catch (IOException e) {
                // The second JVM cannot start (e.g. no process may be started): run in this one.
            }
        }
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int run(String... args) {
        // Nothing is ever downloaded at run time; the CPU build of PyTorch ships in the jar.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // A desktop's "Open with" passes the database file alone.
        return RewardLensCommand.commandLine().execute(OpenWithArguments.rewrite(args));
    }
}
