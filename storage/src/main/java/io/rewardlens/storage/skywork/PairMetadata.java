package io.rewardlens.storage.skywork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A pair's metadata object as the export layouts read it: single fields ({@code tools}, {@code
 * chosen_model}, {@code id}) and the members to append to a record, without those the layout writes
 * itself.
 */
final class PairMetadata {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final PairMetadata NONE = new PairMetadata(null, MAPPER.createObjectNode());

    private final String text;
    private final ObjectNode object;

    private PairMetadata(String text, ObjectNode object) {
        this.text = text;
        this.object = object;
    }

    /** Parses the metadata text of a pair (null: no metadata). */
    static PairMetadata of(String metadataJson) {
        if (metadataJson == null || metadataJson.isBlank()) {
            return NONE;
        }
        try {
            JsonNode node = MAPPER.readTree(metadataJson);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalStateException(
                        "a pair's metadata is not a JSON object: " + metadataJson);
            }
            return new PairMetadata(metadataJson, object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a pair's metadata is not valid JSON: " + metadataJson, e);
        }
    }

    /** The field, or null when it is absent or JSON null. */
    JsonNode get(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A field as compact JSON text, or null when it is absent or JSON null. */
    String json(String name) {
        JsonNode value = get(name);
        return value == null ? null : write(value);
    }

    /** A field as text: a string's value, any other value's JSON text; null when absent. */
    String text(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        return value.isTextual() ? value.textValue() : write(value);
    }

    /**
     * The members of the object without its braces, leaving out {@code reserved} keys; empty when
     * none are left. Written as the dataset wrote them when no key had to be left out.
     */
    String membersWithout(Set<String> reserved) {
        if (text == null) {
            return "";
        }
        boolean clash = false;
        for (String key : reserved) {
            clash |= object.has(key);
        }
        String whole;
        if (clash) {
            ObjectNode kept = object.deepCopy();
            kept.remove(reserved);
            whole = write(kept);
        } else {
            whole = text.strip();
        }
        return whole.substring(1, whole.length() - 1).strip();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
