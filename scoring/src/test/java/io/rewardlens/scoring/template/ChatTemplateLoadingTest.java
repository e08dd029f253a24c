package io.rewardlens.scoring.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.ChatTurn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading templates and special tokens from tokenizer configs and bundle folders. */
class ChatTemplateLoadingTest {
    private static final List<ChatTurn> TURNS = List.of(new ChatTurn("user", "Hi"));

    @Test
    void addedTokenObjectsAndPlainStringsBothBecomeStrings() throws ChatTemplateException {
        String config =
                "{\"bos_token\": {\"content\": \"<B>\", \"lstrip\": false, \"__type\":"
                    + " \"AddedToken\"}, \"eos_token\": \"<E>\", \"unk_token\": null,"
                    + " \"add_bos_token\": true, \"additional_special_tokens\": [\"<x>\","
                    + " {\"content\": \"<y>\"}], \"chat_template\": \"{{ bos_token }}{{ eos_token"
                    + " }}{{ unk_token is defined }}{{ add_bos_token is defined }}{{"
                    + " additional_special_tokens|join(',') }}\"}";
        ChatTemplate template = ChatTemplate.fromTokenizerConfig(config, null);
        assertEquals("<B><E>FalseFalse<x>,<y>", template.render(TURNS, false));
        assertEquals("<B>", template.specialTokens().get("bos_token"));
    }

    @Test
    void aListOfNamedTemplatesUsesDefault() throws ChatTemplateException {
        String config =
                "{\"chat_template\": [{\"name\": \"tool_use\", \"template\": \"tools\"},"
                        + " {\"name\": \"default\", \"template\": \"plain\"}]}";
        assertEquals("plain", ChatTemplate.fromTokenizerConfig(config, null).render(TURNS, false));
    }

    @Test
    void aSeparateTemplateWinsOverTheConfigs() throws ChatTemplateException {
        ChatTemplate template =
                ChatTemplate.fromTokenizerConfig(
                        "{\"chat_template\": \"config\", \"bos_token\": \"<s>\"}",
                        "file {{ bos_token }}");
        assertEquals("file <s>", template.render(TURNS, false));
    }

    @Test
    void bundleFolderPrefersChatTemplateJinja(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("tokenizer_config.json"),
                "{\"chat_template\": \"config\", \"eos_token\": \"</s>\"}");
        assertEquals("config", ChatTemplate.fromBundle(dir).render(TURNS, false));
        String jinja = "{% for m in messages %}{{ m.content }}{{ eos_token }}{% endfor %}\n";
        Files.writeString(dir.resolve("chat_template.jinja"), jinja);
        ChatTemplate template = ChatTemplate.fromBundle(dir);
        assertEquals("Hi</s>", template.render(TURNS, false));
        assertEquals(
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(jinja.getBytes(StandardCharsets.UTF_8))),
                template.templateSha256());
        assertEquals(jinja, template.source());
    }

    @Test
    void theFixtureBundlesShaMatchesTheirTemplateText() throws Exception {
        Path bundle = Fixtures.root().resolve("tiny-qwen3");
        String template =
                Fixtures.json(bundle.resolve("tokenizer_config.json"))
                        .get("chat_template")
                        .textValue();
        assertEquals(
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(template.getBytes(StandardCharsets.UTF_8))),
                ChatTemplate.fromBundle(bundle).templateSha256());
    }

    @Test
    void qwen3ThinkingSwitchIsAKeywordArgument() throws Exception {
        ChatTemplate qwen = ChatTemplate.fromBundle(Fixtures.root().resolve("tiny-qwen3"));
        String prompt = qwen.render(TURNS, true, Map.of("enable_thinking", false));
        assertTrue(prompt.endsWith("<|im_start|>assistant\n<think>\n\n</think>\n\n"), prompt);
        assertTrue(qwen.render(TURNS, true).endsWith("<|im_start|>assistant\n"));
    }

    @Test
    void malformedConfigsNameTheFileLineAndField(@TempDir Path dir) throws IOException {
        IllegalArgumentException json =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ChatTemplate.fromTokenizerConfig(
                                        "{\n\"chat_template\": \"x\",\n}", null));
        assertTrue(
                json.getMessage().contains("tokenizer_config.json: invalid JSON at line 3"),
                json.getMessage());

        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ChatTemplate.fromTokenizerConfig("{\"bos_token\": \"<s>\"}", null));
        assertTrue(missing.getMessage().contains("'chat_template'"), missing.getMessage());

        IllegalArgumentException token =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ChatTemplate.fromTokenizerConfig(
                                        "{\"chat_template\": \"x\", \"bos_token\": {\"id\": 1}}",
                                        null));
        assertTrue(token.getMessage().contains("'bos_token'"), token.getMessage());

        IllegalArgumentException noDefault =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ChatTemplate.fromTokenizerConfig(
                                        "{\"chat_template\": [{\"name\": \"rag\", \"template\":"
                                                + " \"x\"}]}",
                                        null));
        assertTrue(noDefault.getMessage().contains("'default'"), noDefault.getMessage());

        IllegalArgumentException unclosed =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ChatTemplate.of("line one\n{% if x %}\n{{ x ", Map.of()));
        assertTrue(unclosed.getMessage().contains("line 3"), unclosed.getMessage());

        IOException noConfig = assertThrows(IOException.class, () -> ChatTemplate.fromBundle(dir));
        assertTrue(noConfig.getMessage().contains("tokenizer_config.json"), noConfig.getMessage());

        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": 5}");
        IOException badField = assertThrows(IOException.class, () -> ChatTemplate.fromBundle(dir));
        assertTrue(
                badField.getMessage().contains(dir.resolve("tokenizer_config.json").toString()),
                badField.getMessage());
        assertTrue(badField.getMessage().contains("'chat_template'"), badField.getMessage());
    }

    @Test
    void expressionSyntaxErrorsSurfaceAsRenderErrors() {
        ChatTemplate template = ChatTemplate.of("{% if %}x{% endif %}", Map.of());
        assertThrows(ChatTemplateException.class, () -> template.render(TURNS, false));
    }

    @Test
    void unknownTagsAreRefusedWhenCompiledAsJinja2Does() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ChatTemplate.of("ok\n{% frobnicate %}", Map.of()));
        assertEquals("chat template line 2: Encountered unknown tag 'frobnicate'.", e.getMessage());
    }
}
