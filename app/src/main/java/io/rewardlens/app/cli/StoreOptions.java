package io.rewardlens.app.cli;

import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoreBusyException;
import io.rewardlens.storage.StoreException;
import java.nio.file.Files;
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

    /**
     * Opens the database, which must exist.
     *
     * @throws RefusedInputException when there is no such file, it is a folder, or it is not a
     *     RewardLens store
     */
    PreferenceStore openExisting() {
        if (Files.isDirectory(database)) {
            throw new RefusedInputException(isAFolder());
        }
        if (!Files.exists(database)) {
            throw new RefusedInputException(
                    "no database " + database + " (rewardlens import --db FILE creates one)");
        }
        return open();
    }

    /**
     * Opens the database, creating it when missing.
     *
     * @throws RefusedInputException when it is a folder, its folder does not exist, or it is not a
     *     RewardLens store
     */
    PreferenceStore openOrCreate() {
        if (Files.isDirectory(database)) {
            throw new RefusedInputException(isAFolder());
        }
        return open();
    }

    private String isAFolder() {
        return "--db " + database + " is a folder, not a database file";
    }

    private PreferenceStore open() {
        try {
            return PreferenceStore.open(database);
        } catch (StoreBusyException busy) {
            throw busy;
        } catch (StoreException refused) {
            // The file is not one we can use: not SQLite, a newer schema, a missing folder.
            throw new RefusedInputException(refused.getMessage(), refused.getCause());
        }
    }
}
