package io.rewardlens.storage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import io.rewardlens.storage.analysis.TeamAgreement.Category;
import io.rewardlens.storage.analysis.TeamAgreement.Judgement;
import io.rewardlens.storage.analysis.TeamAgreement.Result;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreement measures on small tables whose values were worked out by hand (perfect agreement,
 * chance-level agreement, a single category, three annotators), and the verdicts a real store gives
 * them.
 */
class TeamAgreementTest {
    private static final double EPS = 1e-12;

    @TempDir Path dir;

    /** Judgements from rows of categories, one row per pair, one column per annotator a, b, c... */
    private static List<Judgement> table(String source, Category[]... rows) {
        List<Judgement> judgements = new ArrayList<>();
        for (int pair = 0; pair < rows.length; pair++) {
            for (int rater = 0; rater < rows[pair].length; rater++) {
                if (rows[pair][rater] != null) {
                    judgements.add(
                            new Judgement(
                                    pair,
                                    source,
                                    String.valueOf((char) ('a' + rater)),
                                    rows[pair][rater],
                                    null,
                                    List.of()));
                }
            }
        }
        return judgements;
    }

    private static final Category C = Category.CHOSEN;
    private static final Category R = Category.REJECTED;
    private static final Category T = Category.TIE;

    @Test
    void perfectAgreementIsOneEverywhere() {
        Result result = TeamAgreement.of(table("s", row(C, C), row(R, R), row(T, T)));
        assertEquals(3, result.pairs());
        assertEquals(List.of("a", "b"), result.annotators());
        assertEquals(1.0, result.percentAgreement(), EPS);
        assertEquals(1.0, result.cohenKappa().get("a|b"), EPS);
        assertEquals(1.0, result.fleissKappa(), EPS);
        assertEquals(1.0, result.krippendorffAlpha(), EPS);
    }

    @Test
    void chanceLevelAgreement() {
        // po = 0.5, pe = 0.5: both kappas 0. Alpha by hand: coincidences o_cc = o_rr = 2,
        // o_cr = o_rc = 2, n = 8: Do = 4/8, De = 2 * 4 * 4 / (8 * 7) = 32/56, alpha = 1 - 0.875.
        Result result = TeamAgreement.of(table("s", row(C, C), row(C, R), row(R, C), row(R, R)));
        assertEquals(0.5, result.percentAgreement(), EPS);
        assertEquals(0.0, result.cohenKappa().get("a|b"), EPS);
        assertEquals(0.0, result.fleissKappa(), EPS);
        assertEquals(0.125, result.krippendorffAlpha(), EPS);
    }

    @Test
    void aSingleCategoryLeavesTheChanceCorrectedMeasuresUndefined() {
        Result result = TeamAgreement.of(table("s", row(C, C), row(C, C)));
        assertEquals(1.0, result.percentAgreement(), EPS);
        assertNull(result.cohenKappa().get("a|b"));
        assertNull(result.fleissKappa());
        assertNull(result.krippendorffAlpha());
        assertFalse(result.notes().isEmpty());
        assertTrue(result.notes().get(0).contains("undefined"), result.notes().toString());
    }

    @Test
    void threeAnnotatorsFleissAndEachAgainstTheMajorityAndTheLabel() {
        // Fleiss by hand: P_i = 1, 1/3, 1/3 (mean 5/9); p_c = 5/9, p_r = 3/9, p_t = 1/9,
        // Pe = 35/81; kappa = (5/9 - 35/81) / (1 - 35/81) = 10/46.
        Result result = TeamAgreement.of(table("s", row(C, C, C), row(C, C, R), row(R, R, T)));
        assertEquals(5.0 / 9, result.percentAgreement(), EPS);
        assertEquals(10.0 / 46, result.fleissKappa(), EPS);
        assertEquals(3, result.fleissRaters());
        assertEquals(3, result.fleissPairs());
        // a said c, c, r: each the majority (c, c, r); c said c, r, t: one of three.
        assertEquals(1.0, result.perAnnotator().get("a").withMajority(), EPS);
        assertEquals(1.0 / 3, result.perAnnotator().get("c").withMajority(), EPS);
        // With the label: a preferred chosen in 2 of 3 side verdicts; c in 1 of 2 (one tie).
        assertEquals(2.0 / 3, result.perAnnotator().get("a").withLabel(), EPS);
        assertEquals(0.5, result.perAnnotator().get("c").withLabel(), EPS);
        assertEquals(2, result.perAnnotator().get("c").sideVerdicts());
        // Cohen's kappa a|c by hand: po = 1/3; a's marginals c 2/3, r 1/3; c's c, r, t 1/3
        // each: pe = 2/9 + 1/9 = 1/3, kappa = 0.
        assertEquals(0.0, result.cohenKappa().get("a|c"), EPS);
        assertEquals(Map.of("s", 3), Map.of("s", result.perSource().get("s").pairs()));
    }

