package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Label Studio JSON export of a {@code Pairwise} task: {@code data} holds the prompt and the two
 * texts compared, each entry of {@code annotations} a person's answer, whose {@code pairwise}
 * result says {@code "selected": "left"} or {@code "right"}. Left is the first text the result's
 * {@code to_name} names (else the first text of {@code data} after the prompt). Cancelled
 * annotations are left out; every other answer becomes that person's verdict ({@code completed_by}:
 * their email, else their id).
 */
final class LabelStudioLayout implements RecordLayout {
    private static final Set<String> MAPPED = Set.of("data", "annotations");

    private final Instant importedAt = Instant.now();

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        JsonNode data = Fields.required(record, "data");
        if (!data.isObject()) {
            throw new LayoutException("data", "expected an object, got " + Fields.kind(data));
        }
        JsonNode annotations = Fields.required(record, "annotations");
        if (!annotations.isArray()) {
            throw new LayoutException(
                    "annotations", "expected a list, got " + Fields.kind(annotations));
        }
        List<String> compared = comparedFields(annotations);
        List<String> texts = textFields((ObjectNode) data);
        if (compared.size() != 2) {
            compared = new ArrayList<>(texts);
            compared.remove(PromptFields.pick(texts, List.of()));
        }
        compared.removeIf(name -> !texts.contains(name));
        if (compared.size() != 2) {
            throw new LayoutException(
                    "data",
                    "a pairwise task compares two texts, but data holds "
                            + Math.max(0, texts.size() - 1)
                            + " besides the prompt: "
                            + texts);
        }
        String prompt = PromptFields.pick(texts, compared);
        if (prompt == null) {
            throw new LayoutException("data", "no prompt text besides " + compared);
        }
        List<AnsweredComparison.Answer> answers = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            AnsweredComparison.Answer answer = answer(annotations.get(i), "annotations[" + i + "]");
            if (answer != null) {
                answers.add(answer);
            }
        }
        if (answers.isEmpty()) {
            throw new LayoutException(
                    "annotations", "no pairwise answer (the task is unanswered or cancelled)");
        }
        ObjectNode unused = ((ObjectNode) data).deepCopy();
        unused.remove(List.of(prompt, compared.get(0), compared.get(1)));
        AnsweredComparison comparison =
                new AnsweredComparison(
                        data.get(prompt).textValue(),
                        data.get(compared.get(0)).textValue(),
                        data.get(compared.get(1)).textValue(),
                        answers);
        return List.of(
                comparison.toRecord(
                        null,
                        Fields.metadata(
                                record,
                                MAPPED,
                                unused.isEmpty() ? Map.of() : Map.of("data", unused)),
                        importedAt));
    }

    /** The two names a pairwise result's {@code to_name} gives ("a,b" or a list), if any. */
    private static List<String> comparedFields(JsonNode annotations) {
        for (JsonNode annotation : annotations) {
            for (JsonNode result : annotation.path("result")) {
                JsonNode to = result.get("to_name");
                List<String> names = new ArrayList<>();
                if (to != null && to.isTextual()) {
                    for (String name : to.textValue().split(",")) {
                        names.add(name.strip());
                    }
                } else if (to != null && to.isArray()) {
                    to.forEach(name -> names.add(name.asText()));
                }
                if ("pairwise".equals(result.path("type").asText()) && names.size() == 2) {
                    return names;
                }
            }
        }
        return List.of();
    }

    private static List<String> textFields(ObjectNode data) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            if (field.getValue().isTextual()) {
                names.add(field.getKey());
            }
        }
        return names;
    }

    private static AnsweredComparison.Answer answer(JsonNode annotation, String path)
            throws LayoutException {
        if (!annotation.isObject()) {
            throw new LayoutException(path, "expected an object, got " + Fields.kind(annotation));
        }
        if (annotation.path("was_cancelled").asBoolean(false)) {
            return null;
        }
        JsonNode results = annotation.path("result");
        for (int i = 0; i < results.size(); i++) {
            JsonNode selected = results.get(i).path("value").path("selected");
            if (selected.isMissingNode()) {
                continue;
            }
            AnsweredComparison.Choice choice =
                    switch (selected.asText()) {
                        case "left" -> AnsweredComparison.Choice.FIRST;
                        case "right" -> AnsweredComparison.Choice.SECOND;
                        default ->
                                throw new LayoutException(
                                        path + ".result[" + i + "].value.selected",
                                        "expected \"left\" or \"right\", got " + selected);
                    };
            return new AnsweredComparison.Answer(
                    annotator(annotation.path("completed_by"), path),
                    choice,
                    time(annotation.path("created_at")));
        }
        return null;
    }

    private static String annotator(JsonNode completedBy, String path) throws LayoutException {
        if (completedBy.isObject()) {
            JsonNode email = completedBy.path("email");
            completedBy = email.isTextual() ? email : completedBy.path("id");
        }
        if (completedBy.isTextual() || completedBy.isIntegralNumber()) {
            String id = completedBy.asText();
            if (!id.isBlank()) {
                return id;
            }
        }
        throw new LayoutException(path + ".completed_by", "no annotator id");
    }

    private static Instant time(JsonNode createdAt) {
        if (!createdAt.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(createdAt.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
