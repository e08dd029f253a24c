package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict draft: strength, tags and rationale, and the annotations it makes. */
class VerdictDraftTest {
    private final VerdictDraft draft = new VerdictDraft();

    @Test
    void strengthTogglesAndIsChecked() {
        draft.toggleStrength(2);
        assertEquals(2, draft.strengthProperty().get());
        draft.toggleStrength(3);
        assertEquals(3, draft.strengthProperty().get());
        draft.toggleStrength(3);
        assertEquals(0, draft.strengthProperty().get(), "the same strength again clears it");
        assertThrows(IllegalArgumentException.class, () -> draft.toggleStrength(4));
        assertThrows(IllegalArgumentException.class, () -> VerdictDraft.checkStrength(0));
    }

    @Test
    void tagsArePickedByPositionAndSavedInKeyOrder() {
        draft.offerTags(List.of("factual", "style", "safety"));
        assertFalse(draft.toggleTag(3));
        assertFalse(draft.toggleTag(-1));
        assertTrue(draft.toggleTag(2));
        assertTrue(draft.toggleTag(0));
        assertEquals(Set.of("safety", "factual"), draft.selectedTagsProperty().get());
        draft.toggleStrength(1);
        draft.setRationale("cites a source");
        Annotation given =
                draft.verdict(7, "alice", Verdict.A_BETTER, Side.REJECTED, 1200, Instant.EPOCH);
        assertEquals(
                new Annotation(
                        7,
                        "alice",
                        Verdict.A_BETTER,
                        1,
                        List.of("factual", "safety"),
                        "cites a source",
                        Side.REJECTED,
                        1200,
                        Instant.EPOCH),
                given);
        assertTrue(draft.toggleTag(0));
        assertEquals(Set.of("safety"), draft.selectedTagsProperty().get());
    }

    @Test
    void aSavedVerdictStartsTheDraftAndTakesItsDetails() {
        draft.offerTags(List.of("factual", "style"));
        Annotation saved =
                new Annotation(
                        3,
                        "bob",
                        Verdict.TIE,
                        2,
                        List.of("custom", "style"),
                        "close",
                        Side.CHOSEN,
                        900,
                        Instant.ofEpochSecond(60));
        draft.reset(saved);
        assertEquals(Verdict.TIE, draft.verdictProperty().get());
        assertEquals(2, draft.strengthProperty().get());
        assertEquals("close", draft.rationaleProperty().get());

        draft.toggleStrength(2);
        draft.toggleTag(0);
        draft.setRationale(null);
        Annotation changed = draft.appliedTo(saved);
        assertEquals(
                new Annotation(
                        3,
                        "bob",
                        Verdict.TIE,
                        null,
                        List.of("factual", "style", "custom"),
                        "",
                        Side.CHOSEN,
                        900,
                        Instant.ofEpochSecond(60)),
                changed,
                "offered tags in key order, then the others; verdict, side and times kept");

        draft.reset(null);
        assertNull(draft.verdictProperty().get());
        assertEquals(0, draft.strengthProperty().get());
        assertEquals(Set.of(), draft.selectedTagsProperty().get());
        assertEquals("", draft.rationaleProperty().get());
    }
}