    @Test
    void aPairJudgedByOnePersonIsNotCountedAndOrdinalStrengthAgrees() {
        List<Judgement> judgements = new ArrayList<>();
        judgements.add(new Judgement(1, "x", "a", C, 3, List.of("long")));
        judgements.add(new Judgement(1, "x", "b", C, 3, List.of()));
        judgements.add(new Judgement(2, "y", "a", R, -2, List.of()));
        judgements.add(new Judgement(2, "y", "b", R, -2, List.of("long")));
        judgements.add(new Judgement(3, "y", "a", T, 0, List.of()));
        judgements.add(new Judgement(3, "y", "b", T, 0, List.of()));
        judgements.add(new Judgement(4, "y", "a", C, 1, List.of())); // alone: not shared
        Result result = TeamAgreement.of(judgements);
        assertEquals(3, result.pairs());
        assertEquals(1.0, result.alphaOrdinalStrength(), EPS);
        assertEquals(2, result.perTag().get("long").pairs());
        assertEquals(2, result.perSource().get("y").pairs());
        assertEquals(4, result.perAnnotator().get("a").verdicts());
    }

    @Test
    void verdictsInForceComeFromTheStoreMappedToTheDatasetsSides() throws Exception {
        try (PreferenceStore store = PreferenceStore.open(dir.resolve("team.db"))) {
            store.createDataset("d", null);
            List<StoredPair> pairs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pairs.add(
                        store.addPair(
                                "d",
                                PreferencePair.fromConversations(
                                        "src",
                                        i,
                                        List.of(
                                                new ChatMessage("user", "q" + i),
                                                new ChatMessage("assistant", "good")),
                                        List.of(
                                                new ChatMessage("user", "q" + i),
                                                new ChatMessage("assistant", "bad")),
                                        null)));
            }
            // ann shows the rejected side as A and prefers B: the chosen side.
            save(store, pairs.get(0), "ann", Verdict.B_BETTER, Side.REJECTED, 2);
            save(store, pairs.get(0), "bob", Verdict.A_BETTER, Side.CHOSEN, 2);
            save(store, pairs.get(1), "ann", Verdict.A_BETTER, Side.CHOSEN, 1);
            save(store, pairs.get(1), "bob", Verdict.SKIP, Side.CHOSEN, null);
            save(store, pairs.get(2), "ann", Verdict.TIE, Side.CHOSEN, null);
            save(store, pairs.get(2), "bob", Verdict.A_BETTER, Side.REJECTED, 3);
            save(store, pairs.get(2), TeamAgreement.ADJUDICATOR, Verdict.TIE, Side.CHOSEN, null);

            List<Judgement> judgements = TeamAgreement.load(store, Set.of(), Set.of());
            assertEquals(5, judgements.size(), "the skip and the adjudicator are left out");
            Judgement first = judgements.get(0);
            assertEquals(Category.CHOSEN, first.category());
            assertEquals(2, first.signedStrength());
            Judgement bobOnThird =
                    judgements.stream()
                            .filter(
                                    j ->
                                            j.pairId() == pairs.get(2).id()
                                                    && j.annotator().equals("bob"))
                            .findFirst()
                            .orElseThrow();
            assertEquals(Category.REJECTED, bobOnThird.category());
            assertEquals(-3, bobOnThird.signedStrength());
            Result result = TeamAgreement.of(judgements);
            assertEquals(2, result.pairs(), "pair 2 has one verdict once the skip is left out");
            assertEquals(0.5, result.percentAgreement(), EPS);
            assertEquals(
                    1,
                    TeamAgreement.load(store, Set.of(), Set.of(TeamAgreement.ADJUDICATOR)).size());
        }
    }

    private static void save(
            PreferenceStore store,
            StoredPair pair,
            String annotator,
            Verdict verdict,
            Side shownAsA,
            Integer strength) {
        store.saveAnnotation(
                new Annotation(
                        pair.id(),
                        annotator,
                        verdict,
                        strength,
                        List.of(),
                        "",
                        shownAsA,
                        1000,
                        Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static Category[] row(Category... categories) {
        return categories;
    }
}
