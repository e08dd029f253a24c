package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.storage.skywork.ExportOptions;
import io.rewardlens.storage.skywork.SkyworkExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each criterion of a {@link PairFilter} and their combinations, on a real store; and that one
 * filter selects the same pairs through the pair query, the export and the disagreement queue.
 */
class PairFilterTest {
    @TempDir Path dir;
    private PreferenceStore store;

    /** Dataset "main": q0..q5, sources math, code, math, ...; dataset "other": q6 (math). */
    private List<StoredPair> pairs;

    private long model;
    private long otherModel;

    @BeforeEach
    void fill() {
        store = PreferenceStore.open(dir.resolve("s.db"));
        PreferencePair[] main = new PreferencePair[6];
        for (int i = 0; i < main.length; i++) {
            main[i] = PreferenceStoreTest.pair(i + 1, i % 2 == 0 ? "math" : "code", "q" + i);
        }
        pairs = new ArrayList<>(PreferenceStoreTest.importPairs(store, "main", main));
        pairs.addAll(
                PreferenceStoreTest.importPairs(
                        store, "other", PreferenceStoreTest.pair(1, "math", "q6")));
        store.saveAnnotation(
                PreferenceStoreTest.verdict(id(0), "ann", Verdict.A_BETTER, Side.CHOSEN));
        store.saveAnnotation(
                PreferenceStoreTest.verdict(id(1), "bob", Verdict.A_BETTER, Side.CHOSEN));
        store.saveAnnotation(PreferenceStoreTest.verdict(id(6), "ann", Verdict.TIE, Side.CHOSEN));
        model = store.registerModel(PreferenceStoreTest.modelInfo("m")).id();
        otherModel = store.registerModel(PreferenceStoreTest.modelInfo("other")).id();
        // chosen − rejected: q0 +3, q1 −2, q2 +0.5, q3 −0.5, q4 −4, q5 unscored, q6 −1.
        double[][] scores = {{3, 0}, {0, 2}, {0.5, 0}, {0, 0.5}, {0, 4}, null, {0, 1}};
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != null) {
                store.saveScore(
                        PreferenceStoreTest.score(id(i), model, scores[i][0], scores[i][1]));
            }
        }
        // The other model disagrees everywhere it scored, which the first model's filter ignores.
        store.saveScore(PreferenceStoreTest.score(id(0), otherModel, 0, 9));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long id(int question) {
        return pairs.get(question).id();
    }

    /** The questions (0..6) of the pairs the filter selects, in import order. */
    private List<Integer> selected(PairFilter filter) {
        List<Integer> questions =
                store.pairs(PairQuery.all().withFilter(filter)).stream()
                        .map(this::question)
                        .toList();
        assertEquals(
                questions.size(),
                store.countPairs(PairQuery.all().withFilter(filter)),
                "count and list agree");
        return questions;
    }

    private int question(StoredPair pair) {
        return pairs.stream().map(StoredPair::id).toList().indexOf(pair.id());
    }

    @Test
    void allSelectsEveryPair() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), selected(PairFilter.all()));
    }

    @Test
    void filtersByDatasetAndSource() {
        assertEquals(List.of(6), selected(PairFilter.all().withDatasets(Set.of("other"))));
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6),
                selected(PairFilter.all().withDatasets(Set.of("main", "other"))));
        assertEquals(List.of(1, 3, 5), selected(PairFilter.all().withSources(Set.of("code"))));
        assertEquals(List.of(), selected(PairFilter.all().withDatasets(Set.of("nope"))));
    }

    @Test
    void filtersByAnnotationOfTheChosenAnnotators() {
        PairFilter annotated = PairFilter.all().withAnnotation(AnnotationState.ANNOTATED);
        assertEquals(List.of(0, 1, 6), selected(annotated));
        assertEquals(List.of(0, 6), selected(annotated.withAnnotators(Set.of("ann"))));
        assertEquals(List.of(1), selected(annotated.withAnnotators(Set.of("bob", "zoe"))));

        PairFilter unannotated = PairFilter.all().withAnnotation(AnnotationState.UNANNOTATED);
        assertEquals(List.of(2, 3, 4, 5), selected(unannotated));
        assertEquals(List.of(1, 2, 3, 4, 5), selected(unannotated.withAnnotators(Set.of("ann"))));

        // Annotators alone only say whose verdicts count; they select no pairs.
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6),
                selected(PairFilter.all().withAnnotators(Set.of("bob"))));
    }

    @Test
    void filtersByTheModelsMarginAndAgreementWithTheLabel() {
        PairFilter all = PairFilter.all();
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6),
                selected(all.withModel(model, 0, ScoreAgreement.ANY)),
                "naming the model alone filters nothing");
        assertEquals(List.of(0, 1, 4, 6), selected(all.withModel(model, 1, ScoreAgreement.ANY)));
        assertEquals(List.of(0, 2), selected(all.withModel(model, 0, ScoreAgreement.AGREES)));
        assertEquals(
                List.of(1, 3, 4, 6), selected(all.withModel(model, 0, ScoreAgreement.DISAGREES)));
        assertEquals(List.of(1, 4), selected(all.withModel(model, 2, ScoreAgreement.DISAGREES)));
        assertEquals(List.of(0), selected(all.withModel(otherModel, 0, ScoreAgreement.DISAGREES)));
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6),
                selected(all.withModel(model, 2, ScoreAgreement.DISAGREES).withoutScoreCriteria()));
    }

    @Test
    void combinesCriteria() {
        PairFilter filter =
                PairFilter.all()
                        .withDatasets(Set.of("main"))
                        .withSources(Set.of("code"))
                        .withModel(model, 1, ScoreAgreement.DISAGREES);
        assertEquals(List.of(1), selected(filter));
        assertEquals(
                List.of(),
                selected(filter.withAnnotation(AnnotationState.UNANNOTATED)),
                "q1 is annotated");
        assertEquals(
                List.of(1),
                selected(
                        filter.withAnnotation(AnnotationState.ANNOTATED)
                                .withAnnotators(Set.of("bob"))));
        assertEquals(
                List.of(3, 5),
                selected(
                        PairFilter.all()
                                .withSources(Set.of("code"))
                                .withAnnotation(AnnotationState.UNANNOTATED)));
    }

    @Test
    void scoreCriteriaNeedAModelAndANonNegativeMargin() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new PairFilter(
                                Set.of(),
                                Set.of(),
                                Set.of(),
                                AnnotationState.ANY,
                                null,
                                1,
                                ScoreAgreement.ANY));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new PairFilter(
                                Set.of(),
                                Set.of(),
                                Set.of(),
                                AnnotationState.ANY,
                                null,
                                0,
                                ScoreAgreement.AGREES));
        assertThrows(
                IllegalArgumentException.class,
                () -> PairFilter.all().withModel(model, -0.5, ScoreAgreement.ANY));
        assertThrows(
                IllegalArgumentException.class,
                () -> PairFilter.all().withModel(model, Double.NaN, ScoreAgreement.ANY));
    }

    @Test
    void selectsTheSamePairsThroughExportAndTheDisagreementQueue() throws Exception {
        List<PairFilter> filters =
                List.of(
                        PairFilter.all().withModel(model, 0, ScoreAgreement.DISAGREES),
                        PairFilter.all()
                                .withDatasets(Set.of("main"))
                                .withModel(model, 1, ScoreAgreement.DISAGREES),
                        PairFilter.all()
                                .withSources(Set.of("math"))
                                .withAnnotation(AnnotationState.UNANNOTATED)
                                .withModel(model, 0, ScoreAgreement.DISAGREES),
                        PairFilter.all()
                                .withAnnotation(AnnotationState.ANNOTATED)
                                .withAnnotators(Set.of("ann"))
                                .withModel(model, 0.5, ScoreAgreement.DISAGREES));
        List<List<Integer>> expected =
                List.of(List.of(1, 3, 4, 6), List.of(1, 4), List.of(4), List.of(6));
        for (int i = 0; i < filters.size(); i++) {
            PairFilter filter = filters.get(i);
            List<Integer> queue =
                    store
                            .disagreements(
                                    DisagreementQuery.forModel(model)
                                            .withKinds(EnumSet.of(DisagreementKind.LABEL))
                                            .withPairs(filter))
                            .stream()
                            .map(d -> question(d.pair()))
                            .sorted()
                            .toList();
            assertEquals(expected.get(i), queue, "disagreement queue of filter " + i);
            assertEquals(expected.get(i), exported(filter, "f" + i + ".jsonl"), "export " + i);
            assertEquals(expected.get(i), selected(filter), "pair query " + i);
        }
    }

    /** The questions of the pairs an export by the dataset label writes, in file order. */
    private List<Integer> exported(PairFilter filter, String name) throws Exception {
        Path out = dir.resolve(name);
        SkyworkExporter.export(
                store, out, ExportOptions.defaults().withPairs(filter), ProgressListener.NONE);
        ObjectMapper mapper = new ObjectMapper();
        List<Integer> questions = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            String question = mapper.readTree(line).get("chosen").get(0).get("content").asText();
            questions.add(Integer.parseInt(question.substring(1)));
        }
        return questions;
    }
}
