package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencePairTest {
    private static ChatMessage user(String text) {
        return new ChatMessage("user", text);
    }

    private static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text);
    }

    @Test
    void sharedTurnsBecomeThePromptAndTheLastTurnsTheCompletions() {
        ChatMessage system = new ChatMessage("system", "be brief");
        PreferencePair pair =
                PreferencePair.fromConversations(
                        "src",
                        7,
                        List.of(system, user("hi"), assistant("hello")),
                        List.of(system, user("hi"), assistant("go away")),
                        null);
        assertEquals(List.of(system, user("hi")), pair.prompt());
        assertEquals(List.of(assistant("hello")), pair.chosen());
        assertEquals(List.of(assistant("go away")), pair.rejected());
        assertFalse(pair.diverging());
        assertEquals(
                List.of(system, user("hi"), assistant("hello")), pair.conversation(Side.CHOSEN));
    }

    @Test
    void conversationsThatDifferBeforeTheLastTurnAreKeptWhole() {
        List<ChatMessage> chosen = List.of(user("a"), assistant("b"), user("c"), assistant("d"));
        List<ChatMessage> rejected = List.of(user("a"), assistant("X"), user("c"), assistant("e"));
        PreferencePair pair = PreferencePair.fromConversations(null, 1, chosen, rejected, null);
        assertTrue(pair.diverging());
        assertEquals(List.of(), pair.prompt());
        assertEquals(chosen, pair.conversation(Side.CHOSEN));
        assertEquals(rejected, pair.conversation(Side.REJECTED));
    }

    @Test
    void completionLengthCountsCodePointsOfTheCompletionTurnsOnly() {
        PreferencePair pair =
                PreferencePair.fromConversations(
                        null,
                        1,
                        List.of(user("a long question"), assistant("ok \uD83D\uDE00")),
                        List.of(user("a long question"), assistant("né")),
                        null);
        // "ok " + one emoji (two UTF-16 units) = 4 characters; the prompt does not count.
        assertEquals(4, pair.completionLength(Side.CHOSEN));
        assertEquals(2, pair.completionLength(Side.REJECTED));

        PreferencePair diverging =
                PreferencePair.fromConversations(
                        null,
                        1,
                        List.of(user("ab"), assistant("c"), user("d"), assistant("ef")),
                        List.of(user("ab"), assistant("X")),
                        null);
        assertEquals(6, diverging.completionLength(Side.CHOSEN));
        assertEquals(3, diverging.completionLength(Side.REJECTED));
    }

    @Test
    void conversationsOfDifferentLengthAreKeptWhole() {
        List<ChatMessage> chosen = List.of(user("a"), assistant("b"));
        List<ChatMessage> rejected = List.of(user("a"), assistant("b"), user("c"), assistant("d"));
        PreferencePair pair = PreferencePair.fromConversations(null, 1, chosen, rejected, null);
        assertTrue(pair.diverging());
        assertEquals(rejected, pair.rejected());
    }

    @Test
    void singleTurnConversationsHaveAnEmptyPrompt() {
        PreferencePair pair =
                PreferencePair.fromConversations(
                        null, 1, List.of(assistant("x")), List.of(assistant("y")), null);
        assertFalse(pair.diverging());
        assertEquals(List.of(), pair.prompt());
    }

    @Test
    void emptySidesAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        PreferencePair.fromConversations(
                                null, 1, List.of(), List.of(user("a")), null));
    }

    @Test
    void verdictsMapBackToTheStoredSides() {
        assertEquals(
                Side.REJECTED, annotation(Verdict.A_BETTER, Side.REJECTED).preferredSide().get());
        assertEquals(
                Side.CHOSEN, annotation(Verdict.B_BETTER, Side.REJECTED).preferredSide().get());
        assertEquals(Side.CHOSEN, annotation(Verdict.A_BETTER, Side.CHOSEN).preferredSide().get());
        assertTrue(annotation(Verdict.TIE, Side.CHOSEN).preferredSide().isEmpty());
    }

    private static Annotation annotation(Verdict verdict, Side displayedAsA) {
        return new Annotation(
                1, "ann", verdict, 2, List.of(), "", displayedAsA, 10, java.time.Instant.EPOCH);
    }
}
