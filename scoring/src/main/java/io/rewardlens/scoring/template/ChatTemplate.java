package io.rewardlens.scoring.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.JinjavaConfig;
import io.rewardlens.scoring.ChatTurn;
import io.rewardlens.scoring.Conversation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's chat template, rendered byte for byte as Hugging Face {@code transformers} renders it
 * with {@code apply_chat_template(messages, tokenize=False)}. Reward scores are only meaningful on
 * the exact text the model was trained on, so the template runs in a jinja2-compatible sandbox:
 * jinja2's whitespace rules, Python operators, methods, truthiness and printing, HF's globals
 * ({@code raise_exception}, {@code strftime_now}) and {@code tojson}, and every special token of
 * the tokenizer config as a variable.
 *
 * <p>Templates are untrusted: they cannot reach Java objects or load files, and each render stops
 * at the limits of its {@link RenderOptions}. Instances are immutable and thread-safe.
 */
public final class ChatTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_FILE = "tokenizer_config.json";
    private static final String TEMPLATE_FILE = "chat_template.jinja";

    private final String source;
    private final CompiledTemplate compiled;
    private final String sha256;
    private final Map<String, Object> specialTokens;
    private final RenderOptions options;
    private final JinjavaConfig jinjavaConfig;

    private ChatTemplate(
            String source,
            CompiledTemplate compiled,
            Map<String, Object> specialTokens,
            RenderOptions options) {
        this.source = source;
        this.compiled = compiled;
        this.sha256 = sha256Hex(source);
        this.specialTokens = specialTokens;
        this.options = options;
        this.jinjavaConfig = SandboxedJinja.config(options);
    }

    /**
     * Reads the chat template of a model bundle folder: {@code tokenizer_config.json} gives the
     * special tokens and, unless the folder has a {@code chat_template.jinja} (which wins, as in
     * transformers), the template.
     *
     * @param bundleDir the folder holding {@code tokenizer_config.json}
     * @return the template with default render options
     * @throws IOException when a file cannot be read, is malformed, or no template is found; the
     *     message names the file
     */
    public static ChatTemplate fromBundle(Path bundleDir) throws IOException {
        Path configFile = bundleDir.resolve(CONFIG_FILE);
        Path templateFile = bundleDir.resolve(TEMPLATE_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new IOException("no " + CONFIG_FILE + " in " + bundleDir);
        }
        String config = Files.readString(configFile, StandardCharsets.UTF_8);
        String template =
                Files.isRegularFile(templateFile)
                        ? Files.readString(templateFile, StandardCharsets.UTF_8)
                        : null;
        try {
            return fromTokenizerConfig(config, template);
        } catch (IllegalArgumentException e) {
            Path blamed =
                    template != null && e.getMessage().startsWith("chat template line")
                            ? templateFile
                            : configFile;
            throw new IOException(blamed + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a template from the text of a {@code tokenizer_config.json}.
     *
     * @param tokenizerConfigJson the JSON text; its {@code chat_template} may be a string or a list
     *     of {@code {name, template}} (the one named {@code default} is used)
     * @param templateOrNull a separate template text (as from {@code chat_template.jinja}) that
     *     replaces the config's, or null
     * @return the template with default render options
     * @throws IllegalArgumentException when the JSON is malformed, a field has the wrong type, no
     *     template is found, or the template has a syntax error; the message names the line and
     *     field
     */
    public static ChatTemplate fromTokenizerConfig(
            String tokenizerConfigJson, String templateOrNull) {
        JsonNode config;
        try {
            config = JSON.readTree(tokenizerConfigJson);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(
                    CONFIG_FILE
                            + ": invalid JSON"
                            + (at == null ? "" : " at line " + at.getLineNr())
                            + ": "
                            + e.getOriginalMessage(),
                    e);
        }
        if (config == null || !config.isObject()) {
            throw new IllegalArgumentException(CONFIG_FILE + ": expected a JSON object");
        }
        String template = templateOrNull != null ? templateOrNull : templateFromConfig(config);
        return new ChatTemplate(
                template,
                new CompiledTemplate(template),
                specialTokens(config),
                RenderOptions.DEFAULT);
    }

    /**
     * Builds a template from its source and the special tokens it may print.
     *
     * @param template the jinja2 template text
     * @param specialTokens variables such as {@code bos_token}; copied
     * @return the template with default render options
     * @throws IllegalArgumentException when the template has a syntax error
     */
    public static ChatTemplate of(String template, Map<String, String> specialTokens) {
        Objects.requireNonNull(template, "template");
        return new ChatTemplate(
                template,
                new CompiledTemplate(template),
                Collections.unmodifiableMap(new LinkedHashMap<>(specialTokens)),
                RenderOptions.DEFAULT);
    }

    /**
     * Returns this template with other render limits.
     *
     * @param renderOptions the limits and clock
     * @return a template sharing this one's source
     */
    public ChatTemplate withOptions(RenderOptions renderOptions) {
        return new ChatTemplate(
                source, compiled, specialTokens, Objects.requireNonNull(renderOptions));
    }

    /**
     * Renders a conversation as {@code apply_chat_template(messages, tokenize=False,
     * add_generation_prompt=...)} does.
     *
     * @param turns the conversation's turns in order
     * @param addGenerationPrompt whether to append the header that opens an assistant turn
     * @return the prompt text
     * @throws ChatTemplateException when the template raises (message = the template's own), fails,
     *     or exceeds a render limit
     */
    public String render(List<ChatTurn> turns, boolean addGenerationPrompt)
            throws ChatTemplateException {
        return render(turns, addGenerationPrompt, Map.of());
    }

    /**
     * Renders a conversation with extra template variables, as keyword arguments of {@code
     * apply_chat_template} (for example {@code enable_thinking=false} or {@code tools}).
     *
     * @param turns the conversation's turns in order
     * @param addGenerationPrompt whether to append the header that opens an assistant turn
     * @param variables extra variables: strings, numbers, booleans, and lists and maps of them;
     *     they override special tokens of the same name
     * @return the prompt text
     * @throws ChatTemplateException when the template raises, fails, or exceeds a render limit
     */
    public String render(
            List<ChatTurn> turns, boolean addGenerationPrompt, Map<String, ?> variables)
            throws ChatTemplateException {
        List<Map<String, Object>> messages = new ArrayList<>(turns.size());
        for (ChatTurn turn : turns) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", turn.role());
            message.put("content", turn.content());
            messages.add(message);
        }
        return renderMessages(messages, addGenerationPrompt, variables);
    }

    /**
     * Renders a whole conversation: each turn's message ({@link ChatTurn#message()}, tool calls and
     * all) with the conversation's variables (such as {@code tools} and {@code documents}).
     *
     * @param conversation the turns and variables
     * @param addGenerationPrompt whether to append the header that opens an assistant turn
     * @return the prompt text
     * @throws ChatTemplateException when the template raises, fails, or exceeds a render limit
     * @throws IllegalArgumentException when a value has a type a template cannot see
     */
    public String render(Conversation conversation, boolean addGenerationPrompt)
            throws ChatTemplateException {
        List<Map<String, Object>> messages = new ArrayList<>(conversation.turns().size());
        for (ChatTurn turn : conversation.turns()) {
            messages.add(turn.message());
        }
        return renderMessages(messages, addGenerationPrompt, conversation.variables());
    }

    /**
     * Renders messages given as JSON-like maps, as {@code apply_chat_template} does with the
     * message dicts of the OpenAI format: besides {@code role} and {@code content} they may carry
     * {@code tool_calls}, {@code tool_call_id}, {@code name}, {@code reasoning_content}, or a
     * content that is a list of parts.
     *
     * @param messages the messages in order; values are strings, numbers, booleans, null (None),
     *     and lists and maps of them
     * @param addGenerationPrompt whether to append the header that opens an assistant turn
     * @param variables extra variables as for {@link #render(List, boolean, Map)}
     * @return the prompt text
     * @throws ChatTemplateException when the template raises, fails, or exceeds a render limit
     * @throws IllegalArgumentException when a value has a type a template cannot see
     */
    public String renderMessages(
            List<? extends Map<String, ?>> messages,
            boolean addGenerationPrompt,
            Map<String, ?> variables)
            throws ChatTemplateException {
        Map<String, Object> bindings = new LinkedHashMap<>(specialTokens);
        // transformers always passes these two, as None when there are none.
        bindings.put("tools", PyNone.INSTANCE);
        bindings.put("documents", PyNone.INSTANCE);
        for (Map.Entry<String, ?> e : variables.entrySet()) {
            bindings.put(e.getKey(), plainValue(e.getValue(), e.getKey(), 0));
        }
        List<Object> copies = new ArrayList<>(messages.size());
        for (Map<String, ?> message : messages) {
            copies.add(plainValue(message, "messages", 1));
        }
        bindings.put("messages", copies);
        bindings.put("add_generation_prompt", addGenerationPrompt);
        return SandboxedJinja.instance().render(compiled, bindings, options, jinjavaConfig);
    }

    /**
     * The SHA-256 of the template source (UTF-8), recorded with every score as provenance.
     *
     * @return 64 lower-case hex digits
     */
    public String templateSha256() {
        return sha256;
    }

    /**
     * The jinja2 source of the template.
     *
     * @return the template text as read
     */
    public String source() {
        return source;
    }

    /**
     * The special tokens the template can print, by variable name ({@code bos_token}, ...).
     *
     * @return an unmodifiable map; lists for {@code additional_special_tokens}
     */
    public Map<String, Object> specialTokens() {
        return specialTokens;
    }

    /**
     * The limits each render runs under.
     *
     * @return the render options
     */
    public RenderOptions options() {
        return options;
    }

    private static String templateFromConfig(JsonNode config) {
        JsonNode node = config.get("chat_template");
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(
                    CONFIG_FILE + ": no field 'chat_template' and no separate template given");
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                JsonNode name = entry.get("name");
                JsonNode template = entry.get("template");
                if (name == null
                        || !name.isTextual()
                        || template == null
                        || !template.isTextual()) {
                    throw new IllegalArgumentException(
                            CONFIG_FILE
                                    + ": field 'chat_template["
                                    + i
                                    + "]' must be an object with string 'name' and 'template'");
                }
                if (name.textValue().equals("default")) {
                    return template.textValue();
                }
                names.add(name.textValue());
            }
            throw new IllegalArgumentException(
                    CONFIG_FILE
                            + ": field 'chat_template' has no template named 'default' "
                            + names);
        }
        throw new IllegalArgumentException(
                CONFIG_FILE
                        + ": field 'chat_template' must be a string or a list, not "
                        + node.getNodeType());
    }

    /**
     * The special tokens as transformers passes them to templates: every {@code *_token} field that
     * is a string or an AddedToken object ({@code {"content": ...}}), the named extra special
     * tokens, and the list of additional special tokens; null tokens stay undefined.
     */
    private static Map<String, Object> specialTokens(JsonNode config) {
        Map<String, Object> tokens = new LinkedHashMap<>();
        JsonNode extra = config.get("extra_special_tokens");
        if (extra != null && extra.isObject()) {
            for (Map.Entry<String, JsonNode> e : extra.properties()) {
                String token = tokenText(e.getValue(), "extra_special_tokens." + e.getKey());
                if (token != null) {
                    tokens.put(e.getKey(), token);
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : config.properties()) {
            if (e.getKey().endsWith("_token")) {
                JsonNode value = e.getValue();
                if (value.isTextual() || value.isObject()) {
                    String token = tokenText(value, e.getKey());
                    if (token != null) {
                        tokens.put(e.getKey(), token);
                    }
                }
            }
        }
        JsonNode additional = config.get("additional_special_tokens");
        if (additional != null && additional.isArray()) {
            List<String> list = new ArrayList<>();
            for (int i = 0; i < additional.size(); i++) {
                String token = tokenText(additional.get(i), "additional_special_tokens[" + i + "]");
                if (token != null) {
                    list.add(token);
                }
            }
            tokens.put("additional_special_tokens", Collections.unmodifiableList(list));
        }
        return Collections.unmodifiableMap(tokens);
    }

    private static String tokenText(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isObject()) {
            JsonNode content = value.get("content");
            if (content != null && content.isTextual()) {
                return content.textValue();
            }
        }
        throw new IllegalArgumentException(
                CONFIG_FILE
                        + ": field '"
                        + field
                        + "' must be a string or an object with a string 'content'");
    }

    /** Copies a caller's value into the plain types a template may see. */
    private static Object plainValue(Object value, String name, int depth) {
        if (depth > 50) {
            throw new IllegalArgumentException(
                    "template variable '" + name + "' is nested too deeply");
        }
        if (value == null) {
            return PyNone.INSTANCE;
        }
        if (value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(e.getKey()), plainValue(e.getValue(), name, depth + 1));
            }
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (List<?>) value) {
                copy.add(plainValue(item, name, depth + 1));
            }
            return copy;
        }
        throw new IllegalArgumentException(
                "template variable '"
                        + name
                        + "' has unsupported type "
                        + value.getClass().getName());
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
