package io.rewardlens.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rewardlens.sampledata.SkyworkPairGenerator;
import io.rewardlens.scoring.BatchJob;
import io.rewardlens.scoring.BatchListener;
import io.rewardlens.scoring.Conversation;
import io.rewardlens.scoring.DeviceChoice;
import io.rewardlens.scoring.ScoreResult;
import io.rewardlens.scoring.ScoringException;
import io.rewardlens.scoring.ScoringService;
import io.rewardlens.storage.DatasetSummary;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.ProgressListener;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.skywork.ImportOptions;
import io.rewardlens.storage.skywork.ImportReport;
import io.rewardlens.storage.skywork.SkyworkImporter;
import io.rewardlens.storescoring.PairConversations;
import io.rewardlens.storescoring.ScoringContext;
import io.rewardlens.storescoring.StoreScoreCache;
import io.rewardlens.ui.annotate.AnnotationViewModel;
import io.rewardlens.ui.annotate.QueueState;
import io.rewardlens.ui.annotate.ScoreState;
import io.rewardlens.ui.annotate.TestBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How long "next" takes to put the next pair fully on screen in the real window (headless Monocle,
 * software rendering), on a store of one million generated pairs whose scores are cached: from the
 * call to {@code next()} to the end of the layout pass of the pulse that shows the pair. Prints
 * p50/p95/p99; asserts only that every pair came with its scores already known.
 *
 * <p>Two figures: "work" starts {@code next()} at the beginning of a pulse (before its CSS and
 * layout passes), so it measures the workbench's own cost; "from a key" calls it between pulses
 * like a key press does, so it adds the wait for the next pulse (up to one 60 Hz frame). The
 * generated store is kept in {@code target/bench} between runs.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class PairNavigationBenchTest {
    private static final Path WORK = Path.of("target", "bench").toAbsolutePath();
    private static final String DATASET = "bench";
    private static final long PAIRS = Long.getLong("bench.pairs", 1_000_000);
    private static final Path DATABASE = WORK.resolve("pairs-" + PAIRS + ".db");
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int MEASURED = Integer.getInteger("bench.steps", 600);
    private static final long READING_MS = Long.getLong("bench.reading.ms", 400);
    private static final List<Double> NEXT_CALL = new ArrayList<>();
    private static final List<Double> WORK_CPU = new ArrayList<>();
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @TempDir Path dir;

    private WorkbenchFixture workbench;
    private WorkbenchViewModel viewModel;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        workbench = new WorkbenchFixture(stage, dir.resolve("settings.json"), "bench");
        viewModel = workbench.viewModel();
        window = workbench.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        workbench.close(robot);
    }

    @Test
    void nextPairOnScreenWithScoresCached(FxRobot robot) throws Exception {
        prepareStore();
        long opening = System.nanoTime();
        robot.interact(
                () -> {
                    viewModel.openDatabase(DATABASE, null);
                    viewModel.openModel(TestBench.demoModel().info().directory(), DeviceChoice.CPU);
                });
        AnnotationViewModel annotation = viewModel.annotation();
        WaitForAsyncUtils.waitFor(
                300,
                TimeUnit.SECONDS,
                () ->
                        annotation.queueStateProperty().get() == QueueState.SHOWING
                                && annotation.scoreViewProperty().get().state()
                                        == ScoreState.READY);
        System.out.printf(
                Locale.ROOT,
                "store: %d pairs; first pair with its scores on screen %.2f s after opening%n",
                PAIRS,
                (System.nanoTime() - opening) / 1e9);

        Scene scene = window.scene();
        List<Double> work = new ArrayList<>();
        List<Double> fromKey = new ArrayList<>();
        int[] notReady = {0};
        for (int step = 0; step < WARMUP + MEASURED; step++) {
            boolean atPulseStart = step % 2 == 0;
            boolean counted = step >= WARMUP;
            double millis = timeNext(scene, annotation, atPulseStart, notReady, counted);
            if (counted) {
                (atPulseStart ? work : fromKey).add(millis);
            }
            Thread.sleep(READING_MS);
        }
        report("work (next at pulse start -> end of that pulse's layout)", work);
        report("from a key (next between pulses -> end of the next pulse's layout)", fromKey);
        report("of which next() itself (building the nodes)", NEXT_CALL);
        report("CPU time of the UI thread in the work figures", WORK_CPU);
        System.out.printf(
                Locale.ROOT,
                "pairs without their scores at layout: %d of %d%n",
                notReady[0],
                MEASURED);
        assertEquals(0, notReady[0], "every pair came with its scores already known");
    }

    /**
     * Calls {@code next()} once and returns the milliseconds until the end of the layout pass of
     * the pulse that shows the new pair.
     */
    private static double timeNext(
            Scene scene,
            AnnotationViewModel annotation,
            boolean atPulseStart,
            int[] notReady,
            boolean counted)
            throws InterruptedException {
        CountDownLatch laidOut = new CountDownLatch(1);
        long[] started = new long[1];
        long[] cpuStarted = new long[1];
        double[] elapsed = new double[1];
        Runnable[] listeners = new Runnable[2];
        boolean[] moved = {false};
        listeners[1] =
                () -> {
                    if (!moved[0]) {
                        return;
                    }
                    elapsed[0] = (System.nanoTime() - started[0]) / 1e6;
                    if (counted && atPulseStart) {
                        WORK_CPU.add((THREADS.getCurrentThreadCpuTime() - cpuStarted[0]) / 1e6);
                    }
                    if (counted
                            && (annotation.currentProperty().get() == null
                                    || annotation.scoreViewProperty().get().state()
                                            != ScoreState.READY)) {
                        notReady[0]++;
                    }
                    scene.removePreLayoutPulseListener(listeners[0]);
                    scene.removePostLayoutPulseListener(listeners[1]);
                    laidOut.countDown();
                };
        if (atPulseStart) {
            listeners[0] =
                    () -> {
                        if (!moved[0]) {
                            moved[0] = true;
                            started[0] = System.nanoTime();
                            cpuStarted[0] = THREADS.getCurrentThreadCpuTime();
                            annotation.next();
                            if (counted) {
                                NEXT_CALL.add((System.nanoTime() - started[0]) / 1e6);
                            }
                        }
                    };
            Platform.runLater(
                    () -> {
                        scene.addPreLayoutPulseListener(listeners[0]);
                        scene.addPostLayoutPulseListener(listeners[1]);
                        Platform.requestNextPulse();
                    });
        } else {
            listeners[0] = () -> {};
            Platform.runLater(
                    () -> {
                        scene.addPostLayoutPulseListener(listeners[1]);
                        moved[0] = true;
                        started[0] = System.nanoTime();
                        annotation.next();
                    });
        }
        if (!laidOut.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no pulse after next()");
        }
        return elapsed[0];
    }

    private static void report(String what, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%s, %d steps: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what,
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Builds (once) the store of generated pairs, and caches the demo model's scores of the pairs
     * the benchmark walks.
     */
    private static void prepareStore() throws Exception {
        Files.createDirectories(WORK);
        try (PreferenceStore store = PreferenceStore.open(DATABASE)) {
            DatasetSummary existing = store.dataset(DATASET).orElse(null);
            if (existing == null || existing.pairs() != PAIRS) {
                if (existing != null) {
                    store.deleteDataset(DATASET);
                }
                Path jsonl = WORK.resolve("pairs-" + PAIRS + ".jsonl");
                long started = System.nanoTime();
                SkyworkPairGenerator.write(jsonl, PAIRS, 42);
                System.out.printf(
                        Locale.ROOT,
                        "generated %d pairs (%.1f GB) in %.0f s%n",
                        PAIRS,
                        Files.size(jsonl) / 1e9,
                        (System.nanoTime() - started) / 1e9);
                started = System.nanoTime();
                ImportReport report =
                        SkyworkImporter.importFile(
                                store,
                                jsonl,
                                ImportOptions.intoDataset(DATASET),
                                ProgressListener.NONE);
                System.out.printf(
                        Locale.ROOT,
                        "imported %d pairs in %.0f s%n",
                        report.imported(),
                        (System.nanoTime() - started) / 1e9);
                Files.delete(jsonl);
            }
            List<StoredPair> walked =
                    store.pairs(
                            PairQuery.all()
                                    .withDataset(DATASET)
                                    .withLimit(
                                            WARMUP + MEASURED + 2 * AnnotationViewModel.LOOKAHEAD));
            cacheScores(store, walked);
        }
    }

    private static void cacheScores(PreferenceStore store, List<StoredPair> pairs)
            throws Exception {
        List<Conversation> conversations = new ArrayList<>();
        for (StoredPair pair : pairs) {
            conversations.add(PairConversations.of(pair.pair(), Side.CHOSEN));
            conversations.add(PairConversations.of(pair.pair(), Side.REJECTED));
        }
        long started = System.nanoTime();
        try (ScoringService service =
                new ScoringService(
                        TestBench.demoModel(), new StoreScoreCache(store.scoreCache()))) {
            BatchJob job =
                    service.submitBatch(
                            conversations,
                            ScoringContext.LENGTH_POLICY,
                            new BatchListener() {
                                @Override
                                public void scored(int index, ScoreResult result) {}

                                @Override
                                public void failed(int index, ScoringException error) {
                                    throw new IllegalStateException(error);
                                }
                            });
            job.completion().get();
        }
        System.out.printf(
                Locale.ROOT,
                "scores of the %d walked pairs cached (%.1f s)%n",
                pairs.size(),
                (System.nanoTime() - started) / 1e9);
    }
}
