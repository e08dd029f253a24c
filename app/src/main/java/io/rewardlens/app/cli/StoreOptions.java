package io.rewardlens.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that works on a store. */
final class StoreOptions {
    @Option(
            names = "--db",
            required = true,
            paramLabel = "FILE",
            description = "The RewardLens SQLite database file (import creates it when missing).")
    Path database;
}
