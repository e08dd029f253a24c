package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.Fixtures.GoldenCase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Token and message spans are Java string indices into the rendered text. */
class TokenSpansTest {
    static final List<String> MODELS = Fixtures.MODELS;

    @Test
    void codePointOffsetsBecomeUtf16Indices() {
        // 'a', U+1F431 (two UTF-16 units), U+732B, 'b'
        String text = "a\uD83D\uDC31\u732Bb";
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, TokenEncoder.codePointToUtf16(text));
        assertArrayEquals(new int[] {0}, TokenEncoder.codePointToUtf16(""));
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void eachWholeTokenSpanHoldsExactlyItsText(String name) throws ScoringException {
        RewardModel model = Fixtures.loaded(name);
        TokenEncoder tokenizer = TokenEncoder.load(Fixtures.model(name).resolve("tokenizer.json"));
        try (tokenizer) {
            for (GoldenCase c : Fixtures.golden(name).scorable()) {
                EncodedConversation encoded =
                        model.encodeRendered(c.rendered(), LengthPolicy.REFUSE);
                String text = encoded.text();
                int checked = 0;
                int previousStart = 0;
                for (int i = 0; i < encoded.tokenCount(); i++) {
                    TokenSpan span = encoded.tokenSpans().get(i);
                    String what = name + "/" + c.name() + " token " + i;
                    assertTrue(span.end() <= text.length(), what);
                    assertTrue(span.start() >= previousStart, what + " goes backwards");
                    previousStart = span.start();
                    String decoded = tokenizer.decode(new long[] {encoded.tokenIds()[i]});
                    if (decoded.indexOf('\uFFFD') < 0) {
                        // A token holding whole characters: its span is exactly its text.
                        assertEquals(
                                decoded.strip(),
                                text.substring(span.start(), span.end()).strip(),
                                what);
                        checked++;
                    }
                }
                assertTrue(checked > encoded.tokenCount() / 2, "too few tokens checked");
                TokenSpan last = encoded.tokenSpans().get(encoded.tokenCount() - 1);
                assertEquals(text.length(), last.end(), "the last token ends the text");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void emojiAndCjkTokensPointAtTheirCharacters(String name) throws ScoringException {
        GoldenCase c = Fixtures.golden(name).cases().get("unicode_code");
        EncodedConversation encoded =
                Fixtures.loaded(name).encodeRendered(c.rendered(), LengthPolicy.REFUSE);
        String text = encoded.text();
        int cat = text.indexOf("\uD83D\uDC31");
        int neko = text.indexOf('\u732B');
        boolean catCovered = false;
        boolean nekoCovered = false;
        for (TokenSpan span : encoded.tokenSpans()) {
            catCovered |= span.start() <= cat && span.end() >= cat + 2;
            nekoCovered |= span.start() <= neko && span.end() >= neko + 1;
            // No span starts or ends inside the surrogate pair.
            assertTrue(span.start() != cat + 1 && span.end() != cat + 1, "span splits the emoji");
        }
        assertTrue(catCovered && nekoCovered);
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void messagesAreFoundInTheTransformersRendering(String name) {
        for (GoldenCase c : Fixtures.golden(name).scorable()) {
            List<ChatTurn> turns = c.conversation().turns();
            List<MessageSpan> spans = RewardModel.locateMessages(c.rendered(), turns);
            long nonBlank = turns.stream().filter(t -> !t.content().isBlank()).count();
            assertEquals(nonBlank, spans.size(), name + "/" + c.name() + ": " + spans);
            int previousEnd = 0;
            for (MessageSpan span : spans) {
                ChatTurn turn = turns.get(span.turnIndex());
                String found = c.rendered().substring(span.start(), span.end());
                assertEquals(turn.content().strip(), found.strip(), name + "/" + c.name());
                assertEquals(turn.role(), span.role());
                assertTrue(span.start() >= previousEnd);
                previousEnd = span.end();
            }
        }
    }
}
