package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.Fixtures.GoldenCase;
import io.rewardlens.scoring.template.ChatTemplateException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Conversation to score through the whole pipeline, against the transformers goldens. */
class EndToEndTest {
    static final List<String> MODELS = Fixtures.MODELS;

    @ParameterizedTest
    @FieldSource("MODELS")
    void everyGoldenConversationScoresAsTransformers(String name) throws ScoringException {
        RewardModel model = Fixtures.loaded(name);
        List<Conversation> conversations = new ArrayList<>();
        for (GoldenCase c : Fixtures.golden(name).scorable()) {
            String what = name + "/" + c.name();
            EncodedConversation encoded = model.encode(c.conversation(), LengthPolicy.REFUSE);
            assertEquals(c.rendered(), encoded.text(), what);
            assertArrayEquals(c.inputIds(), encoded.tokenIds(), what);
            assertEquals(model.info().templateSha256(), encoded.templateSha256());

            ScoreResult result = model.score(c.conversation(), LengthPolicy.REFUSE);
            assertEquals(c.scoreFp32(), result.score(), 1e-4, what);
            float[] perToken = result.perTokenScores();
            for (int i = 0; i < perToken.length; i++) {
                assertEquals(c.perTokenFp32()[i], perToken[i], 1e-4, what + " token " + i);
            }
            assertEquals(model.info().templateSha256(), result.provenance().templateSha256());
            long nonBlank =
                    c.conversation().turns().stream().filter(t -> !t.content().isBlank()).count();
            assertEquals(nonBlank, result.messageSpans().size(), what);
            conversations.add(c.conversation());
        }
        List<ScoreResult> all = model.scoreAll(conversations, LengthPolicy.REFUSE);
        for (int i = 0; i < all.size(); i++) {
            GoldenCase c = Fixtures.golden(name).scorable().get(i);
            assertEquals(
                    Fixtures.golden(name).batchRightPadded().get(c.name()),
                    all.get(i).score(),
                    1e-4);
        }
        assertEquals(64, model.info().templateSha256().length());
    }

    @ParameterizedTest
    @FieldSource("MODELS")
    void templateErrorsComeThroughWithTheTemplatesMessage(String name) {
        for (GoldenCase c : Fixtures.golden(name).cases().values()) {
            if (c.error() == null) {
                continue;
            }
            RewardModel model = Fixtures.loaded(name);
            TemplateRenderingException e =
                    assertThrows(
                            TemplateRenderingException.class,
                            () -> model.score(c.conversation(), LengthPolicy.REFUSE));
            // golden "error" is Python's repr, e.g. TemplateError('System role not supported')
            String message = c.error().replaceAll("^\\w+\\('(.*)'\\)$", "$1");
            assertTrue(e.getMessage().contains(message), e.getMessage());
            assertInstanceOf(ChatTemplateException.class, e.getCause());
        }
    }
}
