package io.rewardlens.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process that sees one folder as a real read-only file system or as a small disk that
 * fills up, without touching anyone else's view of it: the child gets a mount namespace of its own
 * ({@code unshare --user --map-root-user --mount}), in which the folder is bind-mounted read-only
 * or replaced by a tmpfs of a given size. Nothing needs root, and nothing is left mounted when the
 * child ends; on a kernel without user namespaces {@link #available()} is false.
 */
public final class ConfinedFolders {
    private ConfinedFolders() {}

    /** Whether this machine lets an unprivileged process make its own mount namespace. */
    public static boolean available() {
        try {
            Process probe =
                    new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "true")
                            .redirectErrorStream(true)
                            .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A command that runs with {@code folder} mounted read-only (its content as it is). */
    public static ProcessBuilder readOnly(Path folder, List<String> command) {
        return confined(
                "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\"", folder, command);
    }

    /**
     * A command that runs with {@code folder} replaced by an empty file system of {@code bytes}
     * bytes: writing more than that fails with "no space left on device".
     */
    public static ProcessBuilder smallDisk(Path folder, long bytes, List<String> command) {
        return confined("mount -t tmpfs -o size=" + bytes + " tmpfs \"$1\"", folder, command);
    }

    /** The command that runs a main class in a new JVM with this JVM's runtime and class path. */
    public static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static ProcessBuilder confined(String mount, Path folder, List<String> command) {
        List<String> full = new ArrayList<>();
        full.addAll(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c"));
        full.add(mount + " && shift && exec \"$@\"");
        full.add("sh");
        full.add(folder.toAbsolutePath().toString());
        full.addAll(command);
        return new ProcessBuilder(full);
    }
}
