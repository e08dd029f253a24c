package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PreferencePair;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewardlens agreement} on a real store three annotators judged. */
class AgreementCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private Path db;

    /** Three pairs, three annotators: chosen x3; chosen, chosen, rejected; rejected x2 + tie. */
    @BeforeEach
    void threeAnnotators() {
        db = dir.resolve("team.db");
        Verdict[][] verdicts = {
            {Verdict.A_BETTER, Verdict.A_BETTER, Verdict.A_BETTER},
            {Verdict.A_BETTER, Verdict.A_BETTER, Verdict.B_BETTER},
            {Verdict.B_BETTER, Verdict.B_BETTER, Verdict.TIE},
        };
        try (PreferenceStore store = PreferenceStore.open(db)) {
            store.createDataset("d", null);
            for (int i = 0; i < 3; i++) {
                StoredPair pair =
                        store.addPair(
                                "d",
                                PreferencePair.fromConversations(
                                        i == 0 ? "math" : "chat",
                                        i,
                                        List.of(
                                                new ChatMessage("user", "q" + i),
                                                new ChatMessage("assistant", "a")),
                                        List.of(
                                                new ChatMessage("user", "q" + i),
                                                new ChatMessage("assistant", "b")),
                                        null));
                for (int a = 0; a < 3; a++) {
                    store.saveAnnotation(
                            new Annotation(
                                    pair.id(),
                                    List.of("ann", "bob", "cy").get(a),
                                    verdicts[i][a],
                                    2,
                                    List.of(),
                                    "",
                                    Side.CHOSEN,
                                    500,
                                    Instant.now()));
                }
            }
        }
    }

    @Test
    void jsonGivesEveryMeasure() throws Exception {
        Cli.Result result = Cli.run("agreement", "--db", db.toString(), "--json");
        assertEquals(0, result.exit(), result.err());
        JsonNode json = JSON.readTree(result.out());
        assertEquals(3, json.get("pairs").asInt());
        assertEquals("[\"ann\",\"bob\",\"cy\"]", json.get("annotators").toString());
        assertEquals(5.0 / 9, json.get("percent_agreement").asDouble(), 1e-12);
        assertEquals(10.0 / 46, json.get("fleiss_kappa").asDouble(), 1e-12);
        assertEquals(1.0, json.get("cohen_kappa").get("ann|bob").asDouble(), 1e-12);
        assertTrue(json.get("krippendorff_alpha").isNumber(), result.out());
        assertTrue(json.get("alpha_ordinal_strength").isNumber(), result.out());
        assertEquals(1, json.get("per_source").get("math").get("pairs").asInt());
        assertEquals(2, json.get("per_source").get("chat").get("pairs").asInt());
        assertEquals(
                1.0 / 3,
                json.get("per_annotator").get("cy").get("with_majority").asDouble(),
                1e-12);
    }

    @Test
    void theTableAndTheFilters() {
        Cli.Result table = Cli.run("agreement", "--db", db.toString());
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("3 pairs judged by two people or more"), table.out());
        assertTrue(table.out().contains("Fleiss' kappa          0.217"), table.out());

        Cli.Result two =
                Cli.run(
                        "agreement",
                        "--db",
                        db.toString(),
                        "--annotator",
                        "ann",
                        "--annotator",
                        "cy",
                        "--json");
        assertEquals(0, two.exit(), two.err());
        assertTrue(two.out().contains("\"ann|cy\""), two.out());

        Cli.Result unknown = Cli.run("agreement", "--db", db.toString(), "--dataset", "nope");
        assertEquals(CliErrors.REFUSED, unknown.exit());
        assertTrue(unknown.err().startsWith("rewardlens: "), unknown.err());
        assertTrue(unknown.err().contains("nope"), unknown.err());
    }
}
