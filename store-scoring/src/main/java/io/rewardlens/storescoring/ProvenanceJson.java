package io.rewardlens.storescoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.scoring.Provenance;
import java.time.Instant;

/** Writes and reads a score's {@link Provenance} as the JSON text the store keeps beside it. */
final class ProvenanceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProvenanceJson() {}

    static String write(Provenance provenance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("bundleHash", provenance.bundleHash());
        node.put("modelName", provenance.modelName());
        node.put("traceFile", provenance.traceFile());
        node.put("dtype", provenance.dtype());
        node.put("device", provenance.device());
        node.put("engineVersion", provenance.engineVersion());
        node.put("templateSha256", provenance.templateSha256());
        node.put("truncated", provenance.truncated());
        node.put("tokensDropped", provenance.tokensDropped());
        node.put("scoredAt", provenance.scoredAt().toString());
        return node.toString();
    }

    static Provenance read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new Provenance(
                    node.path("bundleHash").asText(),
                    node.path("modelName").asText(),
                    node.path("traceFile").asText(),
                    node.path("dtype").asText(),
                    node.path("device").asText(),
                    node.path("engineVersion").asText(),
                    node.path("templateSha256").isNull()
                            ? null
                            : node.path("templateSha256").asText(null),
                    node.path("truncated").asBoolean(),
                    node.path("tokensDropped").asInt(),
                    Instant.parse(node.path("scoredAt").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable score provenance in the store: " + json, e);
        }
    }
}
