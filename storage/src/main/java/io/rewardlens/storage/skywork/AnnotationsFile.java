package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairFilter;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Utf8JsonBuffer;
import io.rewardlens.storage.Verdict;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The file a team passes verdicts around in: JSONL, one line per pair that has verdicts, the pair's
 * Skywork record ({@code chosen}, {@code rejected} whole conversations, {@code source}, the other
 * fields it came with) plus {@code "annotations": [{"annotator", "verdict", "strength", "tags",
 * "rationale", "shown_as_a", "time_taken_ms", "created_at", "in_force"}]}. {@code verdict} names
 * the dataset side the person preferred ({@code chosen} or {@code rejected}), or {@code tie},
 * {@code both_bad}, {@code skip}; {@code shown_as_a} the side they saw as A; {@code created_at} is
 * ISO-8601. Superseded verdicts are written too, with {@code "in_force": false}, so nothing is
 * lost.
 */
public final class AnnotationsFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 500;

    /**
     * One line of an annotations file.
     *
     * @param line its 1-based line number
     * @param pair the pair's content (position: the line number)
     * @param verdicts the verdicts on it, pair id 0
     */
    public record AnnotatedRecord(long line, PreferencePair pair, List<Annotation> verdicts) {}

    private AnnotationsFile() {}

    /**
     * Writes the pairs of {@code pairs} that have verdicts by one of {@code annotators} (empty:
     * anyone), in import order.
     *
     * @return how many pairs were written
     */
    public static long write(
            PreferenceStore store, Path out, PairFilter pairs, Set<String> annotators)
            throws IOException {
        long written = 0;
        Utf8JsonBuffer line = new Utf8JsonBuffer();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            PairQuery query = PairQuery.all().withFilter(pairs).withLimit(PAGE);
            for (long offset = 0; ; offset += PAGE) {
                List<StoredPair> page = store.pairs(query.withOffset(offset));
                for (StoredPair stored : page) {
                    List<Annotation> inForce = new ArrayList<>();
                    for (StoredAnnotation a : store.annotations(stored.id())) {
                        inForce.add(a.annotation());
                    }
                    List<Annotation> superseded = store.supersededAnnotations(stored.id());
                    inForce.removeIf(
                            a -> !annotators.isEmpty() && !annotators.contains(a.annotator()));
                    superseded.removeIf(
                            a -> !annotators.isEmpty() && !annotators.contains(a.annotator()));
                    if (inForce.isEmpty() && superseded.isEmpty()) {
                        continue;
                    }
                    line.reset();
                    writeRecord(line, stored.pair(), inForce, superseded, file);
                    written++;
                }
                if (page.size() < PAGE) {
                    return written;
                }
            }
        }
    }

    private static void writeRecord(
            Utf8JsonBuffer line,
            PreferencePair pair,
            List<Annotation> inForce,
            List<Annotation> superseded,
            OutputStream out)
            throws IOException {
        line.appendAscii("{\"chosen\":");
        line.appendMessages(pair.conversation(Side.CHOSEN));
        line.appendAscii(",\"rejected\":");
        line.appendMessages(pair.conversation(Side.REJECTED));
        if (pair.source() != null) {
            line.appendAscii(",\"source\":");
            line.appendString(pair.source());
        }
        String others =
                PairMetadata.of(pair.metadataJson())
                        .membersWithout(Set.of("chosen", "rejected", "source", "annotations"));
        line.writeTo(out);
        line.reset();
        if (!others.isEmpty()) {
            out.write(',');
            out.write(others.getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode holder = MAPPER.createObjectNode();
        var array = holder.putArray("annotations");
        for (Annotation a : superseded) {
            array.add(verdictJson(a, false));
        }
        for (Annotation a : inForce) {
            array.add(verdictJson(a, true));
        }
        String annotations = MAPPER.writeValueAsString(holder);
        out.write(',');
        out.write(
                annotations
                        .substring(1, annotations.length() - 1)
                        .getBytes(StandardCharsets.UTF_8));
        out.write('}');
        out.write('\n');
    }

    private static ObjectNode verdictJson(Annotation a, boolean inForce) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("annotator", a.annotator());
        node.put("verdict", verdictName(a));
        if (a.strength() == null) {
            node.putNull("strength");
        } else {
            node.put("strength", a.strength());
        }
        var tags = node.putArray("tags");
        a.tags().forEach(tags::add);
        node.put("rationale", a.rationale());
        node.put("shown_as_a", a.displayedAsA().storedName());
        node.put("time_taken_ms", a.timeTakenMs());
        node.put("created_at", a.createdAt().toString());
        node.put("in_force", inForce);
        return node;
    }

    private static String verdictName(Annotation a) {
        return switch (a.verdict()) {
            case A_BETTER, B_BETTER -> a.preferredSide().orElseThrow().storedName();
            case TIE -> "tie";
            case BOTH_BAD -> "both_bad";
            case SKIP -> "skip";
        };
    }

    /**
     * Reads an annotations file, handing each line's pair and verdicts to {@code action} in order.
     * Blank lines are skipped.
     *
     * @throws ImportRefusedException at the first bad line: file, line, field and reason
     */
    public static void read(Path file, Consumer<AnnotatedRecord> action)
            throws IOException, ImportRefusedException {
        JsonlRecordParser parser = new JsonlRecordParser();
        try (InputStream in = Files.newInputStream(file)) {
            LineReader lines = new LineReader(in);
            while (lines.next()) {
                if (lines.lineIsBlank()) {
                    continue;
                }
                long number = lines.lineNumber();
                try {
                    SkyworkRecord record =
                            parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength());
                    action.accept(annotated(number, record));
                } catch (InvalidRecordException e) {
                    throw new ImportRefusedException(
                            new RecordProblem(file, "line", number, e.field(), e.reason()));
                }
            }
        }
    }

    private static AnnotatedRecord annotated(long number, SkyworkRecord record)
            throws InvalidRecordException {
        if (record.metadataJson() == null) {
            throw new InvalidRecordException("annotations", "missing");
        }
        ObjectNode metadata;
        try {
            metadata = (ObjectNode) MAPPER.readTree(record.metadataJson());
        } catch (IOException e) {
            throw new InvalidRecordException(null, "unreadable fields: " + e.getMessage());
        }
        JsonNode annotations = metadata.remove("annotations");
        if (annotations == null) {
            throw new InvalidRecordException("annotations", "missing");
        }
        if (!annotations.isArray()) {
            throw new InvalidRecordException(
                    "annotations", "expected a list, got " + annotations.getNodeType());
        }
        String others;
        try {
            others = metadata.isEmpty() ? null : MAPPER.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new InvalidRecordException(null, e.getMessage());
        }
        PreferencePair pair =
                PreferencePair.fromConversations(
                        record.source(), number, record.chosen(), record.rejected(), others);
        List<Annotation> verdicts = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            verdicts.add(verdict(annotations.get(i), "annotations[" + i + "]"));
        }
        return new AnnotatedRecord(number, pair, verdicts);
    }

    private static Annotation verdict(JsonNode node, String at) throws InvalidRecordException {
        if (!node.isObject()) {
            throw new InvalidRecordException(at, "expected an object, got " + node.getNodeType());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of(
                            "annotator",
                            "verdict",
                            "strength",
                            "tags",
                            "rationale",
                            "shown_as_a",
                            "time_taken_ms",
                            "created_at",
                            "in_force")
                    .contains(name)) {
                throw new InvalidRecordException(at + "." + name, "unknown field");
            }
        }
        String annotator = text(node, at, "annotator", true);
        if (annotator.isBlank()) {
            throw new InvalidRecordException(at + ".annotator", "must not be blank");
        }
        Side shownAsA;
        String shown = text(node, at, "shown_as_a", false);
        try {
            shownAsA = shown == null ? Side.CHOSEN : Side.fromStoredName(shown);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(
                    at + ".shown_as_a", "expected chosen or rejected, got '" + shown + "'");
        }
        String name = text(node, at, "verdict", true);
        Verdict verdict =
                switch (name) {
                    case "chosen", "rejected" ->
                            Side.fromStoredName(name) == shownAsA
                                    ? Verdict.A_BETTER
                                    : Verdict.B_BETTER;
                    case "tie" -> Verdict.TIE;
                    case "both_bad" -> Verdict.BOTH_BAD;
                    case "skip" -> Verdict.SKIP;
                    default ->
                            throw new InvalidRecordException(
                                    at + ".verdict",
                                    "expected chosen, rejected, tie, both_bad or skip, got '"
                                            + name
                                            + "'");
                };
        Integer strength = null;
        JsonNode strengthNode = node.get("strength");
        if (strengthNode != null && !strengthNode.isNull()) {
            if (!strengthNode.isInt() || strengthNode.asInt() < 1 || strengthNode.asInt() > 3) {
                throw new InvalidRecordException(
                        at + ".strength", "expected 1, 2, 3 or null, got " + strengthNode);
            }
            strength = strengthNode.asInt();
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagsNode = node.get("tags");
        if (tagsNode != null && !tagsNode.isNull()) {
            if (!tagsNode.isArray()) {
                throw new InvalidRecordException(at + ".tags", "expected a list of strings");
            }
            for (int i = 0; i < tagsNode.size(); i++) {
                if (!tagsNode.get(i).isTextual()) {
                    throw new InvalidRecordException(
                            at + ".tags[" + i + "]",
                            "expected a string, got " + tagsNode.get(i).getNodeType());
                }
                tags.add(tagsNode.get(i).asText());
            }
        }
        String rationale = text(node, at, "rationale", false);
        long timeTaken = 0;
        JsonNode timeNode = node.get("time_taken_ms");
        if (timeNode != null && !timeNode.isNull()) {
            if (!timeNode.canConvertToLong()
                    || !timeNode.isIntegralNumber()
                    || timeNode.asLong() < 0) {
                throw new InvalidRecordException(
                        at + ".time_taken_ms", "expected a whole number >= 0, got " + timeNode);
            }
            timeTaken = timeNode.asLong();
        }
        String created = text(node, at, "created_at", true);
        Instant createdAt;
        try {
            createdAt = Instant.parse(created);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(
                    at + ".created_at",
                    "expected an ISO-8601 time such as 2026-01-31T12:00:00Z, got '"
                            + created
                            + "'");
        }
        JsonNode inForce = node.get("in_force");
        if (inForce != null && !inForce.isBoolean()) {
            throw new InvalidRecordException(at + ".in_force", "expected true or false");
        }
        return new Annotation(
                0,
                annotator,
                verdict,
                strength,
                tags,
                rationale == null ? "" : rationale,
                shownAsA,
                timeTaken,
                createdAt);
    }

    private static String text(JsonNode node, String at, String field, boolean required)
            throws InvalidRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidRecordException(at + "." + field, "missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRecordException(
                    at + "." + field, "expected a string, got " + value.getNodeType());
        }
        return value.asText();
    }
}
