package io.rewardlens.storage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairScore;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.RewardModelInfo;
import io.rewardlens.storage.ScoreProvenance;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoreException;
import io.rewardlens.storage.StoredModel;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure of the analysis on a small store whose answers are worked out by hand in the
 * comments: five pairs, two scored models, eight verdicts.
 */
class PreferenceAnalysisTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final double EPS = 1e-12;

    @TempDir Path dir;
    private PreferenceStore store;
    private List<StoredPair> p;
    private StoredModel alpha;
    private StoredModel beta;

    /*
     * Pairs of dataset "d" (chosen / rejected completion, lengths in characters):
     *   P1 math  "aaaaaaaaaa" (10)   / "bbbbb" (5)
     *   P2 math  "cc" (2)            / "dddddddd" (8)
     *   P3 chat  "**x**" (5, 1 bold) / "yyyyy" (5)
     *   P4 none  "- a\n- b" (7, 2 list items) / "# h\nzz" (6, 1 header)
     *   P5 chat  annotated, scored by nobody
     *   P6 chat  neither scored nor annotated: not part of the analysis
     * Margins: alpha P1 +1, P2 -3, P3 0 (tie), P4 +4; beta P1 -2, P2 +4, P3 +1.
     * Verdicts (preferred side): P1 chosen, rejected; P2 rejected; P3 chosen, tie; P4 both bad;
     * P5 chosen, skip.
     */
    @BeforeEach
    void buildStore() {
        store = PreferenceStore.open(dir.resolve("analysis.db"));
        store.createDataset("d", "hand-made");
        p = new ArrayList<>();
        p.add(store.addPair("d", pair(1, "math", "aaaaaaaaaa", "bbbbb")));
        p.add(store.addPair("d", pair(2, "math", "cc", "dddddddd")));
        p.add(store.addPair("d", pair(3, "chat", "**x**", "yyyyy")));
        p.add(store.addPair("d", pair(4, null, "- a\n- b", "# h\nzz")));
        p.add(store.addPair("d", pair(5, "chat", "e", "f")));
        p.add(store.addPair("d", pair(6, "chat", "g", "h")));
        alpha = store.registerModel(model("alpha", "cpu"));
        beta = store.registerModel(model("beta", "cpu"));
        store.registerModel(model("never-scored", "cpu"));
        store.saveScores(
                List.of(
                        score(0, alpha, 2, 1),
                        score(1, alpha, 0, 3),
                        score(2, alpha, 1, 1),
                        score(3, alpha, 5, 1),
                        score(0, beta, 1, 3),
                        score(1, beta, 4, 0),
                        score(2, beta, 2, 1)));
        verdict(0, "ann1", Verdict.A_BETTER, Side.CHOSEN); // prefers chosen
        verdict(0, "ann2", Verdict.B_BETTER, Side.CHOSEN); // prefers rejected
        verdict(1, "ann1", Verdict.A_BETTER, Side.REJECTED); // prefers rejected
        verdict(2, "ann1", Verdict.A_BETTER, Side.CHOSEN); // prefers chosen
        verdict(2, "ann2", Verdict.TIE, Side.CHOSEN);
        verdict(3, "ann1", Verdict.BOTH_BAD, Side.REJECTED);
        verdict(4, "ann1", Verdict.B_BETTER, Side.REJECTED); // prefers chosen
        verdict(4, "ann2", Verdict.SKIP, Side.CHOSEN);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static PreferencePair pair(
            long position, String source, String chosen, String rejected) {
        ChatMessage question = new ChatMessage("user", "a question that is not counted");
        return PreferencePair.fromConversations(
                source,
                position,
                List.of(question, new ChatMessage("assistant", chosen)),
                List.of(question, new ChatMessage("assistant", rejected)),
                null);
    }

    private static RewardModelInfo model(String name, String device) {
        return new RewardModelInfo("hash-" + name, name, "float32", device, "DJL 0.36.0", "t");
    }

    private PairScore score(int pair, StoredModel model, double chosen, double rejected) {
        return new PairScore(
                p.get(pair).id(),
                model.id(),
                chosen,
                rejected,
                null,
                null,
                new ScoreProvenance("h", "float32", "cpu", "t", false, T0));
    }

    private void verdict(int pair, String annotator, Verdict verdict, Side shownAsA) {
        store.saveAnnotation(
                new Annotation(
                        p.get(pair).id(),
                        annotator,
                        verdict,
                        null,
                        List.of(),
                        "",
                        shownAsA,
                        1,
                        T0));
    }

    private PreferenceAnalysis analyse(AnalysisScope scope) {
        return new PreferenceAnalysis(AnalysisData.load(store, scope, ProgressListener.NONE));
    }

    private static AnalyzedModel find(PreferenceAnalysis analysis, StoredModel model) {
        return analysis.data().models().stream()
                .filter(m -> m.id() == model.id())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void loadsScoredOrAnnotatedPairsWithFeaturesAndAllScores() {
        AnalysisData data = AnalysisData.load(store, AnalysisScope.all(), ProgressListener.NONE);
        assertEquals(
                List.of("alpha", "beta"),
                data.models().stream().map(AnalyzedModel::label).toList());
        assertEquals(
                List.of(4L, 3L), data.models().stream().map(AnalyzedModel::scoredPairs).toList());
        assertEquals(
                List.of(p.get(0).id(), p.get(1).id(), p.get(2).id(), p.get(3).id(), p.get(4).id()),
                data.pairs().stream().map(AnalyzedPair::pairId).toList());

        AnalyzedPair first = data.pairs().get(0);
        assertEquals("math", first.features().source());
        assertEquals("d", first.features().dataset());
        assertEquals(10, first.features().chosenLength());
        assertEquals(5, first.features().rejectedLength());
        assertEquals(new SideScores(2, 1), first.score(alpha.id()).orElseThrow());
        assertEquals(new SideScores(1, 3), first.score(beta.id()).orElseThrow());
        assertEquals(List.of(alpha.id(), beta.id()), List.copyOf(first.scores().keySet()));
        assertEquals(2, first.features().annotations().size());

        PairFeatures fourth = data.pairs().get(3).features();
        assertEquals(new MarkdownFeatures(0, 2, 0, 0), fourth.chosenMarkdown());
        assertEquals(new MarkdownFeatures(1, 0, 0, 0), fourth.rejectedMarkdown());
        assertTrue(data.pairs().get(4).scores().isEmpty());
        assertTrue(data.hasScores());
        assertTrue(data.hasAnnotations());
    }

    @Test
    void scopeSelectsModelsInTheGivenOrderAndPairsBySourceAndDataset() {
        store.createDataset("other", null);
        StoredPair elsewhere = store.addPair("other", pair(1, "math", "z", "zz"));
        store.saveScore(
                new PairScore(
                        elsewhere.id(),
                        alpha.id(),
                        1,
                        0,
                        null,
                        null,
                        new ScoreProvenance("h", "float32", "cpu", "t", false, T0)));

        AnalysisData onlyD =
                AnalysisData.load(
                        store,
                        AnalysisScope.all()
                                .withModels(List.of(beta.id(), alpha.id()))
                                .withDatasets(Set.of("d")),
                        ProgressListener.NONE);
        assertEquals(
                List.of("beta", "alpha"),
                onlyD.models().stream().map(AnalyzedModel::label).toList());
        assertEquals(5, onlyD.pairs().size());

        AnalysisData math =
                AnalysisData.load(
                        store,
                        AnalysisScope.all().withSources(Set.of("math")),
                        ProgressListener.NONE);
        assertEquals(
                List.of(p.get(0).id(), p.get(1).id(), elsewhere.id()),
                math.pairs().stream().map(AnalyzedPair::pairId).toList());
        assertEquals(
                List.of(3L, 2L), math.models().stream().map(AnalyzedModel::scoredPairs).toList());

        StoreException unknown =
                assertThrows(
                        StoreException.class,
                        () ->
                                AnalysisData.load(
                                        store,
                                        AnalysisScope.all().withModels(List.of(999L)),
                                        ProgressListener.NONE));
        assertTrue(unknown.getMessage().contains("no model with id 999"), unknown.getMessage());
    }

    @Test
    void modelsSharingANameAreLabelledWithTheirIds() {
        StoredModel onGpu = store.registerModel(model("alpha", "cuda:0"));
        store.saveScore(
                new PairScore(
                        p.get(0).id(),
                        onGpu.id(),
                        1,
                        0,
                        null,
                        null,
                        new ScoreProvenance("h", "float32", "cuda:0", "t", false, T0)));
        AnalysisData data = AnalysisData.load(store, AnalysisScope.all(), ProgressListener.NONE);
        assertEquals(
                List.of("alpha #" + alpha.id(), "beta", "alpha #" + onGpu.id()),
                data.models().stream().map(AnalyzedModel::label).toList());
    }

    @Test
    void accuracyAgainstLabelsAndHumansOverallAndPerSource() {
        PreferenceAnalysis analysis = analyse(AnalysisScope.all());
        List<ModelAccuracy> accuracy = analysis.accuracy();
        assertEquals(2, accuracy.size());

        // alpha: margins +1, -3, 0, +4 -> 2 right of 4, one tie.
        ModelAccuracy a = accuracy.get(0);
        assertEquals(new Accuracy(4, 2, 1), a.vsLabel());
        assertEquals(0.5, a.vsLabel().rate());
        assertEquals(1, a.vsLabel().disagreeing());
        // Verdicts with a side on pairs alpha scored: P1 chosen (right), P1 rejected (wrong),
        // P2 rejected (right: margin -3), P3 chosen (tie). P4's both-bad has no side.
        assertEquals(new Accuracy(4, 2, 1), a.vsHuman());
        assertEquals(
                List.of(
                        new SourceAccuracy(null, new Accuracy(1, 1, 0), Accuracy.EMPTY),
                        new SourceAccuracy("chat", new Accuracy(1, 0, 1), new Accuracy(1, 0, 1)),
                        new SourceAccuracy("math", new Accuracy(2, 1, 0), new Accuracy(3, 2, 0))),
                a.perSource());

        // beta: margins -2, +4, +1 -> 2 of 3. Humans: P1 chosen (wrong), P1 rejected (right),
        // P2 rejected (wrong), P3 chosen (right).
        ModelAccuracy b = accuracy.get(1);
        assertEquals(new Accuracy(3, 2, 0), b.vsLabel());
        assertEquals(new Accuracy(4, 2, 0), b.vsHuman());
        assertTrue(Double.isNaN(Accuracy.EMPTY.rate()));
    }

    @Test
    void humanVerdictsAgainstLabelsCountEachVerdictOnce() {
        HumanLabelAgreement agreement = analyse(AnalysisScope.all()).humanLabelAgreement();
        // P1..P5 are annotated; 8 verdicts: chosen x3 (P1, P3, P5), rejected x2 (P1, P2),
        // one tie, one both-bad, one skip.
        assertEquals(5, agreement.annotatedPairs());
        assertEquals(new VerdictCounts(8, 3, 2, 1, 1, 1), agreement.overall());
        assertEquals(3.0 / 5, agreement.overall().agreementRate(), EPS);
        assertEquals(
                List.of(
                        new SourceVerdictCounts(null, 1, new VerdictCounts(1, 0, 0, 0, 1, 0)),
                        new SourceVerdictCounts("chat", 2, new VerdictCounts(4, 2, 0, 1, 0, 1)),
                        new SourceVerdictCounts("math", 2, new VerdictCounts(3, 1, 2, 0, 0, 0))),
                agreement.perSource());
        assertTrue(Double.isNaN(agreement.perSource().get(0).counts().agreementRate()));
    }

    @Test
    void lengthBiasCorrelatesTheLengthDifferenceWithTheMargin() {
        PreferenceAnalysis analysis = analyse(AnalysisScope.all());
        BiasScatter scatter = analysis.bias(find(analysis, alpha), BiasFeature.LENGTH_DIFFERENCE);
        // (length difference, margin): P1 (5, 1), P2 (-6, -3), P3 (0, 0), P4 (1, 4).
        assertEquals(
                List.of(
                        new BiasPoint(p.get(0).id(), 5, 1),
                        new BiasPoint(p.get(1).id(), -6, -3),
                        new BiasPoint(p.get(2).id(), 0, 0),
                        new BiasPoint(p.get(3).id(), 1, 4)),
                scatter.points());
        // Mean x 0, mean y 0.5: Sxy = 5*0.5 + 6*3.5 + 0 + 1*3.5 = 27, Sxx = 62, Syy = 25.
        assertEquals(4, scatter.correlation().n());
        assertEquals(27 / Math.sqrt(62 * 25), scatter.correlation().pearson(), EPS);
        // Ranks x [4, 1, 2, 3], y [3, 1, 2, 4]: centred products sum to 4, squares to 5 each.
        assertEquals(0.8, scatter.correlation().spearman(), EPS);
    }

    @Test
    void markdownBiasUsesFeaturesPerThousandCharacters() {
        PreferenceAnalysis analysis = analyse(AnalysisScope.all());
        BiasScatter scatter =
                analysis.bias(find(analysis, alpha), BiasFeature.MARKDOWN_DENSITY_DIFFERENCE);
        // P3: one bold span in 5 characters = 200 per 1000, against none.
        // P4: two list items in 7 characters against one header in 6.
        double[] expected = {0, 0, 200, 2000.0 / 7 - 1000.0 / 6};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], scatter.points().get(i).feature(), EPS);
        }
        double[] margins = {1, -3, 0, 4};
        assertEquals(Correlation.pearson(expected, margins), scatter.correlation().pearson(), EPS);
    }

    @Test
    void accuracySplitsByWhetherTheChosenSideIsLonger() {
        PreferenceAnalysis analysis = analyse(AnalysisScope.all());
        LengthSplitAccuracy split = analysis.lengthSplitAccuracy(find(analysis, alpha));
        // Longer: P1 (+1), P4 (+4). Shorter: P2 (-3). Same: P3 (tie).
        assertEquals(new Accuracy(2, 2, 0), split.chosenLonger());
        assertEquals(new Accuracy(1, 0, 0), split.chosenShorter());
        assertEquals(new Accuracy(1, 0, 1), split.sameLength());
    }

    @Test
    void calibrationBucketsKeepEqualMarginsTogether() {
        PreferenceAnalysis analysis = analyse(AnalysisScope.all());
        AnalyzedModel a = find(analysis, alpha);
        // Judgements |margin| / agrees: P1 1 yes, P1 1 no, P2 3 yes; P3 is a model tie.
        Calibration two = analysis.calibration(a, 2);
        assertEquals(
                List.of(new CalibrationBucket(0, 1, 1, 2, 1), new CalibrationBucket(1, 3, 3, 1, 1)),
                two.buckets());
        assertEquals(1, two.modelTiesLeftOut());
        assertEquals(3, two.judgements());
        // Three buckets asked: the first cut would split the two equal margins, so it moves.
        assertEquals(two.buckets(), analysis.calibration(a, 3).buckets());
        assertEquals(
                List.of(new CalibrationBucket(0, 1, 3, 3, 2)),
                analysis.calibration(a, 1).buckets());
        assertThrows(IllegalArgumentException.class, () -> analysis.calibration(a, 0));
    }

    @Test
    void calibrationMakesQuantileBucketsOfEqualSize() {
        store.createDataset("cal", null);
        StoredModel gamma = store.registerModel(model("gamma", "cpu"));
        // Ten pairs, the human prefers the chosen side of each; the model's margins are
        // -1, -2, 3, -4, 5, 6, 7, 8, -9, 10.
        double[] margins = {-1, -2, 3, -4, 5, 6, 7, 8, -9, 10};
        for (int i = 0; i < margins.length; i++) {
            StoredPair pair = store.addPair("cal", pair(i, "s", "c" + i, "r" + i));
            store.saveScore(
                    new PairScore(
                            pair.id(),
                            gamma.id(),
                            margins[i],
                            0,
                            null,
                            null,
                            new ScoreProvenance("h", "float32", "cpu", "t", false, T0)));
            store.saveAnnotation(
                    new Annotation(
                            pair.id(),
                            "ann",
                            Verdict.A_BETTER,
                            null,
                            List.of(),
                            "",
                            Side.CHOSEN,
                            1,
                            T0));
        }
        PreferenceAnalysis analysis = analyse(AnalysisScope.all().withDatasets(Set.of("cal")));
        Calibration calibration = analysis.calibration(find(analysis, gamma), 5);
        // |margin| 1-2: both wrong; 3-4: 3 right; 5-6 and 7-8: all right; 9-10: 10 right.
        assertEquals(
                List.of(
                        new CalibrationBucket(0, 1, 2, 2, 0),
                        new CalibrationBucket(1, 3, 4, 2, 1),
                        new CalibrationBucket(2, 5, 6, 2, 2),
                        new CalibrationBucket(3, 7, 8, 2, 2),
                        new CalibrationBucket(4, 9, 10, 2, 1)),
                calibration.buckets());
        assertEquals(0.5, calibration.buckets().get(1).agreementRate());
    }

    @Test
    void agreementMatrixComparesPreferredSidesOnSharedPairs() {
        PreferenceAnalysis analysis = analyse(AnalysisScope.all());
        AgreementMatrix matrix = analysis.agreementMatrix();
        // Shared pairs without a tie: P1 (alpha chosen, beta rejected), P2 (alpha rejected,
        // beta chosen); P3 is an alpha tie.
        assertEquals(2, matrix.cell(0, 1).sharedPairs());
        assertEquals(0, matrix.cell(0, 1).samePreference());
        assertEquals(0.0, matrix.cell(1, 0).rate());
        assertEquals(3, matrix.cell(0, 0).sharedPairs());
        assertEquals(1.0, matrix.cell(0, 0).rate());
        assertEquals(3, matrix.cell(1, 1).sharedPairs());
        assertEquals("beta", matrix.cell(0, 1).second().label());
    }

    @Test
    void conflictsRankPairsBySpreadOfNormalizedMargins() {
        PreferenceAnalysis analysis = analyse(AnalysisScope.all());
        // Scales: alpha sqrt((1 + 9 + 0 + 16) / 4), beta sqrt((4 + 16 + 1) / 3).
        double alphaScale = Math.sqrt(26.0 / 4);
        double betaScale = Math.sqrt(21.0 / 3);
        assertEquals(alphaScale, analysis.marginScale(find(analysis, alpha)), EPS);
        assertEquals(betaScale, analysis.marginScale(find(analysis, beta)), EPS);

        List<ModelConflict> conflicts = analysis.conflicts(0);
        assertEquals(
                List.of(p.get(1).id(), p.get(0).id(), p.get(2).id()),
                conflicts.stream().map(c -> c.pair().pairId()).toList());
        ModelConflict top = conflicts.get(0);
        assertEquals(
                Map.of(alpha.id(), -3 / alphaScale, beta.id(), 4 / betaScale),
                top.normalizedMargins());
        assertEquals(4 / betaScale + 3 / alphaScale, top.spread(), EPS);
        assertTrue(top.opposite());
        assertEquals(2 / betaScale + 1 / alphaScale, conflicts.get(1).spread(), EPS);
        assertFalse(conflicts.get(2).opposite(), "a tie and a preference are not opposite");
        assertEquals(1, analysis.conflicts(1).size());
    }

    @Test
    void aModelWithoutScoresInScopeHasEmptyFigures() {
        AnalysisData data =
                AnalysisData.load(
                        store,
                        AnalysisScope.all().withModels(List.of(store.models().get(2).id())),
                        ProgressListener.NONE);
        assertFalse(data.hasScores());
        PreferenceAnalysis analysis = new PreferenceAnalysis(data);
        AnalyzedModel none = data.models().get(0);
        assertEquals(Accuracy.EMPTY, analysis.accuracy(none).vsLabel());
        assertEquals(0, analysis.bias(none, BiasFeature.LENGTH_DIFFERENCE).correlation().n());
        assertTrue(
                Double.isNaN(
                        analysis.bias(none, BiasFeature.LENGTH_DIFFERENCE)
                                .correlation()
                                .pearson()));
        assertEquals(List.of(), analysis.calibration(none, 5).buckets());
        assertEquals(1.0, analysis.marginScale(none));
    }
}
