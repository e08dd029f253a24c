package io.rewardlens.app.cli;

import io.rewardlens.sampledata.SampleData;
import io.rewardlens.sampledata.SkyworkPairGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rewardlens generate}: Skywork-shaped test files, or the hand-written sample pairs. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write test data: generated Skywork pairs, the sample pairs, or the demo model.",
            "By default a deterministic Skywork-shaped JSONL file (.gz when OUT ends in .gz) with a"
                    + " realistic length distribution, for benchmarks and tests; with --samples,"
                    + " the 64 hand-written sample pairs; with --demo-model, the demo model bundle"
                    + " (tiny random weights) into the folder OUT.",
        })
public final class GenerateCommand implements Callable<Integer> {
    @Mixin ProgressOption progress;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--pairs",
            defaultValue = "80000",
            paramLabel = "N",
            description = "How many pairs (default 80000).")
    long pairs;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description = "Seed; the same seed gives the same file.")
    long seed;

    @Option(names = "--samples", description = "Write the hand-written sample pairs instead.")
    boolean samples;

    @Option(
            names = "--demo-model",
            description = "Unpack the demo model bundle into the folder OUT instead.")
    boolean demoModel;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (demoModel) {
            Path folder = SampleData.installDemoModel(out);
            spec.commandLine().getOut().printf("%s: the demo model bundle%n", folder);
            return 0;
        }
        if (samples) {
            SampleData.writeSamplePairs(out);
            spec.commandLine().getOut().printf("%s: the sample pairs%n", out);
            return 0;
        }
        try (ConsoleProgress bar =
                ConsoleProgress.start("generate", " pairs", progress.enabled())) {
            SkyworkPairGenerator.write(out, pairs, seed, done -> bar.progress(done, pairs, ""));
        }
        spec.commandLine()
                .getOut()
                .printf("%s: %s (seed %d)%n", out, Plural.of(pairs, "pair"), seed);
        return 0;
    }
}
