package io.rewardlens.app.cli;

import io.rewardlens.storage.ToolVersion;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import picocli.CommandLine;

/**
 * Prints the RewardLens version for {@code --version}, and the Java runtime it runs on with its
 * garbage collector and heap limit.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "RewardLens " + ToolVersion.current(),
            "Java %s (%s), %s garbage collector, heap up to %d MiB"
                    .formatted(
                            Runtime.version(),
                            System.getProperty("java.vm.vendor"),
                            collector(),
                            Runtime.getRuntime().maxMemory() >> 20)
        };
    }

    /** This JVM's garbage collector: {@code Serial}, {@code G1}, {@code Parallel} or as named. */
    static String collector() {
        List<String> names =
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList();
        if (names.stream().anyMatch(n -> n.startsWith("G1"))) {
            return "G1";
        }
        if (names.contains("Copy") || names.contains("MarkSweepCompact")) {
            return "Serial";
        }
        if (names.stream().anyMatch(n -> n.startsWith("PS "))) {
            return "Parallel";
        }
        return String.join(" + ", names);
    }
}
