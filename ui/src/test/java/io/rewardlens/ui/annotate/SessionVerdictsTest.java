package io.rewardlens.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's verdicts over what a real store held when the pair was read. */
class SessionVerdictsTest {
    @TempDir Path dir;

    @Test
    void changesOfTheSessionWinOverWhatWasRead() throws Exception {
        try (PreferenceStore store = TestBench.sampleStore(dir)) {
            StoredPair stored = store.pairs(PairQuery.all()).get(0);
            Annotation earlier =
                    new Annotation(
                            stored.id(),
                            "alice",
                            Verdict.B_BETTER,
                            null,
                            List.of(),
                            "",
                            Side.CHOSEN,
                            10,
                            Instant.EPOCH);
            store.saveAnnotation(earlier);
            PreparedPair read = PreparedPair.prepare(store, stored, "alice");
            PreparedPair readByBob = PreparedPair.prepare(store, stored, "bob");
            SessionVerdicts mine = new SessionVerdicts();

            assertNull(mine.of(null));
            assertEquals(earlier, mine.of(read), "what the store held");
            assertTrue(mine.annotated(stored.id(), false, read));
            assertFalse(mine.annotated(stored.id(), false, readByBob));
            assertFalse(mine.annotated(stored.id(), false, null));

            mine.set(stored.id(), null);
            assertNull(mine.of(read), "taken back in this session");
            assertFalse(mine.annotated(stored.id(), false, read));
            assertTrue(mine.annotated(stored.id(), true, read), "others' verdicts count too");

            Annotation now =
                    new Annotation(
                            stored.id(),
                            "alice",
                            Verdict.TIE,
                            3,
                            List.of(),
                            "",
                            Side.CHOSEN,
                            10,
                            Instant.EPOCH);
            mine.set(stored.id(), now);
            assertEquals(now, mine.of(readByBob));
            mine.clear();
            assertEquals(earlier, mine.of(read));
        }
    }
}
