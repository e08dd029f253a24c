package io.rewardlens.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictSummaryTest {
    private static Annotation verdict(String annotator, Verdict verdict, Side shownAsA) {
        return new Annotation(
                1, annotator, verdict, null, List.of(), "", shownAsA, 1, Instant.EPOCH);
    }

    @Test
    void namesTheSideEachAnnotatorPrefersMappedBackFromTheSideShownAsA() {
        assertEquals(
                "a: chosen better; b: rejected better; c: tie; d: both bad; e: skipped",
                VerdictSummary.of(
                        List.of(
                                verdict("a", Verdict.B_BETTER, Side.REJECTED),
                                verdict("b", Verdict.A_BETTER, Side.REJECTED),
                                verdict("c", Verdict.TIE, Side.CHOSEN),
                                verdict("d", Verdict.BOTH_BAD, Side.CHOSEN),
                                verdict("e", Verdict.SKIP, Side.CHOSEN))));
    }

    @Test
    void isEmptyWithoutVerdicts() {
        assertEquals("", VerdictSummary.of(List.of()));
    }
}
