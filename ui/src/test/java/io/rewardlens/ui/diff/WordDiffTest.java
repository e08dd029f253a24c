package io.rewardlens.ui.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.ui.diff.WordDiff.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Word-level diff of two responses. */
class WordDiffTest {
    @Test
    void marksTheWordsOnlyOneSideHas() {
        WordDiff diff = WordDiff.compare("Water it every day, twice.", "Water it when dry, twice.");
        assertEquals(
                List.of(
                        new Piece("Water it ", false),
                        new Piece("every", true),
                        new Piece(" ", false),
                        new Piece("day", true),
                        new Piece(", twice.", false)),
                diff.left());
        assertEquals(
                List.of(
                        new Piece("Water it ", false),
                        new Piece("when", true),
                        new Piece(" ", false),
                        new Piece("dry", true),
                        new Piece(", twice.", false)),
                diff.right());
    }

    @Test
    void identicalAndDisjointTexts() {
        WordDiff same = WordDiff.compare("a b", "a b");
        assertEquals(List.of(new Piece("a b", false)), same.left());
        WordDiff apart = WordDiff.compare("über naïve 😀", "x");
        assertEquals("über naïve 😀", join(apart.left()));
        assertEquals(List.of(new Piece("x", true)), apart.right());
        assertEquals(List.of(), WordDiff.compare("", "").left());
    }

    private static String join(List<Piece> pieces) {
        return pieces.stream().map(Piece::text).reduce("", String::concat);
    }
}
