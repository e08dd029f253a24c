package io.rewardlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.ChatMessage;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.StoredPair;
import io.rewardlens.storage.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's verdicts travelling and merging: export-annotations, import-annotations, merge and
 * assign end to end on real SQLite files.
 */
class TeamVerdictsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

    @TempDir Path dir;

    /** A Skywork file of {@code n} pairs, one source per parity. */
    private Path pairsFile(String name, int n) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            text.append(
                    "{\"chosen\":[{\"role\":\"user\",\"content\":\"q%d\"},{\"role\":\"assistant\",\"content\":\"good %d\"}],\"rejected\":[{\"role\":\"user\",\"content\":\"q%d\"},{\"role\":\"assistant\",\"content\":\"bad %d\"}],\"source\":\"s%d\",\"id\":%d}\n"
                            .formatted(i, i, i, i, i % 2, i));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path database(String name, int pairs) throws Exception {
        Path db = dir.resolve(name + ".db");
        Cli.Result imported =
                Cli.run(
                        "import",
                        "--db",
                        db.toString(),
                        pairsFile(name + ".jsonl", pairs).toString());
        assertEquals(0, imported.exit(), imported.err());
        return db;
    }

    private static Annotation verdict(
            long pairId, String who, Verdict verdict, Side shownAsA, Instant at) {
        return new Annotation(
                pairId,
                who,
                verdict,
                2,
                List.of("tag-" + who),
                "because " + who,
                shownAsA,
                1500,
                at);
    }

    /**
     * Pair content (source and conversations as text) → every verdict on it, in and out of force.
     */
    private static Map<String, List<String>> contents(Path db) {
        Map<String, List<String>> all = new TreeMap<>();
        try (PreferenceStore store = PreferenceStore.open(db)) {
            for (StoredPair pair : store.pairs(PairQuery.all())) {
                List<String> verdicts = new ArrayList<>();
                for (StoredAnnotation a : store.annotations(pair.id())) {
                    verdicts.add("in force " + describe(a.annotation()));
                }
                for (Annotation a : store.supersededAnnotations(pair.id())) {
                    verdicts.add("superseded " + describe(a));
                }
                verdicts.sort(null);
                if (!verdicts.isEmpty()) {
                    all.put(key(pair), verdicts);
                }
            }
        }
        return all;
    }

    private static String key(StoredPair pair) {
        return pair.pair().source()
                + " "
                + text(pair.pair().conversation(Side.CHOSEN))
                + " / "
                + text(pair.pair().conversation(Side.REJECTED));
    }

    private static String text(List<ChatMessage> messages) {
        return messages.stream().map(m -> m.role() + ":" + m.content()).toList().toString();
    }

    private static String describe(Annotation a) {
        return List.of(
                        a.annotator(),
                        a.verdict(),
                        String.valueOf(a.strength()),
                        a.tags(),
                        a.rationale(),
                        a.displayedAsA(),
                        a.timeTakenMs(),
                        a.createdAt())
                .toString();
    }

    private static List<JsonNode> lines(Path jsonl) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void exportedVerdictsImportIntoAFreshDatabaseAsTheyWereAndOnlyOnce() throws Exception {
        Path db = database("team", 5);
        try (PreferenceStore store = PreferenceStore.open(db)) {
            List<StoredPair> pairs = store.pairs(PairQuery.all());
            long first = pairs.get(0).id();
            long second = pairs.get(1).id();
            store.saveAnnotation(verdict(first, "alice", Verdict.A_BETTER, Side.CHOSEN, T0));
            // Re-judged: the first verdict is superseded, not lost.
            store.saveAnnotation(
                    verdict(first, "alice", Verdict.A_BETTER, Side.REJECTED, T0.plusSeconds(60)));
            store.saveAnnotation(verdict(first, "bob", Verdict.TIE, Side.CHOSEN, T0));
            store.saveAnnotation(verdict(second, "bob", Verdict.B_BETTER, Side.CHOSEN, T0));
            assertEquals(1, store.supersededAnnotations(first).size());
        }
        Path out = dir.resolve("verdicts.jsonl");
        Cli.Result exported =
                Cli.run("export-annotations", "--db", db.toString(), "--out", out.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertTrue(exported.out().contains("2 pairs with verdicts exported"), exported.out());

        List<JsonNode> records = lines(out);
        assertEquals(2, records.size());
        JsonNode firstRecord = records.get(0);
        assertEquals("good 1", firstRecord.get("chosen").get(1).get("content").asText());
        assertEquals("s1", firstRecord.get("source").asText());
        assertEquals(1, firstRecord.get("id").asInt(), "the record's other fields travel too");
        JsonNode annotations = firstRecord.get("annotations");
        assertEquals(3, annotations.size());
        // Superseded verdicts first, then those in force, each oldest first.
        JsonNode superseded = annotations.get(0);
        assertEquals("alice", superseded.get("annotator").asText());
        assertFalse(superseded.get("in_force").asBoolean());
        assertEquals("chosen", superseded.get("verdict").asText());
        assertEquals("2026-01-10T09:00:00Z", superseded.get("created_at").asText());
        JsonNode rejudged = annotations.get(2);
        // A shown as the rejected side and preferred: the person preferred the rejected side.
        assertEquals("rejected", rejudged.get("verdict").asText());
        assertEquals("rejected", rejudged.get("shown_as_a").asText());
        assertTrue(rejudged.get("in_force").asBoolean());
        assertEquals("tie", annotations.get(1).get("verdict").asText());
        assertEquals("rejected", records.get(1).get("annotations").get(0).get("verdict").asText());

        Path fresh = dir.resolve("fresh.db");
        Cli.Result imported =
                Cli.run("import-annotations", "--db", fresh.toString(), out.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(
                "0 pairs matched, 2 pairs added, 4 verdicts added, 0 duplicates skipped, 1 conflict"
                        + " kept\n",
                imported.out());
        assertEquals(contents(db), contents(fresh));
        try (PreferenceStore store = PreferenceStore.open(fresh)) {
            assertEquals("verdicts", store.datasets().get(0).name());
        }

        Cli.Result again = Cli.run("import-annotations", "--db", fresh.toString(), out.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(
                "2 pairs matched, 0 pairs added, 0 verdicts added, 4 duplicates skipped, 0"
                        + " conflicts kept\n",
                again.out());
        assertEquals(contents(db), contents(fresh));

        // Back into the database they came from: every pair is found, nothing is added.
        Cli.Result home = Cli.run("import-annotations", "--db", db.toString(), out.toString());
        assertEquals(0, home.exit(), home.err());
        assertTrue(home.out().startsWith("2 pairs matched, 0 pairs added, 0 verdicts"), home.out());

        Path onlyBob = dir.resolve("bob.jsonl");
        assertEquals(
                0,
                Cli.run(
                                "export-annotations",
                                "--db",
                                db.toString(),
                                "--annotator",
                                "bob",
                                "--source",
                                "s0",
                                "--out",
                                onlyBob.toString())
                        .exit());
        List<JsonNode> bob = lines(onlyBob);
        assertEquals(1, bob.size(), "pair 2 is the only one of source s0 with verdicts");
        assertEquals("bob", bob.get(0).get("annotations").get(0).get("annotator").asText());
    }

    private static String line(int i, String annotator, String verdict, Instant at) {
        return ("{\"chosen\":[{\"role\":\"user\",\"content\":\"q%d\"},{\"role\":\"assistant\",\"content\":\"good"
                    + " %d\"}],\"rejected\":[{\"role\":\"user\",\"content\":\"q%d\"},{\"role\":\"assistant\",\"content\":\"bad"
                    + " %d\"}],\"source\":\"s%d\",\"annotations\":[{\"annotator\":\"%s\",\"verdict\":\"%s\",\"strength\":null,\"tags\":[],\"rationale\":\"\",\"shown_as_a\":\"chosen\",\"time_taken_ms\":10,\"created_at\":\"%s\"}]}\n")
                .formatted(i, i, i, i, i % 2, annotator, verdict, at);
    }

    @Test
    void aDifferentVerdictOfTheSameAnnotatorIsKeptAndTheNewestIsInForce() throws Exception {
        Path db = database("team", 3);
        Path monday = dir.resolve("monday.jsonl");
        Files.writeString(monday, line(1, "alice", "chosen", T0.plusSeconds(3600)));
        Path tuesday = dir.resolve("tuesday.jsonl");
        Files.writeString(
                tuesday,
                line(1, "alice", "rejected", T0.plusSeconds(7200))
                        + line(1, "alice", "tie", T0)
                        + line(1, "alice", "rejected", T0.plusSeconds(7200)));
        assertEquals(
                0, Cli.run("import-annotations", "--db", db.toString(), monday.toString()).exit());
        Cli.Result conflicting =
                Cli.run("import-annotations", "--db", db.toString(), tuesday.toString());
        assertEquals(0, conflicting.exit(), conflicting.err());
        assertEquals(
                "1 pair matched, 0 pairs added, 2 verdicts added, 1 duplicate skipped, 2 conflicts"
                        + " kept\n",
                conflicting.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            long pair = store.pairs(PairQuery.all()).get(0).id();
            List<StoredAnnotation> inForce = store.annotations(pair);
            assertEquals(1, inForce.size());
            assertEquals(Verdict.B_BETTER, inForce.get(0).annotation().verdict());
            assertEquals(T0.plusSeconds(7200), inForce.get(0).annotation().createdAt());
            List<Verdict> superseded =
                    store.supersededAnnotations(pair).stream().map(Annotation::verdict).toList();
            assertEquals(List.of(Verdict.TIE, Verdict.A_BETTER), superseded);
            assertEquals(1, store.datasets().size(), "every pair was found; no dataset added");
        }
    }

    @Test
    void assignedCopiesAnnotatedApartMergeBackIntoOneDatabaseOnce() throws Exception {
        Path db = database("team", 10);
        Path split = dir.resolve("split");
        Cli.Result assigned =
                Cli.run(
                        "assign",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "team",
                        "--annotators",
                        "ann,ben,cy",
                        "--overlap",
                        "2",
                        "--seed",
                        "7",
                        "--out",
                        split.toString());
        assertEquals(0, assigned.exit(), assigned.err());
        Map<String, TreeSet<String>> shares = shares(split, List.of("ann", "ben", "cy"));
        List<Integer> loads = shares.values().stream().map(TreeSet::size).sorted().toList();
        assertEquals(List.of(6, 7, 7), loads, "20 assignments over 3 annotators, balanced");
        Map<String, Integer> judges = new HashMap<>();
        shares.values().forEach(s -> s.forEach(p -> judges.merge(p, 1, Integer::sum)));
        assertEquals(10, judges.size());
        assertTrue(judges.values().stream().allMatch(n -> n == 2), judges.toString());

        Path again = dir.resolve("again");
        assertEquals(
                0,
                Cli.run(
                                "assign",
                                "--db",
                                db.toString(),
                                "--dataset",
                                "team",
                                "--annotators",
                                "ann,ben,cy",
                                "--overlap",
                                "2",
                                "--seed",
                                "7",
                                "--out",
                                again.toString())
                        .exit());
        assertEquals(shares, shares(again, List.of("ann", "ben", "cy")), "same seed, same split");

        List<String> sources = new ArrayList<>();
        int given = 0;
        for (String who : List.of("ann", "ben", "cy")) {
            Path copy = split.resolve(who + ".db");
            try (PreferenceStore store = PreferenceStore.open(copy)) {
                String annotator = store.setting("annotator").orElseThrow();
                for (StoredPair pair : store.pairs(PairQuery.all())) {
                    store.saveAnnotation(
                            verdict(pair.id(), annotator, Verdict.A_BETTER, Side.REJECTED, T0));
                    given++;
                }
            }
            sources.add(copy.toString());
        }
        List<String> args = new ArrayList<>(List.of("merge", "--db", db.toString()));
        args.addAll(sources);
        Cli.Result merged = Cli.run(args.toArray(String[]::new));
        assertEquals(0, merged.exit(), merged.err());
        assertEquals(
                "10 pairs matched, 0 pairs added, 20 verdicts added, 0 duplicates skipped, 0"
                        + " conflicts kept\n",
                merged.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(given, store.stats().annotations());
            for (StoredPair pair : store.pairs(PairQuery.all())) {
                List<String> who =
                        store.annotations(pair.id()).stream()
                                .map(a -> a.annotation().annotator())
                                .sorted()
                                .toList();
                List<String> expected = new ArrayList<>();
                shares.forEach(
                        (name, share) -> {
                            if (share.contains(key(pair))) {
                                expected.add(name);
                            }
                        });
                assertEquals(expected, who, key(pair));
            }
        }
        Cli.Result twice = Cli.run(args.toArray(String[]::new));
        assertEquals(0, twice.exit(), twice.err());
        assertTrue(twice.out().contains("0 verdicts added, 20 duplicates skipped"), twice.out());
    }

    @Test
    void aPairTheTargetLacksArrivesInANewDatasetNamedAfterItsOwn() throws Exception {
        Path db = database("team", 2);
        Path other = dir.resolve("other.db");
        Cli.Result imported =
                Cli.run(
                        "import",
                        "--db",
                        other.toString(),
                        "--dataset",
                        "team",
                        pairsFile("more.jsonl", 3).toString());
        assertEquals(0, imported.exit(), imported.err());
        try (PreferenceStore store = PreferenceStore.open(other)) {
            for (StoredPair pair : store.pairs(PairQuery.all())) {
                store.saveAnnotation(verdict(pair.id(), "dee", Verdict.TIE, Side.CHOSEN, T0));
            }
        }
        Cli.Result merged = Cli.run("merge", "--db", db.toString(), other.toString());
        assertEquals(0, merged.exit(), merged.err());
        assertEquals(
                "2 pairs matched, 1 pair added, 3 verdicts added, 0 duplicates skipped, 0"
                        + " conflicts kept\n",
                merged.out());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(
                    List.of("team", "team-2"),
                    store.datasets().stream().map(d -> d.name()).toList());
            assertEquals(3, store.stats().annotations());
        }
        assertEquals(contents(other), contents(db));
    }

    /** Annotator → the pairs (by content) of their assigned database. */
    private static Map<String, TreeSet<String>> shares(Path folder, List<String> names) {
        Map<String, TreeSet<String>> shares = new TreeMap<>();
        for (String name : names) {
            try (PreferenceStore store = PreferenceStore.open(folder.resolve(name + ".db"))) {
                assertEquals(Optional.of(name), store.setting("annotator"));
                assertEquals("team", store.datasets().get(0).name());
                TreeSet<String> share = new TreeSet<>();
                store.pairs(PairQuery.all()).forEach(p -> share.add(key(p)));
                shares.put(name, share);
            }
        }
        return shares;
    }

    @Test
    void assignSpreadsAnyPairCountEvenly() {
        for (int annotators = 1; annotators <= 5; annotators++) {
            for (int overlap = 1; overlap <= annotators; overlap++) {
                for (int pairs : List.of(0, 1, 7, 23)) {
                    int[] load = new int[annotators];
                    Map<Integer, TreeSet<Integer>> judges = new HashMap<>();
                    for (int[] a : AssignCommand.assign(pairs, annotators, overlap, 42)) {
                        load[a[1]]++;
                        judges.computeIfAbsent(a[0], k -> new TreeSet<>()).add(a[1]);
                    }
                    int max = java.util.Arrays.stream(load).max().orElse(0);
                    int min = java.util.Arrays.stream(load).min().orElse(0);
                    assertTrue(max - min <= 1, "loads " + java.util.Arrays.toString(load));
                    assertEquals(pairs, judges.size());
                    for (TreeSet<Integer> who : judges.values()) {
                        assertEquals(overlap, who.size(), "distinct annotators per pair");
                    }
                }
            }
        }
    }

    @Test
    void badInputIsRefusedInOneLineAndChangesNothing() throws Exception {
        Path db = database("team", 3);
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(
                bad,
                line(1, "alice", "chosen", T0) + line(2, "alice", "better", T0),
                StandardCharsets.UTF_8);
        Cli.Result refused = Cli.run("import-annotations", "--db", db.toString(), bad.toString());
        assertEquals(2, refused.exit());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(
                refused.err()
                        .startsWith(
                                "rewardlens: import-annotations refused: bad.jsonl line 2, field"
                                        + " annotations[0].verdict: expected chosen, rejected,"
                                        + " tie, both_bad or skip, got 'better'"),
                refused.err());
        try (PreferenceStore store = PreferenceStore.open(db)) {
            assertEquals(0, store.stats().annotations(), "line 1's verdict was not kept");
        }

        Path noAnnotations = pairsFile("plain.jsonl", 1);
        Path fresh = dir.resolve("fresh.db");
        Cli.Result plain =
                Cli.run("import-annotations", "--db", fresh.toString(), noAnnotations.toString());
        assertEquals(2, plain.exit());
        assertTrue(
                plain.err().contains("plain.jsonl line 1, field annotations: missing"),
                plain.err());
        assertFalse(Files.exists(fresh), "a refused import leaves no new database behind");

        Path wrongTime = dir.resolve("time.jsonl");
        Files.writeString(
                wrongTime,
                line(1, "alice", "chosen", T0).replace("2026-01-10T09:00:00Z", "yesterday"));
        Cli.Result time =
                Cli.run("import-annotations", "--db", db.toString(), wrongTime.toString());
        assertEquals(2, time.exit());
        assertTrue(time.err().contains("line 1, field annotations[0].created_at"), time.err());

        for (String overlap : List.of("0", "4")) {
            Cli.Result tooMany =
                    Cli.run(
                            "assign",
                            "--db",
                            db.toString(),
                            "--dataset",
                            "team",
                            "--annotators",
                            "a,b,c",
                            "--overlap",
                            overlap,
                            "--out",
                            dir.resolve("o").toString());
            assertEquals(2, tooMany.exit());
            assertEquals(
                    "rewardlens: --overlap must be between 1 and the number of annotators (3), not "
                            + overlap
                            + "\n",
                    tooMany.err());
        }
        assertFalse(Files.exists(dir.resolve("o")));
        for (String names : List.of("a,a", "a,../b", "a,adjudicator")) {
            Cli.Result refusedNames =
                    Cli.run(
                            "assign",
                            "--db",
                            db.toString(),
                            "--dataset",
                            "team",
                            "--annotators",
                            names,
                            "--overlap",
                            "1",
                            "--out",
                            dir.resolve("o").toString());
            assertEquals(2, refusedNames.exit(), names);
            assertTrue(
                    refusedNames.err().startsWith("rewardlens: --annotators: '"),
                    refusedNames.err());
            assertEquals(1, refusedNames.err().lines().count(), refusedNames.err());
        }
        assertFalse(Files.exists(dir.resolve("o")));
        Cli.Result unknown =
                Cli.run(
                        "assign",
                        "--db",
                        db.toString(),
                        "--dataset",
                        "nope",
                        "--annotators",
                        "a,b",
                        "--overlap",
                        "1",
                        "--out",
                        dir.resolve("o").toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("rewardlens: no dataset 'nope'"), unknown.err());

        Cli.Result missing =
                Cli.run("merge", "--db", db.toString(), dir.resolve("absent.db").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("rewardlens: no database"), missing.err());
        Cli.Result itself = Cli.run("merge", "--db", db.toString(), db.toString());
        assertEquals(2, itself.exit());
        assertTrue(itself.err().contains("is the --db database itself"), itself.err());
    }
}
