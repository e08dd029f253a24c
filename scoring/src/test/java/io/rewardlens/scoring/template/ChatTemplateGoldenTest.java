package io.rewardlens.scoring.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rewardlens.scoring.ChatTurn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rendering in the fixtures, produced by transformers' {@code apply_chat_template}, must come
 * out byte-identical. The generation-prompt renderings are of the conversation without its final
 * assistant turn (the prompt a response is generated for).
 */
class ChatTemplateGoldenTest {

    @TestFactory
    Stream<DynamicTest> tinyModelBundlesRenderTheirGoldens() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String model : List.of("tiny-llama3", "tiny-gemma2", "tiny-qwen3")) {
            Path bundle = Fixtures.root().resolve(model);
            ChatTemplate template = ChatTemplate.fromBundle(bundle);
            JsonNode cases = Fixtures.json(bundle.resolve("golden.json")).get("cases");
            for (Map.Entry<String, JsonNode> c : cases.properties()) {
                tests.add(
                        DynamicTest.dynamicTest(
                                model + " " + c.getKey(),
                                () ->
                                        checkCase(
                                                template,
                                                c.getValue(),
                                                "rendered_with_generation_prompt")));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> realTemplatesRenderTheirGoldens() {
        JsonNode rendered =
                Fixtures.json(Fixtures.root().resolve("templates/templates_rendered.json"));
        JsonNode cases =
                Fixtures.json(Fixtures.root().resolve("tiny-llama3/golden.json")).get("cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> model : rendered.properties()) {
            ChatTemplate template =
                    ChatTemplate.fromTokenizerConfig(
                            Fixtures.text(
                                    Fixtures.root()
                                            .resolve(
                                                    "templates/"
                                                            + model.getKey()
                                                            + ".tokenizer_config.json")),
                            null);
            for (Map.Entry<String, JsonNode> c : model.getValue().properties()) {
                JsonNode golden = c.getValue().deepCopy();
                ((ObjectNode) golden).set("messages", cases.get(c.getKey()).get("messages"));
                tests.add(
                        DynamicTest.dynamicTest(
                                model.getKey() + " " + c.getKey(),
                                () -> checkCase(template, golden, "rendered_gen_prompt")));
            }
        }
        return tests.stream();
    }

    @Test
    void concurrentRendersShareOneTemplateSafely() throws Exception {
        Path bundle = Fixtures.root().resolve("tiny-qwen3");
        ChatTemplate template = ChatTemplate.fromBundle(bundle);
        JsonNode cases = Fixtures.json(bundle.resolve("golden.json")).get("cases");
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            jobs.add(
                    () -> {
                        for (int round = 0; round < 25; round++) {
                            for (Map.Entry<String, JsonNode> c : cases.properties()) {
                                checkCase(
                                        template, c.getValue(), "rendered_with_generation_prompt");
                            }
                        }
                        return null;
                    });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : pool.invokeAll(jobs)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkCase(ChatTemplate template, JsonNode golden, String genPromptField)
            throws ChatTemplateException {
        List<ChatTurn> turns = Fixtures.turns(golden.get("messages"));
        if (golden.has("error")) {
            ChatTemplateException e =
                    assertThrows(ChatTemplateException.class, () -> template.render(turns, false));
            assertTrue(
                    golden.get("error").textValue().contains("'" + e.getMessage() + "'"),
                    "golden error " + golden.get("error") + " vs " + e.getMessage());
            assertTrue(e.raisedByTemplate());
            return;
        }
        assertEquals(golden.get("rendered").textValue(), template.render(turns, false));
        assertEquals("assistant", turns.get(turns.size() - 1).role());
        assertEquals(
                golden.get(genPromptField).textValue(),
                template.render(turns.subList(0, turns.size() - 1), true));
    }
}
