package io.rewardlens.scoring.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record of the real-template corpus ({@code templates-corpus/}) must render byte-identically
 * to jinja2's rendering, produced by {@code src/test/python/render_corpus.py}, or be refused with
 * jinja2's message. Records listed in {@code known-failures.txt} are reported as skipped, not
 * hidden; the pass rate is printed and the current failures are written under {@code target/}.
 */
class ChatTemplateCorpusTest {
    private static final String DIR = "/templates-corpus/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock FIXED =
            Clock.fixed(
                    LocalDateTime.of(2026, 1, 15, 9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final Map<String, ChatTemplate> TEMPLATES = new ConcurrentHashMap<>();
    private static final Set<String> FAILED = new TreeSet<>();
    private static final Set<String> PASSED = new TreeSet<>();

    static Stream<Map<String, Object>> records() throws IOException {
        return read("goldens.json", new TypeReference<List<Map<String, Object>>>() {}).stream();
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("records")
    void rendersAsJinja2(Map<String, Object> record) throws Exception {
        String id = id(record);
        assumeFalse(knownFailures().contains(id), "known failure: " + id);
        try {
            check(record);
            synchronized (PASSED) {
                PASSED.add(id);
            }
        } catch (Throwable t) {
            synchronized (FAILED) {
                FAILED.add(id);
            }
            throw t;
        }
    }

    private static void check(Map<String, Object> record) throws Exception {
        String name = (String) record.get("template");
        Map<String, Object> conversation = conversations().get(record.get("conversation"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages =
                (List<Map<String, Object>>) conversation.get("messages");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables =
                (Map<String, Object>) conversation.getOrDefault("variables", Map.of());
        boolean agp = (Boolean) record.get("add_generation_prompt");
        if (record.containsKey("output")) {
            ChatTemplate template = template(name);
            assertEquals(record.get("output"), template.renderMessages(messages, agp, variables));
        } else {
            String expected = (String) record.get("error");
            ChatTemplate template;
            try {
                template = template(name);
            } catch (IllegalArgumentException syntaxError) {
                return; // jinja2 refused to compile it as well
            }
            ChatTemplateException e =
                    assertThrows(
                            ChatTemplateException.class,
                            () -> template.renderMessages(messages, agp, variables));
            if ("TemplateError".equals(record.get("error_type"))) {
                assertEquals(expected, e.getMessage());
            }
        }
    }

    @AfterAll
    static void report() throws IOException {
        int total = PASSED.size() + FAILED.size();
        System.out.printf(
                "templates-corpus: %d of %d records pass (%d known failures skipped)%n",
                PASSED.size(), total, knownFailures().size());
        Path out = Path.of("target", "templates-corpus-failures.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, FAILED);
    }

    private static String id(Map<String, Object> record) {
        return record.get("template")
                + " "
                + record.get("conversation")
                + (Boolean.TRUE.equals(record.get("add_generation_prompt")) ? " +gen" : "");
    }

    private static ChatTemplate template(String name) {
        return TEMPLATES.computeIfAbsent(
                name,
                n -> {
                    try {
                        String source = text(n + ".jinja");
                        Map<String, String> tokens = new HashMap<>();
                        try (InputStream in =
                                ChatTemplateCorpusTest.class.getResourceAsStream(
                                        DIR + n + ".tokens.json")) {
                            if (in != null) {
                                tokens = JSON.readValue(in, new TypeReference<>() {});
                            }
                        }
                        return ChatTemplate.of(source, tokens)
                                .withOptions(RenderOptions.DEFAULT.withClock(FIXED));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static Map<String, Map<String, Object>> conversations() throws IOException {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> c :
                read("conversations.json", new TypeReference<List<Map<String, Object>>>() {})) {
            byName.put((String) c.get("name"), c);
        }
        return byName;
    }

    private static Set<String> knownFailures() throws IOException {
        return text("known-failures.txt")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String text(String file) throws IOException {
        try (InputStream in = ChatTemplateCorpusTest.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IOException("missing resource " + DIR + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static <T> T read(String file, TypeReference<T> type) throws IOException {
        return JSON.readValue(text(file), type);
    }
}
