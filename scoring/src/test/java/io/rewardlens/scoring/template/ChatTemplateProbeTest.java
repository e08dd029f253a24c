package io.rewardlens.scoring.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jinja parity probes ({@code templates-probes/}): small templates that each aim at one jinja2
 * behaviour chat templates rely on (globals under {@code is defined}, literals in parentheses,
 * arithmetic in slices, integer keys, {@code tojson} options, Markup, generators, undefined values,
 * loops, namespaces, tags). Each must render exactly as jinja2 rendered it with {@code
 * src/test/python/render_probes.py}, or be refused where jinja2 raised, with jinja2's message where
 * the template raised its own.
 */
class ChatTemplateProbeTest {
    private static final String DIR = "/templates-probes/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock FIXED =
            Clock.fixed(
                    LocalDateTime.of(2026, 1, 15, 9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    static Stream<Arguments> probes() throws IOException {
        Map<String, String> templates = new LinkedHashMap<>();
        for (Map<String, String> c :
                read("cases.json", new TypeReference<List<Map<String, String>>>() {})) {
            templates.put(c.get("name"), c.get("template"));
        }
        return read("goldens.json", new TypeReference<List<Map<String, Object>>>() {}).stream()
                .map(
                        golden -> {
                            Map<String, Object> probe = new LinkedHashMap<>(golden);
                            probe.put("template", templates.get((String) golden.get("name")));
                            return Arguments.of(golden.get("name"), probe);
                        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void rendersAsJinja2(String name, Map<String, Object> probe) throws Exception {
        String known = knownDifferences().get(name);
        assumeTrue(known == null, () -> "known difference: " + known);
        List<Map<String, Object>> messages =
                read("messages.json", new TypeReference<List<Map<String, Object>>>() {});
        String source = (String) probe.get("template");
        if (probe.containsKey("output")) {
            assertEquals(
                    probe.get("output"), template(source).renderMessages(messages, true, Map.of()));
            return;
        }
        if ("TemplateSyntaxError".equals(probe.get("error_type"))) {
            assertThrows(IllegalArgumentException.class, () -> template(source));
            return;
        }
        ChatTemplate template = template(source);
        ChatTemplateException e =
                assertThrows(
                        ChatTemplateException.class,
                        () -> template.renderMessages(messages, true, Map.of()));
        if ("TemplateError".equals(probe.get("error_type"))) {
            assertEquals(probe.get("error"), e.getMessage());
        }
    }

    private static Map<String, String> knownDifferences() throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in =
                ChatTemplateProbeTest.class.getResourceAsStream(DIR + "known-differences.txt")) {
            if (in == null) {
                throw new IOException("missing resource " + DIR + "known-differences.txt");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(" # ", 2);
                    reasons.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
                }
            }
        }
        return reasons;
    }

    private static ChatTemplate template(String source) {
        return ChatTemplate.of(source, Map.of("bos_token", "<s>"))
                .withOptions(RenderOptions.DEFAULT.withClock(FIXED));
    }

    private static <T> T read(String file, TypeReference<T> type) throws IOException {
        try (InputStream in = ChatTemplateProbeTest.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IOException("missing resource " + DIR + file);
            }
            return JSON.readValue(in, type);
        }
    }
}
