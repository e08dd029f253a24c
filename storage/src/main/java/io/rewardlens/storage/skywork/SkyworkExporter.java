package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.AnnotationState;
import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PairDetails;
import io.rewardlens.storage.PairFilter;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.ScoreAgreement;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreException;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.ToolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Exports curated pairs of a store in a record layout ({@link ExportLayout}: Skywork, TRL, OpenAI
 * DPO, RewardBench) as JSONL ({@code .jsonl}, {@code .jsonl.gz}) or as Parquet (the Hub's schema
 * for Skywork), and writes a provenance sidecar {@code <output>.meta.json} (filters, counts of
 * exported and left-out pairs with reasons, annotators, models, tool version, time).
 *
 * <p>Pairs are streamed from one snapshot of the store in import order; the output appears under
 * its name only once complete (it is written to a temporary file first). Exporting an unannotated
 * dataset with the default options reproduces the imported records: same messages in the same
 * order, same source. Pairs the layout cannot hold are left out and counted under their reason.
 */
public final class SkyworkExporter {
    private static final int PROGRESS_EVERY = 512;

    private SkyworkExporter() {}

    /**
     * Exports pairs to {@code output}.
     *
     * @param store the store to read
     * @param output the file to write (replaced if it exists)
     * @param options filters, orientation and container
     * @param progress receives pairs looked at out of those selected by dataset and source
     * @return counts and where everything was written
     * @throws StoreException if a named dataset or the model does not exist
     * @throws IOException if the output cannot be written
     */
    public static ExportReport export(
            PreferenceStore store, Path output, ExportOptions options, ProgressListener progress)
            throws IOException {
        long started = System.nanoTime();
        PairFilter filter = options.pairs();
        for (String dataset : filter.datasets()) {
            if (store.dataset(dataset).isEmpty()) {
                throw new StoreException("no dataset named '" + dataset + "'");
            }
        }
        Optional<StoredModel> model = Optional.empty();
        if (filter.modelId() != null) {
            model = store.model(filter.modelId());
            if (model.isEmpty()) {
                throw new StoreException("no model with id " + filter.modelId());
            }
        }
        SkyworkFileType type =
                options.fileType() != null
                        ? options.fileType()
                        : SkyworkFileType.fromFileName(output);

        long considered =
                store.countPairs(
                        PairQuery.all()
                                .withFilter(
                                        PairFilter.all()
                                                .withDatasets(filter.datasets())
                                                .withSources(filter.sources())));
        // The score criteria are checked pair by pair: they depend on the orientation, and each
        // pair left out by them is counted under its reason.
        PairFilter streamed = filter.withoutScoreCriteria();
        if (options.needsVerdict()) {
            streamed = streamed.withAnnotation(AnnotationState.ANNOTATED);
        }
        PairQuery query = PairQuery.all().withFilter(streamed);
        Map<LeftOutReason, Long> leftOut = new EnumMap<>(LeftOutReason.class);
        long notStreamed = considered - store.countPairs(query);
        if (notStreamed > 0) {
            leftOut.put(
                    streamed.annotation() == AnnotationState.UNANNOTATED
                            ? LeftOutReason.ANNOTATED
                            : LeftOutReason.NOT_ANNOTATED,
                    notStreamed);
        }

        Path absolute = output.toAbsolutePath();
        Path partial = partialFileFor(absolute);
        SortedSet<String> annotators = new TreeSet<>();
        long[] exported = {0};
        long[] seen = {0};
        String message = "exporting to " + absolute.getFileName();
        try {
            try (RecordWriter writer =
                    new BackgroundRecordWriter(openWriter(partial, type, options.layout()))) {
                progress.progress(0, considered, message);
                store.forEachPairWithDetails(
                        query,
                        filter.modelId(),
                        details -> {
                            LeftOutReason reason =
                                    writeIfWanted(details, options, writer, annotators);
                            if (reason == null) {
                                exported[0]++;
                            } else {
                                leftOut.merge(reason, 1L, Long::sum);
                            }
                            if (++seen[0] % PROGRESS_EVERY == 0) {
                                progress.progress(seen[0], considered, message);
                            }
                        });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            moveIntoPlace(partial, absolute);
        } finally {
            Files.deleteIfExists(partial);
        }
        progress.progress(considered, considered, message);

        Path sidecar = absolute.resolveSibling(absolute.getFileName() + ".meta.json");
        writeSidecar(
                sidecar,
                store,
                absolute,
                type,
                options,
                considered,
                exported[0],
                leftOut,
                annotators,
                model);
        return new ExportReport(
                absolute,
                sidecar,
                type,
                options.layout(),
                considered,
                exported[0],
                leftOut,
                annotators,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static RecordWriter openWriter(Path file, SkyworkFileType type, ExportLayout layout)
            throws IOException {
        return switch (type) {
            case JSONL -> new JsonlRecordWriter(file, false, layout);
            case JSONL_GZIP -> new JsonlRecordWriter(file, true, layout);
            case PARQUET -> new ParquetRecordWriter(file, layout);
            case JSON, JSON_GZIP ->
                    throw new IllegalArgumentException(
                            "exports are JSON lines or Parquet, not " + type.label());
        };
    }

    /** What the humans said about a pair, all selected annotators taken together. */
    private enum HumanOutcome {
        NONE,
        SKIPPED,
        CONFLICT,
        TIE,
        BOTH_BAD,
        PREFERS_CHOSEN,
        PREFERS_REJECTED
    }

    /**
     * A pair's verdict resolved for the team: the adjudicator's (when asked and given, not a skip),
     * else the one most frequent verdict of the other selected annotators; {@link
     * HumanOutcome#CONFLICT} when two are equally frequent.
     */
    private static HumanOutcome resolved(
            List<StoredAnnotation> annotations, Set<String> who, boolean adjudicated) {
        Map<HumanOutcome, Integer> counts = new EnumMap<>(HumanOutcome.class);
        boolean any = false;
        for (StoredAnnotation stored : annotations) {
            Annotation annotation = stored.annotation();
            HumanOutcome one = outcome(List.of(stored), Set.of());
            if (annotation.annotator().equals(Annotation.ADJUDICATOR)) {
                if (adjudicated && one != HumanOutcome.SKIPPED) {
                    return one;
                }
                continue;
            }
            if (!who.isEmpty() && !who.contains(annotation.annotator())) {
                continue;
            }
            any = true;
            if (one != HumanOutcome.SKIPPED) {
                counts.merge(one, 1, Integer::sum);
            }
        }
        if (!any) {
            return HumanOutcome.NONE;
        }
        if (counts.isEmpty()) {
            return HumanOutcome.SKIPPED;
        }
        int most = counts.values().stream().max(Integer::compare).orElseThrow();
        List<HumanOutcome> top =
                counts.entrySet().stream()
                        .filter(e -> e.getValue() == most)
                        .map(Map.Entry::getKey)
                        .toList();
        return top.size() == 1 ? top.get(0) : HumanOutcome.CONFLICT;
    }

    private static HumanOutcome outcome(List<StoredAnnotation> annotations, Set<String> who) {
        boolean any = false;
        Set<HumanOutcome> verdicts = new HashSet<>();
        for (StoredAnnotation stored : annotations) {
            if (!who.isEmpty() && !who.contains(stored.annotation().annotator())) {
                continue;
            }
            any = true;
            switch (stored.annotation().verdict()) {
                case SKIP -> {}
                case TIE -> verdicts.add(HumanOutcome.TIE);
                case BOTH_BAD -> verdicts.add(HumanOutcome.BOTH_BAD);
                case A_BETTER, B_BETTER ->
                        verdicts.add(
                                stored.annotation().preferredSide().orElseThrow() == Side.CHOSEN
                                        ? HumanOutcome.PREFERS_CHOSEN
                                        : HumanOutcome.PREFERS_REJECTED);
            }
        }
        if (!any) {
            return HumanOutcome.NONE;
        }
        if (verdicts.isEmpty()) {
            return HumanOutcome.SKIPPED;
        }
        return verdicts.size() == 1 ? verdicts.iterator().next() : HumanOutcome.CONFLICT;
    }

    /** Writes the pair if the options keep it; otherwise says why not. */
    private static LeftOutReason writeIfWanted(
            PairDetails details,
            ExportOptions options,
            RecordWriter writer,
            Set<String> annotators) {
        PairFilter filter = options.pairs();
        HumanOutcome human =
                switch (options.orientation()) {
                    case MAJORITY -> resolved(details.annotations(), filter.annotators(), false);
                    case ADJUDICATED -> resolved(details.annotations(), filter.annotators(), true);
                    default -> outcome(details.annotations(), filter.annotators());
                };
        // A pair without a verdict by the selected annotators never gets here when one is needed:
        // the store query asked for annotated pairs.
        if (options.needsVerdict() && human == HumanOutcome.SKIPPED && !options.includeSkipped()) {
            return LeftOutReason.SKIPPED;
        }
        Side preferred = Side.CHOSEN;
        if (options.orientation().byVerdicts()) {
            switch (human) {
                case PREFERS_CHOSEN -> preferred = Side.CHOSEN;
                case PREFERS_REJECTED -> preferred = Side.REJECTED;
                case TIE -> {
                    if (!options.includeTies()) {
                        return LeftOutReason.TIE;
                    }
                }
                case BOTH_BAD -> {
                    if (!options.includeBothBad()) {
                        return LeftOutReason.BOTH_BAD;
                    }
                }
                case CONFLICT -> {
                    return options.orientation() == Orientation.HUMAN_VERDICT
                            ? LeftOutReason.ANNOTATORS_DISAGREE
                            : LeftOutReason.NO_MAJORITY;
                }
                case NONE, SKIPPED -> {}
            }
        }
        if (filter.filtersByScore()) {
            Optional<PairScore> score = details.score();
            if (score.isEmpty()) {
                return LeftOutReason.NOT_SCORED;
            }
            double margin = score.get().score(preferred) - score.get().score(preferred.other());
            if (Math.abs(margin) < filter.minAbsMargin()) {
                return LeftOutReason.MARGIN_TOO_SMALL;
            }
            if (filter.agreement() == ScoreAgreement.AGREES && !(margin > 0)) {
                return LeftOutReason.MODEL_DOES_NOT_AGREE;
            }
            if (filter.agreement() == ScoreAgreement.DISAGREES && !(margin < 0)) {
                return LeftOutReason.MODEL_DOES_NOT_DISAGREE;
            }
        }
        ExportedPair exported = new ExportedPair(details.pair().pair(), preferred);
        LeftOutReason refusal = LayoutRules.refusal(options.layout(), exported);
        if (refusal != null) {
            return refusal;
        }
        try {
            writer.write(exported);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (StoredAnnotation stored : details.annotations()) {
            String annotator = stored.annotation().annotator();
            if (filter.annotators().isEmpty() || filter.annotators().contains(annotator)) {
                annotators.add(annotator);
            }
        }
        return null;
    }

    private static void moveIntoPlace(Path partial, Path output) throws IOException {
        try {
            Files.move(
                    partial,
                    output,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeSidecar(
            Path sidecar,
            PreferenceStore store,
            Path output,
            SkyworkFileType type,
            ExportOptions options,
            long considered,
            long exported,
            Map<LeftOutReason, Long> leftOut,
            Set<String> annotators,
            Optional<StoredModel> model)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", "RewardLens");
        root.put("toolVersion", ToolVersion.current());
        root.put("exportedAt", Instant.now().toString());
        root.put("output", String.valueOf(output.getFileName()));
        root.put("format", type.label());
        root.put("layout", options.layout().label());
        root.put("store", store.file().toString());

        PairFilter pairs = options.pairs();
        ObjectNode filters = root.putObject("filters");
        stringArray(filters.putArray("datasets"), pairs.datasets());
        stringArray(filters.putArray("sources"), pairs.sources());
        filters.put("annotatedOnly", pairs.annotation() == AnnotationState.ANNOTATED);
        filters.put("annotation", pairs.annotation().name().toLowerCase(Locale.ROOT));
        filters.put("orientation", options.orientation().name().toLowerCase(Locale.ROOT));
        filters.put("includeTies", options.includeTies());
        filters.put("includeBothBad", options.includeBothBad());
        filters.put("includeSkipped", options.includeSkipped());
        stringArray(filters.putArray("annotators"), pairs.annotators());
        if (pairs.modelId() == null) {
            filters.putNull("modelId");
        } else {
            filters.put("modelId", pairs.modelId());
        }
        filters.put("minAbsMargin", pairs.minAbsMargin());
        filters.put("modelAgreement", pairs.agreement().name().toLowerCase(Locale.ROOT));

        ObjectNode counts = root.putObject("counts");
        counts.put("considered", considered);
        counts.put("exported", exported);
        ObjectNode left = counts.putObject("leftOut");
        for (Map.Entry<LeftOutReason, Long> entry : new EnumMap<>(leftOut).entrySet()) {
            ObjectNode reason = left.putObject(entry.getKey().name().toLowerCase(Locale.ROOT));
            reason.put("count", entry.getValue());
            reason.put("why", entry.getKey().description());
        }

        ArrayNode datasets = root.putArray("datasets");
        for (DatasetSummary dataset : store.datasets()) {
            if (pairs.datasets().isEmpty() || pairs.datasets().contains(dataset.name())) {
                ObjectNode node = datasets.addObject();
                node.put("name", dataset.name());
                node.put("origin", dataset.origin());
                node.put("pairs", dataset.pairs());
            }
        }
        stringArray(root.putArray("annotators"), annotators);
        ArrayNode models = root.putArray("models");
        model.ifPresent(
                m -> {
                    ObjectNode node = models.addObject();
                    node.put("id", m.id());
                    node.put("name", m.info().name());
                    node.put("bundleHash", m.info().bundleHash());
                    node.put("dtype", m.info().dtype());
                    node.put("device", m.info().device());
                    node.put("engineVersion", m.info().engineVersion());
                    node.put("templateHash", m.info().templateHash());
                });

        Path partial = partialFileFor(sidecar);
        try {
            mapper.writeValue(partial.toFile(), root);
            moveIntoPlace(partial, sidecar);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * A new empty file next to {@code target} to write it in before it is moved into place, with
     * the permissions any new file gets there (the umask's; a temporary file's would be
     * owner-only).
     */
    private static Path partialFileFor(Path target) throws IOException {
        while (true) {
            Path partial =
                    target.resolveSibling(
                            "."
                                    + target.getFileName()
                                    + "."
                                    + Long.toUnsignedString(PARTIAL_NAMES.nextLong(), 36)
                                    + ".part");
            try {
                return Files.createFile(partial);
            } catch (FileAlreadyExistsException taken) {
                // Another export's partial file: draw another name.
            }
        }
    }

    private static final SecureRandom PARTIAL_NAMES = new SecureRandom();

    private static void stringArray(ArrayNode array, Set<String> values) {
        new TreeSet<>(values).forEach(array::add);
    }
}
