package io.rewardlens.app.cli;

import io.rewardlens.storage.ToolVersion;
import picocli.CommandLine;

/** Prints the RewardLens version for {@code --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"RewardLens " + ToolVersion.current()};
    }
}
