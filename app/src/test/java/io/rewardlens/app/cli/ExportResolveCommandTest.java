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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --resolve}: a team's verdicts settled per pair by majority or adjudication. */
class ExportResolveCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private Path db;

    @BeforeEach
    void team() {
        db = dir.resolve("team.db");
        try (PreferenceStore store = PreferenceStore.open(db)) {
            store.createDataset("d", null);
            List<StoredPair> pairs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pairs.add(
                        store.addPair(
                                "d",
                                PreferencePair.fromConversations(
                                        "s",
                                        i,
                                        List.of(
                                                new ChatMessage("user", "q" + i),
                                                new ChatMessage("assistant", "label-chosen")),
                                        List.of(
                                                new ChatMessage("user", "q" + i),
                                                new ChatMessage("assistant", "label-rejected")),
                                        null)));
            }
            // Pair 0: two of three prefer the chosen side.
            verdict(store, pairs.get(0), "ann", Side.CHOSEN);
            verdict(store, pairs.get(0), "bob", Side.CHOSEN);
            verdict(store, pairs.get(0), "cy", Side.REJECTED);
            // Pair 1: split one to one; the adjudicator settles it for the rejected side.
            verdict(store, pairs.get(1), "ann", Side.CHOSEN);
            verdict(store, pairs.get(1), "bob", Side.REJECTED);
            verdict(store, pairs.get(1), Annotation.ADJUDICATOR, Side.REJECTED);
            // Pair 2: both prefer the rejected side.
            verdict(store, pairs.get(2), "ann", Side.REJECTED);
            verdict(store, pairs.get(2), "bob", Side.REJECTED);
        }
    }

    private static void verdict(
            PreferenceStore store, StoredPair pair, String who, Side preferred) {
        store.saveAnnotation(
                new Annotation(
                        pair.id(),
                        who,
                        Verdict.A_BETTER,
                        2,
                        List.of(),
                        "",
                        preferred,
                        100,
                        Instant.now()));
    }

    private List<String> chosenTexts(Path out) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode chosen = JSON.readTree(line).get("chosen");
            texts.add(chosen.get(chosen.size() - 1).get("content").asText());
        }
        return texts;
    }

    @Test
    void majorityLeavesTheSplitPairOutAndAdjudicationSettlesIt() throws Exception {
        Path majority = dir.resolve("majority.jsonl");
        Cli.Result byMajority =
                Cli.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--resolve",
                        "majority",
                        "--out",
                        majority.toString());
        assertEquals(0, byMajority.exit(), byMajority.err());
        assertEquals(List.of("label-chosen", "label-rejected"), chosenTexts(majority));
        JsonNode meta = JSON.readTree(dir.resolve("majority.jsonl.meta.json").toFile());
        assertTrue(
                meta.toString().contains("no adjudicated verdict and no majority"),
                meta.toString());
        assertTrue(meta.toString().contains("\"majority\""), meta.toString());

        Path adjudicated = dir.resolve("adjudicated.jsonl");
        Cli.Result byAdjudicator =
                Cli.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--resolve",
                        "adjudicated",
                        "--out",
                        adjudicated.toString());
        assertEquals(0, byAdjudicator.exit(), byAdjudicator.err());
        assertEquals(
                List.of("label-chosen", "label-rejected", "label-rejected"),
                chosenTexts(adjudicated));
    }

    @Test
    void resolveAndOrientHumanTogetherAreRefused() {
        Cli.Result both =
                Cli.run(
                        "export",
                        "--db",
                        db.toString(),
                        "--resolve",
                        "majority",
                        "--orient",
                        "human",
                        "--out",
                        dir.resolve("x.jsonl").toString());
        assertEquals(CliErrors.REFUSED, both.exit());
        assertTrue(both.err().contains("give --resolve or --orient human, not both"), both.err());
    }
}
