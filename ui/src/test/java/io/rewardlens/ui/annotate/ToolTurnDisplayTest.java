package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.StoredPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pair view's wording of tool calls and tool results, on a pair stored in a real SQLite store
 * and prepared as the annotation view prepares it (no toolkit needed).
 */
class ToolTurnDisplayTest {
    @TempDir Path dir;

    private static final ChatMessage USER = new ChatMessage("user", "Weather in Paris?");
    private static final ChatMessage CALL =
            ChatMessage.fromJson(
                    "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                            + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                            + "\"arguments\":{\"city\":\"Paris\",\"note\":\"a, b: c\"}}},"
                            + "{\"type\":\"function\",\"function\":{\"name\":\"get_time\","
                            + "\"arguments\":\"{\\\"tz\\\":\\\"CET\\\"}\"}}]}");
    private static final ChatMessage RESULT =
            ChatMessage.fromJson(
                    "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"name\":\"get_weather\","
                            + "\"content\":\"18 C\"}");

    private PreparedPair stored(List<ChatMessage> chosen, List<ChatMessage> rejected) {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("s.db"))) {
            store.createDataset("d", "test");
            store.addPair(
                    "d", PreferencePair.fromConversations("tools", 1, chosen, rejected, null));
            StoredPair pair = store.pairs(PairQuery.all()).get(0);
            return PreparedPair.of(pair, "alice", null, false);
        }
    }

    @Test
    void aToolCallShowsAsAnArrowWithItsArgumentsAndAToolResultNamesItsCall() {
        PreparedPair pair =
                stored(
                        List.of(USER, CALL, RESULT, new ChatMessage("assistant", "18 C.")),
                        List.of(USER, CALL, RESULT, new ChatMessage("assistant", "No idea.")));
        Turn call = pair.prompt().get(1);
        assertEquals("assistant", call.label());
        assertEquals("", call.text());
        assertEquals(
                List.of(
                        "\u2192 get_weather({\"city\": \"Paris\", \"note\": \"a, b: c\"}) \u00b7"
                                + " call_1",
                        "\u2192 get_time({\"tz\": \"CET\"})"),
                call.toolCalls());
        assertTrue(call.hasToolDetail());

        Turn result = pair.prompt().get(2);
        assertEquals("tool \u00b7 get_weather \u00b7 call_1", result.label());
        assertEquals("18 C", result.text());
        assertTrue(result.toolCalls().isEmpty());
        assertTrue(result.hasToolDetail());

        Turn user = pair.prompt().get(0);
        assertEquals("user", user.label());
        assertFalse(user.hasToolDetail());
    }

    @Test
    void theWordDiffSeesToolCalls() {
        PreparedPair pair =
                stored(
                        List.of(USER, CALL),
                        List.of(USER, new ChatMessage("assistant", "I cannot look that up.")));
        DisplaySide callSide = pair.displaySide(io.rewardlens.storage.Side.CHOSEN);
        assertEquals(
                "\u2192 get_weather({\"city\": \"Paris\", \"note\": \"a, b: c\"}) \u00b7 call_1\n"
                        + "\u2192 get_time({\"tz\": \"CET\"})",
                pair.text(callSide));
        assertEquals("I cannot look that up.", pair.text(callSide.other()));
    }
}
