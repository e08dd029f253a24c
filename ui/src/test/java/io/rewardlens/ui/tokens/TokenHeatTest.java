package io.rewardlens.ui.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.ChatTurn;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.LengthPolicy;
import io.rewardlens.scoring.MessageSpan;
import io.rewardlens.scoring.RewardModel;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.testsupport.FixtureBundles;
import io.rewardlens.ui.annotate.TestBench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token-to-text mapping on the real tiny reward models (their real tokenizers and chat
 * templates, scored by their TorchScript traces) and on the demo model, for messages full of emoji
 * (ZWJ sequences, skin tones, flags), CJK, Arabic, combining marks and code blocks.
 */
class TokenHeatTest {
    /** A family (ZWJ sequence), a thumbs-up with a skin tone, a flag, a cat and a snake. */
    static final String FAMILY =
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";

    static final String THUMBS = "\uD83D\uDC4D\uD83C\uDFFD";
    static final String FLAG = "\uD83C\uDDEB\uD83C\uDDF7";

    static final String EMOJI =
            "Here is a family "
                    + FAMILY
                    + ", a thumbs-up "
                    + THUMBS
                    + ", a flag "
                    + FLAG
                    + " and a cat \uD83D\uDC31\uD83D\uDC31 \u2014 all fine!";

    static final String CJK_ARABIC =
            "\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8\u3067\u3059\u3002\u4E2D\u6587\u4E5F\u53EF\u4EE5\uFF1A\u4F60\u597D\uFF0C\u4E16\u754C\uFF01\n"
                + "\uD55C\uAD6D\uC5B4 \uBB38\uC7A5\uC785\uB2C8\uB2E4."
                + " \u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645\u060C"
                + " \u0647\u0630\u0627 \u0646\u0635 \u0639\u0631\u0628\u064A."
                + " \u0928\u092E\u0938\u094D\u0924\u0947 \uD840\uDC0B (a rare CJK ideograph outside"
                + " the BMP)";

    static final String COMBINING =
            "Cafe\u0301, nai\u0308ve, re\u0301sume\u0301 \u2014 and Z\u0351\u0314a\u0306l\u0352g"
                    + "\u0310o\u0341\u0360 text with stacked marks.";

    static final String CODE =
            "Use this:\n\n```python\ndef double(x):\n    # \u00d7 2 \uD83D\uDC0D\n"
                    + "    return x * 2\n```\n\nThen call `double(21)` \u2192 **42**.";

    static final String PADDED = "  \n Hello \uD83D\uDC4B there, \u4F60\u597D!  \n";

    static final String THINKING =
            "<think>\nLet me think \uD83E\uDD14 about it.\n</think>\n\nThe answer is 42.";

    static final List<Conversation> CONVERSATIONS =
            List.of(
                    conversation("Describe these emoji.", EMOJI),
                    conversation("Say hello in several languages.", CJK_ARABIC),
                    new Conversation(
                            List.of(
                                    new ChatTurn("user", "Spell caf\u00e9 with a combining mark."),
                                    new ChatTurn("assistant", COMBINING),
                                    new ChatTurn("user", "Now some code \uD83D\uDE42"),
                                    new ChatTurn("assistant", CODE))),
                    conversation("Greet me.", PADDED),
                    new Conversation(
                            List.of(
                                    new ChatTurn("user", "What is six times seven?"),
                                    new ChatTurn("assistant", THINKING),
                                    new ChatTurn("user", "Sure?"),
                                    new ChatTurn("assistant", "Yes \u2705, 42."))));

    private static final Map<String, RewardModel> MODELS = new HashMap<>();

    @TempDir static Path scratch;

    static Conversation conversation(String prompt, String answer) {
        return new Conversation(
                List.of(new ChatTurn("user", prompt), new ChatTurn("assistant", answer)));
    }

    static synchronized RewardModel model(String name) throws Exception {
        RewardModel model = MODELS.get(name);
        if (model == null) {
            model =
                    name.equals("demo")
                            ? TestBench.demoModel()
                            : FixtureBundles.load(FixtureBundles.bundle(name), DeviceChoice.CPU);
            MODELS.put(name, model);
        }
        return model;
    }

