package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blind mode: what it hides, by whose setting. */
class BlindModeTest {
    private final BlindMode mode = new BlindMode();

    private static Annotation mine(Verdict verdict) {
        return new Annotation(
                1, "alice", verdict, null, List.of(), "", Side.CHOSEN, 0, Instant.EPOCH);
    }

    @Test
    void offByDefaultHidingNothing() {
        assertFalse(mode.blindProperty().get());
        assertFalse(mode.hides(null));
    }

    @Test
    void hidesUntilAVerdictThatIsNoSkip() {
        mode.set(true, false);
        assertTrue(mode.blindProperty().get());
        assertFalse(mode.requiredProperty().get());
        assertTrue(mode.hides(null));
        assertTrue(mode.hides(mine(Verdict.SKIP)), "a skip is no verdict");
        for (Verdict given : List.of(Verdict.A_BETTER, Verdict.TIE, Verdict.BOTH_BAD)) {
            assertFalse(mode.hides(mine(given)), given.name());
        }
    }

    @Test
    void theDatabaseCanRequireItWhateverTheUserSets() {
        mode.set(false, true);
        assertTrue(mode.blindProperty().get());
        assertTrue(mode.requiredProperty().get());
        assertTrue(mode.hides(null));
        mode.set(false, false);
        assertFalse(mode.blindProperty().get());
        assertFalse(mode.requiredProperty().get());
        assertFalse(mode.hides(null));
    }
}
