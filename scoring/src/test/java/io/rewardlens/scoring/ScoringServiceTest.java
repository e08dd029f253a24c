package io.rewardlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.scoring.Fixtures.GoldenCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scoring service on the real engine: live requests overtake batch work, jobs cancel and resume
 * through the cache. The model runs one conversation per call (token budget 1), so every step of a
 * job is one model call.
 */
class ScoringServiceTest {
    private static final String MODEL = "tiny-llama3";
    private static RewardModel model;
    private static List<GoldenCase> cases;

    @BeforeAll
    static void load() throws Exception {
        model =
                RewardModel.load(
                        Fixtures.model(MODEL),
                        Fixtures.cpuOptions(Fixtures.scratch("hashes")).withBatching(1, 1));
        cases = Fixtures.golden(MODEL).scorable();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<Conversation> conversations(List<GoldenCase> of) {
        return of.stream().map(GoldenCase::conversation).toList();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    /**
     * Submits every case as a batch job that tells {@code scored} of each result and cancels itself
     * once {@code count} are scored.
     */
    private static BatchJob submitCancellingAfter(
            ScoringService service, int count, BiConsumer<Integer, ScoreResult> scored) {
        List<BatchJob> self = new ArrayList<>();
        AtomicInteger scoredSoFar = new AtomicInteger();
        BatchJob job =
                service.submitBatch(
                        conversations(cases),
                        LengthPolicy.REFUSE,
                        new BatchListener() {
                            @Override
                            public void scored(int index, ScoreResult result) {
                                scored.accept(index, result);
                                if (scoredSoFar.incrementAndGet() == count) {
                                    self.get(0).cancel();
                                }
                            }
                        });
        self.add(job);
        return job;
    }

    @Test
    void liveRequestOvertakesQueuedBatchWork() throws Exception {
        List<GoldenCase> batchCases = cases.subList(0, cases.size() - 1);
        GoldenCase liveCase = cases.get(cases.size() - 1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<List<ScoreResult>>> live = new ArrayList<>();
        try (ScoringService service = new ScoringService(model, new InMemoryScoreCache())) {
            BatchJob job =
                    service.submitBatch(
                            conversations(batchCases),
                            LengthPolicy.REFUSE,
                            new BatchListener() {
                                @Override
                                public void scored(int index, ScoreResult result) {
                                    events.add("batch " + index);
                                    if (live.isEmpty()) {
                                        // Queued while the job still has model calls to make.
                                        live.add(
                                                service.scoreLive(
                                                        List.of(liveCase.conversation()),
                                                        LengthPolicy.REFUSE));
                                        live.get(0).thenRun(() -> events.add("live"));
                                    }
                                }
                            });
            BatchProgress done = await(job.completion());
            assertEquals(batchCases.size(), done.scored());
            ScoreResult liveResult = await(live.get(0)).get(0);
            assertEquals(liveCase.scoreFp32(), liveResult.score(), 1e-4);
        }
        assertEquals(batchCases.size() + 1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("batch"), events.toString());
        assertEquals("live", events.get(1), "the live request ran next: " + events);
    }

    @Test
    void cancelStopsTheJobBeforeItsNextModelCall() throws Exception {
        List<Integer> scored = Collections.synchronizedList(new ArrayList<>());
        try (ScoringService service = new ScoringService(model, new InMemoryScoreCache())) {
            BatchJob job = submitCancellingAfter(service, 3, (index, result) -> scored.add(index));
            BatchProgress end = await(job.completion());
            assertTrue(end.cancelled());
            assertEquals(3, end.scored());
            assertEquals(cases.size(), end.total());
            assertTrue(job.isCancelRequested());
            assertEquals(end, job.progress());
        }
        assertEquals(3, scored.size());
    }

    @Test
    void resubmittingACancelledJobSkipsWhatTheCacheHas() throws Exception {
        InMemoryScoreCache cache = new InMemoryScoreCache();
        Map<Integer, Double> firstRun = new HashMap<>();
        try (ScoringService service = new ScoringService(model, cache)) {
            BatchJob first =
                    submitCancellingAfter(
                            service, 3, (index, result) -> firstRun.put(index, result.score()));
            assertTrue(await(first.completion()).cancelled());
            assertEquals(3, cache.size());

            Map<Integer, ScoreResult> secondRun = new HashMap<>();
            List<BatchProgress> progress = new ArrayList<>();
            BatchJob second =
                    service.submitBatch(
                            conversations(cases),
                            LengthPolicy.REFUSE,
                            new BatchListener() {
                                @Override
                                public void scored(int index, ScoreResult result) {
                                    secondRun.put(index, result);
                                }

                                @Override
                                public void progress(BatchProgress p) {
                                    progress.add(p);
                                }
                            });
            BatchProgress end = await(second.completion());
            assertFalse(end.cancelled());
            assertEquals(3, end.fromCache());
            assertEquals(cases.size() - 3, end.scored());
            assertEquals(cases.size(), cache.size());
            assertEquals(1.0, progress.get(progress.size() - 1).fraction());
            for (int i = 0; i < cases.size(); i++) {
                ScoreResult result = secondRun.get(i);
                assertEquals(cases.get(i).scoreFp32(), result.score(), 1e-4, cases.get(i).name());
                assertEquals(firstRun.containsKey(i), result.fromCache(), "index " + i);
                if (result.fromCache()) {
                    assertEquals(firstRun.get(i), result.score());
                    assertEquals(result.tokenCount(), result.perTokenScores().length);
                }
            }
        }
    }

    @Test
    void liveScoresAreCachedAndMarkedAsSuch() throws Exception {
        InMemoryScoreCache cache = new InMemoryScoreCache();
        List<Conversation> pair = conversations(cases.subList(0, 2));
        try (ScoringService service = new ScoringService(model, cache)) {
            List<ScoreResult> first = await(service.scoreLive(pair, LengthPolicy.REFUSE));
            List<ScoreResult> again = await(service.scoreLive(pair, LengthPolicy.REFUSE));
            for (int i = 0; i < 2; i++) {
                assertFalse(first.get(i).fromCache());
                assertTrue(again.get(i).fromCache());
                assertEquals(first.get(i).score(), again.get(i).score());
                assertEquals(first.get(i).provenance(), again.get(i).provenance());
                assertEquals(cases.get(i).scoreFp32(), again.get(i).score(), 1e-4);
            }
            assertEquals(2, cache.size());
        }
    }

    @Test
    void conversationsThatCannotBeScoredFailAloneAndTheJobGoesOn() throws Exception {
        Path dir = Fixtures.copyOf(MODEL, Fixtures.scratch("service-maxlen"));
        Files.writeString(dir.resolve("bundle.json"), "{\"format\": 1, \"max_length\": 40}");
        Map<Integer, ScoringException> failures = new HashMap<>();
        try (RewardModel small =
                        RewardModel.load(dir, Fixtures.cpuOptions(Fixtures.scratch("hashes")));
                ScoringService service = new ScoringService(small, new InMemoryScoreCache())) {
            BatchJob job =
                    service.submitBatch(
                            conversations(cases),
                            LengthPolicy.REFUSE,
                            new BatchListener() {
                                @Override
                                public void failed(int index, ScoringException error) {
                                    failures.put(index, error);
                                }
                            });
            BatchProgress end = await(job.completion());
            long tooLong = cases.stream().filter(c -> c.inputIds().length > 40).count();
            assertEquals(tooLong, end.failed());
            assertEquals(cases.size() - tooLong, end.scored());
            for (Map.Entry<Integer, ScoringException> f : failures.entrySet()) {
                assertInstanceOf(SequenceTooLongException.class, f.getValue());
                assertTrue(cases.get(f.getKey()).inputIds().length > 40);
            }
        }
    }

    @Test
    void closedServiceRefusesWork() throws Exception {
        ScoringService service = new ScoringService(model, new InMemoryScoreCache());
        service.close();
        CompletableFuture<List<ScoreResult>> refused =
                service.scoreLive(conversations(cases.subList(0, 1)), LengthPolicy.REFUSE);
        assertThrows(CancellationException.class, () -> await(refused));
        assertTrue(refused.isCancelled());
    }
}
