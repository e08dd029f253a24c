package io.rewardlens.storage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dataset exported from Argilla to the Hub, with a preference question over two response fields.
 * Argilla 2 writes each question's answers as {@code <question>.responses} with the people in
 * {@code <question>.responses.users} (and {@code .responses.status}); Argilla 1 writes a list of
 * {@code {"user_id", "value", "status"}} under the question's name. An answer is a label naming a
 * response field ({@code response-1} names {@code response_1}; {@code tie}, {@code both bad} and
 * the like are ties and both-bad), or a ranking whose first place is the preferred response. Only
 * submitted answers count; each becomes that person's verdict.
 */
final class ArgillaLayout implements RecordLayout {
    private static final String RESPONSES = ".responses";

    private final Instant importedAt = Instant.now();

    /** Whether a record looks like an Argilla export (used by detection). */
    static boolean looksLike(ObjectNode record) {
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            if (field.getKey().endsWith(RESPONSES) && record.has(field.getKey() + ".users")) {
                return true;
            }
            if (isVersion1Answers(field.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVersion1Answers(JsonNode value) {
        return value.isArray()
                && value.size() > 0
                && value.get(0).isObject()
                && value.get(0).has("user_id")
                && value.get(0).has("value");
    }

    /** A question's raw answers: who, what (a label or a ranking), and their status. */
    private record RawAnswer(String user, JsonNode value, String status) {}

    @Override
    public List<LayoutRecord> read(ObjectNode record) throws LayoutException {
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            if (field.getValue().isTextual()) {
                texts.add(field.getKey());
            }
        }
        LayoutException firstProblem = null;
        Iterator<String> names = record.fieldNames();
        List<String> questionNames = new ArrayList<>();
        names.forEachRemaining(questionNames::add);
        for (String name : questionNames) {
            List<RawAnswer> raw = rawAnswers(record, name);
            if (raw == null) {
                continue;
            }
            try {
                return List.of(comparison(record, name, raw, texts));
            } catch (LayoutException e) {
                if (firstProblem == null) {
                    firstProblem = e;
                }
            }
        }
        throw firstProblem != null
                ? firstProblem
                : new LayoutException(
                        null,
                        "no Argilla question answers (a <question>.responses column, or a list"
                                + " of {\"user_id\", \"value\"} answers)");
    }

    /** The answers of the question stored under {@code name}, or null when it is none. */
    private static List<RawAnswer> rawAnswers(ObjectNode record, String name)
            throws LayoutException {
        JsonNode value = record.get(name);
        if (name.endsWith(RESPONSES) && record.has(name + ".users")) {
            JsonNode users = record.get(name + ".users");
            JsonNode status = record.path(name + ".status");
            if (!value.isArray() || !users.isArray() || users.size() != value.size()) {
                throw new LayoutException(
                        name, "expected a list of answers as long as " + name + ".users");
            }
            List<RawAnswer> answers = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                answers.add(
                        new RawAnswer(
                                users.get(i).asText(),
                                value.get(i),
                                status.isArray() ? status.path(i).asText(null) : null));
            }
            return answers;
        }
        if (isVersion1Answers(value)) {
            List<RawAnswer> answers = new ArrayList<>();
            for (JsonNode answer : value) {
                answers.add(
                        new RawAnswer(
                                answer.path("user_id").asText(),
                                answer.get("value"),
                                answer.path("status").asText(null)));
            }
            return answers;
        }
        return null;
    }

    private LayoutRecord comparison(
            ObjectNode record, String question, List<RawAnswer> raw, List<String> texts)
            throws LayoutException {
        Set<String> responseFields = new LinkedHashSet<>();
        for (RawAnswer answer : raw) {
            for (String option : options(answer.value())) {
                String field = fieldNamed(option, texts);
                if (field != null) {
                    responseFields.add(field);
                }
            }
        }
        if (responseFields.size() == 1) {
            // Everyone picked the same one: its sibling is the text named the same but for digits.
            String picked = responseFields.iterator().next();
            for (String text : texts) {
                if (!text.equals(picked) && stem(text).equals(stem(picked))) {
                    responseFields.add(text);
                    break;
                }
            }
        }
        if (responseFields.size() != 2) {
            throw new LayoutException(
                    question,
                    "the answers name "
                            + responseFields.size()
                            + " response fields "
                            + responseFields
                            + "; a preference question compares two of the record's texts "
                            + texts);
        }
        List<String> responses = List.copyOf(responseFields);
        if (texts.indexOf(responses.get(0)) > texts.indexOf(responses.get(1))) {
            responses = List.of(responses.get(1), responses.get(0));
        }
        String prompt = PromptFields.pick(texts, responses);
        if (prompt == null) {
            throw new LayoutException(null, "no prompt text besides " + responses);
        }
        List<AnsweredComparison.Answer> answers = new ArrayList<>();
        for (RawAnswer answer : raw) {
            if (answer.status() != null && !answer.status().equals("submitted")) {
                continue;
            }
            List<String> options = options(answer.value());
            if (options.isEmpty()) {
                continue;
            }
            String best = options.get(0);
            AnsweredComparison.Choice choice = AnsweredComparison.neitherChoice(best);
            if (choice == null) {
                String field = fieldNamed(best, texts);
                if (field == null) {
                    throw new LayoutException(
                            question, "the answer " + best + " names no response field");
                }
                choice =
                        field.equals(responses.get(0))
                                ? AnsweredComparison.Choice.FIRST
                                : AnsweredComparison.Choice.SECOND;
            }
            answers.add(new AnsweredComparison.Answer(answer.user(), choice, null));
        }
        if (answers.isEmpty()) {
            throw new LayoutException(question, "no submitted answer");
        }
        Set<String> mapped = new HashSet<>(List.of(prompt, responses.get(0), responses.get(1)));
        mapped.add(question);
        mapped.add(question + ".users");
        mapped.add(question + ".status");
        return new AnsweredComparison(
                        record.get(prompt).textValue(),
                        record.get(responses.get(0)).textValue(),
                        record.get(responses.get(1)).textValue(),
                        answers)
                .toRecord(null, Fields.metadata(record, mapped), importedAt);
    }

    /**
     * An answer's options, preferred first: a label alone, a ranking's values in order, or {@code
     * {"value", "rank"}} objects by rank.
     */
    private static List<String> options(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        items.sort(
                (a, b) ->
                        Integer.compare(
                                a.path("rank").asInt(Integer.MAX_VALUE),
                                b.path("rank").asInt(Integer.MAX_VALUE)));
        List<String> options = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode option = item.isObject() ? item.path("value") : item;
            if (option.isTextual()) {
                options.add(option.textValue());
            }
        }
        return options;
    }

    private static String stem(String field) {
        return field.replaceAll("[0-9]", "");
    }

    private static String fieldNamed(String option, List<String> texts) {
        for (String text : texts) {
            if (AnsweredComparison.namesField(option, text)) {
                return text;
            }
        }
        return null;
    }
}
