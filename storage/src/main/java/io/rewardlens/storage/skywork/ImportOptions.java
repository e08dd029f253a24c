package io.rewardlens.storage.skywork;

import io.rewardlens.storage.formats.PreferenceFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to import a preference file.
 *
 * @param dataset the name of the new dataset
 * @param fileType the container, or null to detect it from the file's first bytes
 * @param skipInvalid false (default): refuse the whole import at the first bad record; true: import
 *     the valid records and report every skipped one
 * @param format the records' layout, or null to detect it from each file's first record
 */
public record ImportOptions(
        String dataset, SkyworkFileType fileType, boolean skipInvalid, PreferenceFormat format) {
    /** Rejects a blank dataset name. */
    public ImportOptions {
        Objects.requireNonNull(dataset, "dataset");
        if (dataset.isBlank()) {
            throw new IllegalArgumentException("the dataset name must not be blank");
        }
    }

    /** Import into a dataset of this name, detecting the file type, refusing bad input. */
    public static ImportOptions intoDataset(String dataset) {
        return new ImportOptions(dataset, null, false, null);
    }

    /** Import into a dataset named after the file ({@link #datasetNameFor(Path)}). */
    public static ImportOptions forFile(Path file) {
        return intoDataset(datasetNameFor(file));
    }

    /** The same options with a fixed file type (null: detect). */
    public ImportOptions withFileType(SkyworkFileType type) {
        return new ImportOptions(dataset, type, skipInvalid, format);
    }

    /** The same options, skipping (true) or refusing (false) bad records. */
    public ImportOptions withSkipInvalid(boolean skip) {
        return new ImportOptions(dataset, fileType, skip, format);
    }

    /** The same options with a fixed layout (null: detect it per file). */
    public ImportOptions withFormat(PreferenceFormat layout) {
        return new ImportOptions(dataset, fileType, skipInvalid, layout);
    }

    /**
     * A dataset name from a file name: the name without {@code .jsonl}, {@code .json}, {@code .gz},
     * {@code .parquet} endings, e.g. {@code train-00000-of-00001} for {@code
     * train-00000-of-00001.parquet}.
     */
    public static String datasetNameFor(Path file) {
        String name = String.valueOf(file.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : new String[] {".gz", ".jsonl", ".json", ".parquet"}) {
            if (lower.endsWith(ending) && lower.length() > ending.length()) {
                name = name.substring(0, name.length() - ending.length());
                lower = lower.substring(0, lower.length() - ending.length());
            }
        }
        return name;
    }
}
