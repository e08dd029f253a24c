package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.scoring.template.ChatTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-message spans of a tool-calling conversation, rendered by real templates of the corpus: each
 * turn is found, in order, and an assistant turn whose content is empty spans the tool call the
 * template printed, so the token heat of the call lands on that turn.
 */
class ToolCallSpansTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                // JSON tool calls inside <tool_call> tags; the tool result as given.
                "google--minja--third_party-templates-Qwen-Qwen2.5-7B-Instruct",
                // The call as {"name", "parameters"}; the tool result through tojson.
                "Butanium--chat_templates_tools--templates-llama3.1_chat_template"
            })
    void everyTurnIsFoundAndTheToolCallSpansItsCall(String templateName) throws Exception {
        List<ChatTurn> turns = turns();
        String text = render(templateName, turns);

        List<MessageSpan> spans = RewardModel.locateMessages(text, turns);

        assertEquals(turns.size(), spans.size(), text);
        int previousEnd = 0;
        for (MessageSpan span : spans) {
            assertTrue(span.start() >= previousEnd, "spans overlap: " + spans);
            assertEquals(turns.get(span.turnIndex()).role(), span.role());
            previousEnd = span.end();
        }
        String call = text.substring(spans.get(2).start(), spans.get(2).end());
        assertTrue(call.startsWith("get_weather") && call.endsWith("celsius"), call);
        assertTrue(call.contains("Zürich"), call);
        assertTrue(
                text.substring(spans.get(3).start(), spans.get(3).end())
                        .replace("\\\"", "\"")
                        .contains("{\"temperature\": 7}"));
        assertEquals(
                "It is 7 °C in Zürich.", text.substring(spans.get(4).start(), spans.get(4).end()));
    }

    @Test
    void aTurnTheTemplateDoesNotPrintHasNoSpan() throws Exception {
        // Hermes 3's default template prints no tool calls: the calling turn is empty there.
        List<ChatTurn> turns = turns();
        String text =
                render(
                        "google--minja--third_party-templates-NousResearch-Hermes-3-Llama-3.1-70B-default",
                        turns);

        List<MessageSpan> spans = RewardModel.locateMessages(text, turns);

        assertEquals(List.of(0, 1, 3, 4), spans.stream().map(MessageSpan::turnIndex).toList());
    }

    private static List<ChatTurn> turns() throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages =
                (List<Map<String, Object>>) toolsConversation().get("messages");
        List<ChatTurn> turns = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            turns.add(new ChatTurn((String) m.get("role"), (String) m.get("content"), m));
        }
        return turns;
    }

    private static String render(String templateName, List<ChatTurn> turns) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) toolsConversation().get("variables");
        Map<String, String> specialTokens =
                JSON.readValue(resource(templateName + ".tokens.json"), new TypeReference<>() {});
        return ChatTemplate.of(resource(templateName + ".jinja"), specialTokens)
                .render(new Conversation(turns, variables), false);
    }

    private static Map<String, Object> toolsConversation() throws IOException {
        List<Map<String, Object>> conversations =
                JSON.readValue(resource("conversations.json"), new TypeReference<>() {});
        return conversations.stream()
                .filter(c -> "tools".equals(c.get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in =
                ToolCallSpansTest.class.getResourceAsStream("/templates-corpus/" + name)) {
            if (in == null) {
                throw new IOException("missing resource /templates-corpus/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
