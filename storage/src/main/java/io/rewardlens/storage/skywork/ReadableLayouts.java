package io.rewardlens.storage.skywork;

import io.rewardlens.storage.formats.PreferenceFormat;

/**
 * The record layouts the importer reads, named in the error about a record (or Parquet file) laid
 * out some other way, so the user learns what would work rather than only what did not.
 */
final class ReadableLayouts {
    private ReadableLayouts() {}

    /** The sentence added to a layout error, starting with "; ". */
    static String hint() {
        return "; RewardLens reads these layouts (pick one with --format, or let auto detect it): "
                + PreferenceFormat.describeAll();
    }
}
