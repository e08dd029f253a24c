package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Session progress: the {@code n / N} text and the pace. */
class SessionProgressTest {
    private final SessionProgress progress = new SessionProgress();

    @Test
    void progressReadsAnnotatedOutOfAllOnceCounted() {
        progress.countsUnknown();
        assertEquals("\u2026 / \u2026", progress.progressTextProperty().get());
        progress.annotatedChanged(false, true);
        assertEquals(-1, progress.annotatedCountProperty().get(), "nothing counted while unknown");

        progress.counted(3, 10);
        assertEquals("3 / 10", progress.progressTextProperty().get());
        progress.annotatedChanged(false, true);
        progress.annotatedChanged(true, true);
        assertEquals("4 / 10", progress.progressTextProperty().get());
        progress.pairAdded();
        assertEquals("4 / 11", progress.progressTextProperty().get());
        progress.annotatedChanged(true, false);
        assertEquals(3, progress.annotatedCountProperty().get());
        assertEquals("3 / 11", progress.progressTextProperty().get());
    }

    @Test
    void thePaceIsTheMeanTimeOfTheVerdictsStillCounted() {
        assertEquals("", progress.paceTextProperty().get());
        progress.verdictGiven(4200);
        progress.verdictGiven(1800);
        assertEquals(2, progress.sessionCountProperty().get());
        assertEquals("3.0 s per pair", progress.paceTextProperty().get());
        progress.verdictUndone(1800);
        assertEquals("4.2 s per pair", progress.paceTextProperty().get());
        progress.verdictUndone(4200);
        assertEquals(0, progress.sessionCountProperty().get());
        assertEquals("", progress.paceTextProperty().get());
    }
}
