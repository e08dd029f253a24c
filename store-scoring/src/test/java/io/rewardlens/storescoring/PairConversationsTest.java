package io.rewardlens.storescoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.scoring.ChatTurn;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored pairs as the conversations a reward model scores. */
class PairConversationsTest {
    private static final ChatMessage SYSTEM = new ChatMessage("system", "Be brief.");
    private static final ChatMessage USER = new ChatMessage("user", "2+2?");

    @Test
    void aSharedPromptPrecedesEachSidesAnswer() {
        PreferencePair pair =
                PreferencePair.fromConversations(
                        "math",
                        1,
                        List.of(SYSTEM, USER, new ChatMessage("assistant", "4")),
                        List.of(SYSTEM, USER, new ChatMessage("assistant", "5")),
                        null);
        assertEquals(
                Conversation.of(
                        new ChatTurn("system", "Be brief."),
                        new ChatTurn("user", "2+2?"),
                        new ChatTurn("assistant", "4")),
                PairConversations.of(pair, Side.CHOSEN));
        assertEquals(
                Conversation.of(
                        new ChatTurn("system", "Be brief."),
                        new ChatTurn("user", "2+2?"),
                        new ChatTurn("assistant", "5")),
                PairConversations.of(pair, Side.REJECTED));
    }

    @Test
    void divergingConversationsAreScoredWhole() {
        List<ChatMessage> chosen =
                List.of(
                        USER,
                        new ChatMessage("assistant", "4"),
                        new ChatMessage("user", "sure?"),
                        new ChatMessage("assistant", "yes"));
        List<ChatMessage> rejected =
                List.of(new ChatMessage("user", "2+2"), new ChatMessage("assistant", "5"));
        PreferencePair pair = PreferencePair.fromConversations(null, 2, chosen, rejected, null);
        assertEquals(4, PairConversations.of(pair, Side.CHOSEN).turns().size());
        assertEquals(
                Conversation.of(new ChatTurn("user", "2+2"), new ChatTurn("assistant", "5")),
                PairConversations.of(pair, Side.REJECTED));
    }

    @Test
    void aMessageWithMoreThanTextReachesTheTemplateWhole() {
        ChatMessage call =
                ChatMessage.fromJson(
                        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"type\":"
                            + "\"function\",\"function\":{\"name\":\"f\",\"arguments\":{\"n\":2}}}]}");
        PreferencePair pair =
                PreferencePair.fromConversations(
                        null,
                        1,
                        List.of(USER, call, new ChatMessage("assistant", "4")),
                        List.of(USER, call, new ChatMessage("assistant", "5")),
                        "{\"id\":3,\"documents\":[{\"title\":\"t\",\"text\":\"x\"}],\"tools\":null}");
        Conversation conversation = PairConversations.of(pair, Side.CHOSEN);
        ChatTurn turn = conversation.turns().get(1);
        assertEquals("", turn.content());
        assertEquals(call.fields(), turn.message());
        assertEquals(
                java.util.Map.of("documents", List.of(java.util.Map.of("title", "t", "text", "x"))),
                conversation.variables(),
                "documents come from the record; a null tools is no variable");
        assertEquals(
                java.util.Map.of("role", "user", "content", "2+2?"),
                conversation.turns().get(0).message());
    }
}
