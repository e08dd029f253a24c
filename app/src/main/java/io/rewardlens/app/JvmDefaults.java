package io.rewardlens.app;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM settings RewardLens runs with when the user chose none, and the relaunch that applies
 * them to {@code java -jar rewardlens.jar} (a jar's manifest cannot set JVM options; the
 * installer's launcher passes the same settings itself).
 *
 * <p>The setting is the serial garbage collector. With the JVM's default (G1 on any machine with
 * two cores), a streaming import lets the heap grow towards a quarter of the machine's memory: the
 * short collections of the first second look expensive to G1, it enlarges the heap, and the young
 * generation then moves through freshly committed memory, so an 80k-pair import peaked at 1.0 to
 * 2.6 GB resident although it keeps under 20 MB alive. The serial collector grows the heap only for
 * data that stays alive, so the same import peaks at about 220 MB and runs no slower; nothing caps
 * the heap, so a workbench with large datasets still gets all it needs.
 *
 * <p>The relaunch happens only when all of these hold: the JVM was started with {@code -jar},
 * without any garbage-collector or heap option, without {@code JDK_JAVA_OPTIONS} or {@code
 * JAVA_TOOL_OPTIONS} in the environment, and without {@code REWARDLENS_JVM_DEFAULTS=off}. The first
 * JVM then only waits for the second, which gets the same options and arguments, the same standard
 * streams, and whose exit code it returns; ending the first (Ctrl-C, a plain {@code kill}) ends the
 * second.
 */
final class JvmDefaults {
    /** The options added when the user gave none of {@link #MEMORY_OPTIONS}. */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC");

    /** Marks a JVM started by the relaunch, so that it never relaunches again. */
    static final String RELAUNCHED = "rewardlens.jvm.relaunched";

    /** The environment variable that turns the relaunch off ({@code off}). */
    static final String SWITCH = "REWARDLENS_JVM_DEFAULTS";

    /** Options with which the user chose the collector or the heap: then nothing is added. */
    private static final List<String> MEMORY_OPTIONS =
            List.of(
                    "-Xmx",
                    "-Xms",
                    "-Xmn",
                    "-XX:MaxHeapSize",
                    "-XX:InitialHeapSize",
                    "-XX:MinHeapSize",
                    "-XX:NewSize",
                    "-XX:MaxNewSize",
                    "-XX:MaxRAM",
                    "-XX:InitialRAMPercentage",
                    "-XX:MinRAMPercentage",
                    "-XX:+Use",
                    "-XX:-Use");

    private JvmDefaults() {}

    /**
     * The command that starts RewardLens again with {@link #OPTIONS}, or empty when this JVM should
     * run it itself.
     *
     * @param java the {@code java} executable of this JVM, if known
     * @param jvmArguments this JVM's options ({@code RuntimeMXBean.getInputArguments()})
     * @param classPath this JVM's {@code java.class.path}
     * @param javaCommand this JVM's {@code sun.java.command}: the main class or jar and arguments
     * @param relaunched whether this JVM is a relaunch already
     * @param environment the process environment
     * @param args the command-line arguments
     */
    static Optional<List<String>> relaunchCommand(
            Optional<String> java,
            List<String> jvmArguments,
            String classPath,
            String javaCommand,
            boolean relaunched,
            Map<String, String> environment,
            String[] args) {
        boolean startedFromJar =
                classPath != null
                        && classPath.endsWith(".jar")
                        && !classPath.contains(File.pathSeparator)
                        && javaCommand != null
                        && javaCommand.startsWith(classPath);
        if (relaunched
                || java.isEmpty()
                || !startedFromJar
                || "off".equalsIgnoreCase(environment.get(SWITCH))
                || environment.containsKey("JDK_JAVA_OPTIONS")
                || environment.containsKey("JAVA_TOOL_OPTIONS")
                || choseMemorySettings(jvmArguments)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvmArguments);
        command.addAll(OPTIONS);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-jar");
        command.add(Path.of(classPath).toAbsolutePath().toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** Whether the user chose a garbage collector or a heap size. */
    static boolean choseMemorySettings(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(JvmDefaults::isMemoryOption);
    }

    /** Whether one option sets the heap or picks a collector ({@code -XX:+Use...GC}). */
    private static boolean isMemoryOption(String argument) {
        for (String option : MEMORY_OPTIONS) {
            if (argument.startsWith(option)
                    && (!option.endsWith("Use") || argument.endsWith("GC"))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #relaunchCommand} for this JVM. */
    static Optional<List<String>> relaunchCommand(String[] args) {
        return relaunchCommand(
                ProcessHandle.current().info().command(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"),
                System.getProperty("sun.java.command"),
                Boolean.getBoolean(RELAUNCHED),
                System.getenv(),
                args);
    }

    /**
     * Runs the relaunched JVM to its end.
     *
     * @return its exit code
     * @throws IOException if it cannot be started
     */
    static int run(List<String> command) throws IOException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild =
                new Thread(
                        () -> {
                            if (child.isAlive()) {
                                child.destroy();
                                try {
                                    child.waitFor();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        },
                        "rewardlens-stop-relaunched");
        Runtime.getRuntime().addShutdownHook(stopChild);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Only the shutdown hook ends the wait early; keep waiting for the exit code.
            }
        }
    }
}
