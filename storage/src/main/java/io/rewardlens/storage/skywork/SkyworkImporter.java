package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.PairImport;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.formats.PreferenceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a preference file, or several in order, into a new dataset of a store: Skywork's layout
 * or any other {@link PreferenceFormat} (detected from each file's first record unless given), in
 * JSONL, gzipped JSONL, a JSON array or Parquet. JSONL and Parquet are streamed, never loaded
 * whole; every record is split into shared prompt turns and the two final turns ({@link
 * PreferencePair#fromConversations}); verdicts that came with a record (Argilla, Label Studio) are
 * stored as its pair's annotations.
 *
 * <p>The import is one transaction. By default the first bad record refuses the whole import and
 * the store is left unchanged; with {@link ImportOptions#skipInvalid()} the valid records are
 * stored and every bad one is reported. Blank lines, a UTF-8 byte-order mark and CRLF line ends are
 * accepted.
 */
public final class SkyworkImporter {
    /** Progress is reported about every this many records. */
    private static final int PROGRESS_EVERY = 512;

    private SkyworkImporter() {}

    /**
     * Imports {@code file} into a new dataset.
     *
     * @param store the store to import into
     * @param file the input file
     * @param options dataset name, file type and bad-input policy
     * @param progress receives bytes read (JSONL) or records read (Parquet) of the total
     * @return what was imported and skipped
     * @throws ImportRefusedException for bad input (the message names file, line and field); the
     *     store is unchanged
     * @throws io.rewardlens.storage.DatasetExistsException if the dataset name is taken
     * @throws IOException if the file cannot be read
     */
    public static ImportReport importFile(
            PreferenceStore store, Path file, ImportOptions options, ProgressListener progress)
            throws IOException, ImportRefusedException {
        return importFiles(store, List.of(file), options, progress).get(0);
    }

    /**
     * Imports several files, in order, into one new dataset (e.g. the shards of a Hub dataset), in
     * one transaction: a bad record in any of them refuses them all. Import positions continue from
     * file to file, so the dataset keeps the files' order.
     *
     * @param store the store to import into
     * @param files the input files, at least one
     * @param options dataset name, file type and bad-input policy
     * @param progress receives each file's progress (bytes or records of that file's total)
     * @return what was imported and skipped, one report per file
     * @throws ImportRefusedException for bad input (the message names file, line and field); the
     *     store is unchanged
     * @throws io.rewardlens.storage.DatasetExistsException if the dataset name is taken
     * @throws IOException if a file cannot be read
     */
    public static List<ImportReport> importFiles(
            PreferenceStore store,
            List<Path> files,
            ImportOptions options,
            ProgressListener progress)
            throws IOException, ImportRefusedException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to import");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ImportRefusedException(RecordProblem.ofFile(file, "no such file"));
            }
        }
        String origin =
                String.join(", ", files.stream().map(f -> f.toAbsolutePath().toString()).toList());
        List<ImportReport> reports = new ArrayList<>();
        try (PairImport target = store.beginImport(options.dataset(), origin)) {
            long positionBefore = 0;
            for (Path file : files) {
                FileImport done = importInto(target, file, positionBefore, options, progress);
                reports.add(done.report());
                positionBefore = done.lastPosition();
            }
            target.commit();
        }
        return reports;
    }

    /** A file's report and the last import position it used. */
    private record FileImport(ImportReport report, long lastPosition) {}

    private static FileImport importInto(
            PairImport target,
            Path file,
            long positionBefore,
            ImportOptions options,
            ProgressListener progress)
            throws IOException, ImportRefusedException {
        long started = System.nanoTime();
        SkyworkFileType type =
                options.fileType() != null ? options.fileType() : SkyworkFileType.detect(file);
        String message = "importing " + file.getFileName();
        List<RecordProblem> skipped = new ArrayList<>();
        long diverging = 0;
        long verdicts = 0;
        long addedBefore = target.added();
        PreferenceFormat.Detection layout =
                options.format() != null
                        ? new PreferenceFormat.Detection(options.format(), null)
                        : detectLayout(file, type);
        try (RecordSource source = open(file, type, layout.format())) {
            progress.progress(0, source.total(), message);
            long records = 0;
            long lastPosition = positionBefore;
            while (source.next()) {
                lastPosition = positionBefore + source.position();
                RecordProblem problem =
                        source.problem() != null
                                ? source.problem()
                                : PreferenceShape.problem(file, source);
                if (problem != null) {
                    if (!options.skipInvalid()) {
                        throw new ImportRefusedException(problem);
                    }
                    skipped.add(problem);
                } else {
                    PreferencePair pair = source.record().toPair(lastPosition);
                    if (pair.diverging()) {
                        diverging++;
                    }
                    target.add(pair, source.verdicts());
                    verdicts += source.verdicts().size();
                }
                if (++records % PROGRESS_EVERY == 0) {
                    progress.progress(source.done(), source.total(), message);
                }
            }
            long added = target.added() - addedBefore;
            if (added == 0) {
                throw new ImportRefusedException(
                        RecordProblem.ofFile(
                                file,
                                skipped.isEmpty()
                                        ? "the file holds no records"
                                        : "none of its %d records is valid (first: %s)"
                                                .formatted(skipped.size(), skipped.get(0))));
            }
            progress.progress(source.total(), source.total(), message);
            ImportReport report =
                    new ImportReport(
                            options.dataset(),
                            file,
                            type,
                            layout.format(),
                            layout.because(),
                            added,
                            diverging,
                            source.blankLines(),
                            skipped,
                            verdicts,
                            Duration.ofNanos(System.nanoTime() - started));
            return new FileImport(report, lastPosition);
        }
    }

    /**
     * The source of a file's pairs. Skywork JSONL and Parquet with exactly the Hub's Skywork
     * columns take the streaming Skywork reader, a few batches ahead on a second thread; other
     * layouts, JSON arrays and Parquet with more columns are read as JSON objects and mapped, every
     * field kept.
     */
    private static RecordSource open(Path file, SkyworkFileType type, PreferenceFormat format)
            throws IOException, ImportRefusedException {
        if (format == PreferenceFormat.SKYWORK) {
            switch (type) {
                case JSONL, JSONL_GZIP:
                    return new PrefetchingRecordSource(new JsonlRecordSource(file, type.gzipped()));
                case PARQUET:
                    if (ParquetRecordSource.holdsOnlySkyworkColumns(file)) {
                        return new PrefetchingRecordSource(new ParquetRecordSource(file));
                    }
                    break; // other columns: the general reader keeps them
                default:
                    break;
            }
        }
        return new LayoutRecordSource(objects(file, type), format);
    }

    private static ObjectSource objects(Path file, SkyworkFileType type)
            throws IOException, ImportRefusedException {
        return switch (type) {
            case JSONL, JSONL_GZIP -> new JsonLinesObjects(file, type.gzipped());
            case JSON, JSON_GZIP -> new JsonArrayObjects(file, type.gzipped());
            case PARQUET -> new ParquetObjects(file);
        };
    }

    /** How many records detection reads past, at most, looking for one it can judge. */
    private static final int DETECTION_LOOKS_AT = 64;

    /**
     * The layout of a file, judged by its first readable record. A file whose first records are all
     * unreadable, or fit no layout, is read as Skywork's, whose errors then name the bad record and
     * list the layouts there are.
     */
    private static PreferenceFormat.Detection detectLayout(Path file, SkyworkFileType type)
            throws IOException, ImportRefusedException {
        if (type == SkyworkFileType.PARQUET && ParquetRecordSource.holdsOnlySkyworkColumns(file)) {
            // Decided by the schema: no row group is read twice.
            return new PreferenceFormat.Detection(
                    PreferenceFormat.SKYWORK, "the Hub's Skywork Parquet columns");
        }
        if (type == SkyworkFileType.JSON || type == SkyworkFileType.JSON_GZIP) {
            // Only the first record: the whole array is read once, by the import itself.
            ObjectNode first = JsonArrayObjects.firstObject(file, type.gzipped());
            PreferenceFormat.Detection detected =
                    first == null ? null : PreferenceFormat.detect(first);
            return detected != null ? detected : fallbackToSkywork();
        }
        try (ObjectSource records = objects(file, type)) {
            for (int looked = 0; looked < DETECTION_LOOKS_AT && records.next(); looked++) {
                if (records.object() != null) {
                    PreferenceFormat.Detection detected = PreferenceFormat.detect(records.object());
                    if (detected != null) {
                        return detected;
                    }
                    break;
                }
            }
        }
        return fallbackToSkywork();
    }

    private static PreferenceFormat.Detection fallbackToSkywork() {
        return new PreferenceFormat.Detection(
                PreferenceFormat.SKYWORK, "no other layout fits its first record");
    }
}
