package io.rewardlens.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingTableTest {
    @TempDir Path dir;
    private Connection c;

    @BeforeEach
    void open() throws Exception {
        c = MigratedConnection.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    @Test
    void setsReplacesAndRemovesAValue() throws Exception {
        assertEquals(Optional.empty(), SettingTable.get(c, "blind"));
        SettingTable.put(c, "blind", "true");
        SettingTable.put(c, "other", "x");
        SettingTable.put(c, "blind", "false");
        assertEquals(Optional.of("false"), SettingTable.get(c, "blind"));
        SettingTable.put(c, "blind", null);
        assertEquals(Optional.empty(), SettingTable.get(c, "blind"));
        assertEquals(Optional.of("x"), SettingTable.get(c, "other"));
    }
}
