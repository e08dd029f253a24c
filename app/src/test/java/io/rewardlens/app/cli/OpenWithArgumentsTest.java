package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** A desktop's "Open with RewardLens" opens the database; other command lines are unchanged. */
class OpenWithArgumentsTest {
    @Test
    void aLoneDatabasePathOpensTheWorkbenchOnIt() {
        assertArrayEquals(
                new String[] {"gui", "--db", "/home/a/labels.rwl.db"},
                OpenWithArguments.rewrite(new String[] {"/home/a/labels.rwl.db"}));
        assertArrayEquals(
                new String[] {"gui", "--db", "data/pairs.SQLite"},
                OpenWithArguments.rewrite(new String[] {"data/pairs.SQLite"}));
    }

    @Test
    void aFileUriIsDecodedToItsPath() {
        assertArrayEquals(
                new String[] {"gui", "--db", "/home/a/my labels.rwl.db"},
                OpenWithArguments.rewrite(new String[] {"file:///home/a/my%20labels.rwl.db"}));
    }

    @Test
    void commandsOptionsAndOtherFilesAreLeftAsTheyAre() {
        String[][] unchanged = {
            {},
            {"gui"},
            {"--version"},
            {"stats", "--db", "x.db"},
            {"notes.txt"},
            {"--db=x.db"},
            {"file://remote-host/x.db"},
            {"http://example.org/x.db"}
        };
        for (String[] args : unchanged) {
            assertArrayEquals(args, OpenWithArguments.rewrite(args));
        }
    }
}