    @AfterAll
    static void closeModels() {
        MODELS.forEach(
                (name, model) -> {
                    if (!name.equals("demo")) {
                        model.close();
                    }
                });
        MODELS.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama3", "tiny-gemma2", "tiny-qwen3", "demo"})
    void overlayRangesRebuildEachMessageAndItsChangesAddUpToTheScore(String name) throws Exception {
        RewardModel model = model(name);
        List<ScoreResult> results = model.scoreAll(CONVERSATIONS, LengthPolicy.REFUSE);
        for (int c = 0; c < CONVERSATIONS.size(); c++) {
            checkConversation(name + " conversation " + c, CONVERSATIONS.get(c), results.get(c));
        }
    }

    private static void checkConversation(
            String what, Conversation conversation, ScoreResult result) {
        assertTrue(result.hasPerTokenScores(), what);
        TokenScores tokens = TokenScores.of(result);
        float[] perToken = result.perTokenScores();
        String rendered = result.input().text();
        assertEquals(perToken.length, tokens.count());
        assertEquals(result.score(), tokens.finalScore(), 1e-6, what);

        int[] owner = new int[tokens.count()];
        java.util.Arrays.fill(owner, -1);
        double sum = 0;
        for (int turn = 0; turn < conversation.turns().size(); turn++) {
            String message = conversation.turns().get(turn).content();
            String where = what + " turn " + turn;
            MessageHeat heat = tokens.heat(turn, message);
            Optional<MessageSpan> span =
                    result.messageSpans().stream()
                            .filter(s -> s.turnIndex() == heat.turn())
                            .findFirst();
            assertEquals(span.isPresent(), heat.located(), where);
            if (span.isEmpty()) {
                assertEquals(List.of(), heat.runs());
                continue;
            }
            String content = rendered.substring(span.get().start(), span.get().end());
            int offset = 0;
            if (!content.equals(message)) {
                assertEquals(message.strip(), content, where + ": only white space is trimmed");
                offset = message.indexOf(content);
            }
            int shift = span.get().start() - offset;

            // Concatenated, the runs give back the message's content exactly: no gap, no overlap.
            StringBuilder joined = new StringBuilder();
            int previousEnd = offset;
            for (HeatRun run : heat.runs()) {
                assertEquals(previousEnd, run.start(), where + " run " + run + " leaves a gap");
                previousEnd = run.end();
                joined.append(message, run.start(), run.end());
                assertNoSplitCharacter(message, run.start(), where);
                assertNoSplitCharacter(message, run.end(), where);
                assertEquals(perToken[run.lastToken()], run.score(), 1e-6, where);
                double delta = 0;
                for (int i = run.firstToken(); i <= run.lastToken(); i++) {
                    assertEquals(-1, owner[i], where + " token " + i + " is in two runs");
                    owner[i] = turn;
                    delta += i == 0 ? perToken[0] : (double) perToken[i] - perToken[i - 1];
                    // The token's text within the message lies inside its run, at its place.
                    int from = Math.max(tokens.start(i), span.get().start());
                    int to = Math.min(tokens.end(i), span.get().end());
                    assertTrue(from < to, where + " token " + i + " is outside the message");
                    assertTrue(run.start() <= from - shift && to - shift <= run.end(), where);
                    assertEquals(
                            rendered.substring(from, to),
                            message.substring(from - shift, to - shift),
                            where + " token " + i);
                }
                assertEquals(delta, run.delta(), 1e-9, where);
                sum += run.delta();
            }
            assertEquals(content, joined.toString(), where);
        }
        for (int i = 0; i < tokens.count(); i++) {
            if (owner[i] < 0) {
                // Markup (or a message the template changed): kept for the chart only.
                sum += tokens.delta(i);
            }
        }
        assertEquals(perToken[perToken.length - 1], sum, 1e-4, what + ": changes add up");
        assertEquals(result.score(), sum, 1e-4, what);
    }

    @ParameterizedTest
    @CsvSource({"tiny-qwen3, true", "demo, true", "tiny-llama3, false"})
    void aToolCallsHeatLandsOnTheWordsOfItsLine(String name, boolean templatePrintsCalls)
            throws Exception {
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put("city", "Z\u00fcrich");
        arguments.put("unit", "celsius");
        Map<String, Object> call =
                Map.of(
                        "type",
                        "function",
                        "function",
                        Map.of("name", "get_weather", "arguments", arguments));
        Map<String, Object> calling = new java.util.LinkedHashMap<>();
        calling.put("role", "assistant");
        calling.put("content", "");
        calling.put("tool_calls", List.of(call));
        Conversation conversation =
                new Conversation(
                        List.of(
                                new ChatTurn("user", "Weather in Z\u00fcrich?"),
                                new ChatTurn("assistant", "", calling),
                                new ChatTurn(
                                        "tool",
                                        "{\"temperature\": 7}",
                                        Map.of("role", "tool", "content", "{\"temperature\": 7}")),
                                new ChatTurn("assistant", "It is 7 \u00b0C.")));
        ScoreResult result = model(name).score(conversation, LengthPolicy.REFUSE);
        TokenScores tokens = TokenScores.of(result);
        String line =
                "\u2192 get_weather({\"city\": \"Z\u00fcrich\", \"unit\": \"celsius\"}) \u00b7"
                        + " call_1";

        MessageHeat heat = tokens.heat(1, "", List.of(line));

        if (!templatePrintsCalls) {
            // Nothing of the call is in the model's text: nothing to paint.
            assertFalse(heat.located(), name);
            assertTrue(heat.callRuns().stream().allMatch(List::isEmpty), name);
            return;
        }
        assertTrue(heat.located(), name);
        assertEquals(List.of(), heat.runs());
        List<String> painted = new ArrayList<>();
        int previousEnd = 0;
        for (HeatRun run : heat.callRuns().get(0)) {
            assertTrue(run.start() >= previousEnd, name + " runs overlap");
            previousEnd = run.end();
            painted.add(line.substring(run.start(), run.end()));
            for (int i = run.firstToken(); i <= run.lastToken(); i++) {
                assertEquals(1, tokens.turn(i), name + " token " + i + " of another turn");
            }
        }
        String words = String.join("", painted);
        // The template printed the name and the arguments; the id it did not print stays plain.
        for (String word : List.of("get_weather", "city", "Z\u00fcrich", "unit", "celsius")) {
            assertTrue(words.contains(word), name + ": " + painted);
        }
        assertFalse(words.contains("call_1"), name + ": " + painted);
        assertEquals(
                heat.callRuns().get(0).get(0),
                heat.runOfToken(heat.callRuns().get(0).get(0).firstToken()));
    }

    private static void assertNoSplitCharacter(String text, int index, String where) {
        if (index > 0 && index < text.length()) {
            assertFalse(
                    Character.isHighSurrogate(text.charAt(index - 1))
                            && Character.isLowSurrogate(text.charAt(index)),
                    where + ": a range splits a surrogate pair at " + index);
            int type = Character.getType(text.codePointAt(index));
            assertFalse(
                    type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK,
                    where + ": a range starts on a combining mark at " + index);
            assertFalse(
                    text.charAt(index) == '\u200D' || text.charAt(index - 1) == '\u200D',
                    where + ": a range splits a ZWJ sequence at " + index);
            int codePoint = text.codePointAt(index);
            assertFalse(
                    codePoint >= 0x1F3FB && codePoint <= 0x1F3FF,
                    where + ": a range separates a skin tone from its emoji at " + index);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama3", "tiny-gemma2", "tiny-qwen3", "demo"})
    void emojiSequencesAndCodeBlocksAreColouredWhole(String name) throws Exception {
        ScoreResult emoji = model(name).score(CONVERSATIONS.get(0), LengthPolicy.REFUSE);
        MessageHeat heat = TokenScores.of(emoji).heat(1, EMOJI);
        for (String sequence : List.of(FAMILY, THUMBS, FLAG)) {
            int at = EMOJI.indexOf(sequence);
            HeatRun run = heat.runAt(at);
            assertNotNull(run, name + ": " + sequence + " is covered");
            assertTrue(
                    run.start() <= at && at + sequence.length() <= run.end(),
                    name + ": " + sequence + " lies in one run: " + run);
        }
        // Every tokenizer here splits the family into byte-level pieces or code points: one run.
        assertTrue(heat.runAt(EMOJI.indexOf(FAMILY)).tokenCount() > 1, name);

        ScoreResult code = model(name).score(CONVERSATIONS.get(2), LengthPolicy.REFUSE);
        MessageHeat codeHeat = TokenScores.of(code).heat(3, CODE);
        int snake = CODE.indexOf("\uD83D\uDC0D");
        int returnAt = CODE.indexOf("return");
        assertNotNull(codeHeat.runAt(snake), name + ": the emoji in the code block is covered");
        assertNotNull(codeHeat.runAt(returnAt), name + ": the code is covered");
        assertTrue(codeHeat.runs().size() > 10, name + ": tokens of the code block have runs");
    }

    @Test
    void qwen3PlacesNoHeatOnAThinkBlockItsTemplateDropped() throws Exception {
        ScoreResult result = model("tiny-qwen3").score(CONVERSATIONS.get(4), LengthPolicy.REFUSE);
        assertFalse(
                result.input().text().contains("Let me think"),
                "the Qwen3 template drops the reasoning of an earlier turn");
        TokenScores tokens = TokenScores.of(result);
        MessageHeat dropped = tokens.heat(1, THINKING);
        assertFalse(dropped.located());
        assertEquals(List.of(), dropped.runs());
        assertTrue(tokens.heat(3, "Yes \u2705, 42.").located(), "the last answer is placed");

        // Llama 3 keeps the message as written: it is placed.
        ScoreResult llama = model("tiny-llama3").score(CONVERSATIONS.get(4), LengthPolicy.REFUSE);
        assertTrue(TokenScores.of(llama).heat(1, THINKING).located());
    }

    @Test
    void leadingAndTrailingWhiteSpaceStrippedByTheTemplateIsLeftUncoloured() throws Exception {
        ScoreResult result = model("tiny-llama3").score(CONVERSATIONS.get(3), LengthPolicy.REFUSE);
        MessageHeat heat = TokenScores.of(result).heat(1, PADDED);
        assertTrue(heat.located());
        int leading = PADDED.length() - PADDED.stripLeading().length();
        assertEquals(leading, heat.runs().get(0).start());
        assertEquals(
                PADDED.strip().length() + leading, heat.runs().get(heat.runs().size() - 1).end());
        assertEquals(null, heat.runAt(0));
    }

    @Test
    void theChangesOfTheFirstTokensAreTheirScoreDifferences() throws Exception {
        ScoreResult result = model("tiny-gemma2").score(CONVERSATIONS.get(0), LengthPolicy.REFUSE);
        float[] perToken = result.perTokenScores();
        TokenScores tokens = TokenScores.of(result);
        assertEquals(perToken[0], tokens.delta(0), 0);
        for (int i = 1; i < perToken.length; i++) {
            assertEquals((double) perToken[i] - perToken[i - 1], tokens.delta(i), 0);
            assertEquals(perToken[i], tokens.score(i), 0);
        }
        int first = tokens.firstTokenOf(1);
        assertTrue(first > 0, "the answer starts after the prompt's tokens");
        assertEquals(1, tokens.turn(first));
        assertEquals(TokenScores.MARKUP, tokens.turn(0), "the BOS token is markup");
    }

    @Test
    void aLogitsTraceHasNoTokenScores() throws Exception {
        Path logits = FixtureBundles.logitsTraceOnly(scratch.resolve("logits"));
        try (RewardModel model = FixtureBundles.load(logits, DeviceChoice.CPU)) {
            ScoreResult result = model.score(CONVERSATIONS.get(0), LengthPolicy.REFUSE);
            assertFalse(result.hasPerTokenScores());
            assertThrows(IllegalArgumentException.class, () -> TokenScores.of(result));
        }
    }

    @Test
    void theScaleIsSymmetricAroundZero() {
        HeatScale scale = new HeatScale(2.0);
        assertEquals(HeatScale.LEVELS, scale.level(2.0));
        assertEquals(-HeatScale.LEVELS, scale.level(-2.0));
        assertEquals(-HeatScale.LEVELS, scale.level(-7.0));
        assertEquals(scale.level(0.8), -scale.level(-0.8));
        assertEquals(0, scale.level(0.1));
        assertEquals(0, new HeatScale(0).level(1.0));
        List<MessageHeat> messages = new ArrayList<>();
        messages.add(new MessageHeat(0, true, List.of(new HeatRun(0, 1, 0, 0, -3.0, 1.0))));
        messages.add(new MessageHeat(1, true, List.of(new HeatRun(0, 2, 1, 2, 1.5, 2.5))));
        assertEquals(3.0, HeatScale.over(messages).bound());
    }
}
