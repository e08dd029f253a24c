package io.rewardlens.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text fragments that {@link SkyworkPairGenerator} assembles, read once from {@value
 * #RESOURCE}: five helpful domains, a few non-English languages, the safety pools, system prompts
 * and follow-up questions.
 */
final class GeneratorText {
    static final String RESOURCE = "skywork-generator-text.json";

    /** One topic area (or language): where prompts and answers of that kind draw their text. */
    record Domain(
            String name,
            TextPool requests,
            TextPool context,
            TextPool openers,
            TextPool sentences,
            TextPool items,
            TextPool headers,
            TextPool closers,
            TextPool code,
            TextPool tables) {}

    /** Prompts that should be refused or answered, and the refusals and compliances to pair. */
    record Safety(
            TextPool harmfulRequests,
            TextPool benignRequests,
            TextPool refusalOpeners,
            TextPool refusalSentences,
            TextPool complianceOpeners,
            TextPool complianceItems,
            TextPool overRefusals) {}

    private static final class Holder {
        static final GeneratorText INSTANCE = load();
    }

    final Map<String, Domain> domains;
    final List<Domain> languages;
    final Safety safety;
    final TextPool systemPrompts;
    final TextPool followUps;

    private GeneratorText(JsonNode root) {
        Map<String, Domain> byName = new LinkedHashMap<>();
        JsonNode domainNodes = object(root, "domains", "domains");
        domainNodes
                .fieldNames()
                .forEachRemaining(
                        name -> byName.put(name, domain(domainNodes, name, "domains." + name)));
        domains = Map.copyOf(byName);
        List<Domain> languageList = new ArrayList<>();
        JsonNode languageNodes = object(root, "languages", "languages");
        languageNodes
                .fieldNames()
                .forEachRemaining(
                        name -> languageList.add(domain(languageNodes, name, "languages." + name)));
        languages = List.copyOf(languageList);
        JsonNode safetyNode = object(root, "safety", "safety");
        safety =
                new Safety(
                        pool(safetyNode, "harmful_requests", "safety", true),
                        pool(safetyNode, "benign_requests", "safety", true),
                        pool(safetyNode, "refusal_openers", "safety", true),
                        pool(safetyNode, "refusal_sentences", "safety", true),
                        pool(safetyNode, "compliance_openers", "safety", true),
                        pool(safetyNode, "compliance_items", "safety", true),
                        pool(safetyNode, "over_refusals", "safety", true));
        systemPrompts = pool(root, "system_prompts", "", true);
        followUps = pool(root, "follow_ups", "", true);
    }

    static GeneratorText get() {
        return Holder.INSTANCE;
    }

    Domain domain(String name) {
        Domain domain = domains.get(name);
        if (domain == null) {
            throw new IllegalStateException(RESOURCE + ": domains." + name + " is missing");
        }
        return domain;
    }

    private static GeneratorText load() {
        try (InputStream in = GeneratorText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + RESOURCE + " is missing from the classpath");
            }
            return new GeneratorText(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Domain domain(JsonNode parent, String name, String path) {
        JsonNode node = object(parent, name, path);
        return new Domain(
                name,
                pool(node, "requests", path, true),
                pool(node, "context", path, false),
                pool(node, "openers", path, true),
                pool(node, "sentences", path, true),
                pool(node, "items", path, false),
                pool(node, "headers", path, false),
                pool(node, "closers", path, false),
                pool(node, "code", path, false),
                pool(node, "tables", path, false));
    }

    private static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalStateException(RESOURCE + ": " + path + " must be an object");
        }
        return node;
    }

    private static TextPool pool(JsonNode parent, String field, String path, boolean required) {
        String where = path.isEmpty() ? field : path + "." + field;
        JsonNode node = parent.get(field);
        if (node == null && !required) {
            return TextPool.of();
        }
        if (node == null || !node.isArray() || (required && node.isEmpty())) {
            throw new IllegalStateException(
                    RESOURCE + ": " + where + " must be a non-empty array of strings");
        }
        List<String> fragments = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw new IllegalStateException(
                        RESOURCE + ": " + where + "[" + i + "] must be a non-empty string");
            }
            fragments.add(item.asText());
        }
        return new TextPool(fragments);
    }
}
