package io.rewardlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmDefaultsTest {
    private static final Optional<String> JAVA = Optional.of("/opt/java/bin/java");
    private static final String JAR = "/opt/rewardlens/rewardlens.jar";
    private static final String[] ARGS = {"import", "--db", "a b.db", "data.jsonl"};

    private static Optional<List<String>> decide(
            List<String> jvmArguments, Map<String, String> environment) {
        return JvmDefaults.relaunchCommand(
                JAVA,
                jvmArguments,
                JAR,
                JAR + " " + String.join(" ", ARGS),
                false,
                environment,
                ARGS);
    }

    @Test
    void aJarStartedWithoutMemoryOptionsStartsAgainWithTheSerialCollectorAndTheSameArguments() {
        List<String> command = decide(List.of("-Dfoo=bar"), Map.of()).orElseThrow();
        List<String> expected = new ArrayList<>();
        expected.add("/opt/java/bin/java");
        expected.add("-Dfoo=bar");
        expected.add("-XX:+UseSerialGC");
        expected.add("-D" + JvmDefaults.RELAUNCHED + "=true");
        expected.add("-jar");
        expected.add(JAR);
        expected.addAll(Arrays.asList(ARGS));
        assertEquals(expected, command);
    }

    @Test
    void anyCollectorOrHeapChoiceOfTheUserIsLeftAlone() {
        for (String option :
                List.of(
                        "-Xmx2g",
                        "-Xms64m",
                        "-Xmn32m",
                        "-XX:MaxHeapSize=1g",
                        "-XX:MaxRAMPercentage=50",
                        "-XX:+UseG1GC",
                        "-XX:+UseZGC",
                        "-XX:-UseSerialGC")) {
            assertTrue(JvmDefaults.choseMemorySettings(List.of(option)), option);
            assertEquals(Optional.empty(), decide(List.of(option), Map.of()), option);
        }
        assertFalse(JvmDefaults.choseMemorySettings(List.of("-XX:+UseCompressedOops", "-ea")));
    }

    @Test
    void noRelaunchWhenSwitchedOffTunedByTheEnvironmentAlreadyRelaunchedOrNotAJar() {
        assertEquals(Optional.empty(), decide(List.of(), Map.of(JvmDefaults.SWITCH, "off")), "off");
        assertEquals(
                Optional.empty(),
                decide(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss4m")),
                "JDK_JAVA_OPTIONS");
        assertEquals(
                Optional.empty(),
                decide(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xss4m")),
                "JAVA_TOOL_OPTIONS");
        assertEquals(
                Optional.empty(),
                JvmDefaults.relaunchCommand(JAVA, List.of(), JAR, JAR, true, Map.of(), ARGS),
                "relaunched");
        assertEquals(
                Optional.empty(),
                JvmDefaults.relaunchCommand(
                        JAVA,
                        List.of(),
                        "classes" + File.pathSeparator + "lib/x.jar",
                        RewardLensMain.class.getName(),
                        false,
                        Map.of(),
                        ARGS),
                "a class path");
        assertEquals(
                Optional.empty(),
                JvmDefaults.relaunchCommand(
                        Optional.empty(), List.of(), JAR, JAR, false, Map.of(), ARGS),
                "no java executable known");
    }

    /**
     * The real thing: {@code java -jar} on a jar whose manifest points at this build's classes.
     * Started plainly, RewardLens runs in a second JVM with the serial collector, passes its output
     * through and returns its exit code; with a heap option of the user's it runs as started.
     */
    @Test
    void javaDashJarRunsWithTheDefaultsAndKeepsExitCodesAndOutput(@TempDir Path dir)
            throws Exception {
        Path jar = launcherJar(dir);
        Run plain = java(dir, List.of("-jar", jar.toString(), "--version"), Map.of());
        assertEquals(0, plain.exit(), plain.output());
        assertTrue(plain.output().contains("Serial garbage collector"), plain.output());

        Run chosen = java(dir, List.of("-Xmx300m", "-jar", jar.toString(), "--version"), Map.of());
        assertEquals(0, chosen.exit(), chosen.output());
        assertTrue(chosen.output().contains("heap up to 300 MiB"), chosen.output());

        Run failing =
                java(dir, List.of("-jar", jar.toString(), "stats", "--db", "missing.db"), Map.of());
        assertEquals(2, failing.exit(), failing.output());
        assertTrue(failing.output().startsWith("rewardlens: "), failing.output());
        assertEquals(1, failing.output().lines().count(), failing.output());
    }

    private record Run(int exit, String output) {}

    private static Run java(Path dir, List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove(JvmDefaults.SWITCH);
        builder.environment().putAll(environment);
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "still running: " + output);
        return new Run(process.exitValue(), output);
    }

    /** An empty jar whose manifest starts RewardLens from this test's class path. */
    private static Path launcherJar(Path dir) throws IOException {
        String classPath =
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(Path::of)
                        .map(Path::toAbsolutePath)
                        .map(p -> p.toUri().getRawPath())
                        .collect(Collectors.joining(" "));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes()
                .put(Attributes.Name.MAIN_CLASS, RewardLensMain.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = dir.resolve("rewardlens-test.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            // The manifest is all the jar holds.
            new JarOutputStream(out, manifest).close();
        }
        return jar;
    }
}
