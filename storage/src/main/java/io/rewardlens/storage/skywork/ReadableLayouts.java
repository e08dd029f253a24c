package io.rewardlens.storage.skywork;

import java.util.List;

/**
 * The record layouts the importer reads, named in the error about a record (or Parquet file) laid
 * out some other way, so the user learns what would work rather than only what did not.
 */
final class ReadableLayouts {
    /** One entry per layout the importer reads; a new reader adds its own. */
    static final List<String> LAYOUTS =
            List.of(
                    "Skywork preference pairs, where \"chosen\" and \"rejected\" are lists of"
                            + " {\"role\", \"content\"} messages (\"source\" optional)");

    private ReadableLayouts() {}

    /** The sentence added to a layout error, starting with "; ". */
    static String hint() {
        return (LAYOUTS.size() == 1
                        ? "; RewardLens reads one layout: "
                        : "; RewardLens reads these layouts: ")
                + String.join("; ", LAYOUTS);
    }
}
