package io.rewardlens.storage.analysis;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.PairDetails;
import io.rewardlens.storage.PairQuery;
import io.rewardlens.storage.PreferenceStore;
import io.rewardlens.storage.Side;
import io.rewardlens.storage.StoredAnnotation;
import io.rewardlens.storage.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.ICodingAnnotationItem;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;

/**
 * How far a team of annotators agree, on the verdict in force per annotator and pair (skips left
 * out), computed with DKPro Statistics: percent agreement, Cohen's kappa for every two annotators,
 * Fleiss' kappa, Krippendorff's alpha on the nominal categories chosen / rejected / tie / both bad,
 * and an ordinal alpha on the signed strength (−3…+3: the strength toward chosen, negative toward
 * rejected, 0 for a tie). A measure that is undefined (a single category, no pair two people
 * judged) is null, and the notes say why.
 */
public final class TeamAgreement {
    /** The annotator name an adjudicator's final verdict is stored under. */
    public static final String ADJUDICATOR = Annotation.ADJUDICATOR;

    /** What a verdict says of the dataset's sides. */
    public enum Category {
        /** The dataset's chosen side is better. */
        CHOSEN,
        /** The dataset's rejected side is better. */
        REJECTED,
        /** Both are about as good. */
        TIE,
        /** Neither is acceptable. */
        BOTH_BAD;

        /** The name used in files and reports: {@code chosen}, {@code both_bad}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The category of a verdict; empty for a skip. */
        public static Optional<Category> of(Annotation annotation) {
            if (annotation.verdict() == Verdict.SKIP) {
                return Optional.empty();
            }
            return Optional.of(
                    switch (annotation.verdict()) {
                        case TIE -> TIE;
                        case BOTH_BAD -> BOTH_BAD;
                        default ->
                                annotation.preferredSide().orElseThrow() == Side.CHOSEN
                                        ? CHOSEN
                                        : REJECTED;
                    });
        }
    }

    /**
     * One person's verdict in force on one pair.
     *
     * @param pairId the pair
     * @param source the pair's source, or null
     * @param annotator who judged
     * @param category what they said
     * @param signedStrength −3…+3 (0 for a tie), or null when no strength was given or both were
     *     bad
     * @param tags their tags
     */
    public record Judgement(
            long pairId,
            String source,
            String annotator,
            Category category,
            Integer signedStrength,
            List<String> tags) {
        /** Copies the tags. */
        public Judgement {
            tags = List.copyOf(tags);
        }

        /** The judgement a stored verdict is, or empty for a skip. */
        static Optional<Judgement> of(long pairId, String source, Annotation annotation) {
            return Category.of(annotation)
                    .map(
                            category ->
                                    new Judgement(
                                            pairId,
                                            source,
                                            annotation.annotator(),
                                            category,
                                            signed(category, annotation.strength()),
                                            annotation.tags()));
        }

        private static Integer signed(Category category, Integer strength) {
            return switch (category) {
                case TIE -> 0;
                case BOTH_BAD -> null;
                case CHOSEN -> strength;
                case REJECTED -> strength == null ? null : -strength;
            };
        }
    }

    /**
     * Agreement within one group of pairs (a source, a tag).
     *
     * @param pairs pairs judged by two people or more
     * @param percentAgreement the mean share of agreeing annotator pairs, or null
     * @param krippendorffAlpha nominal alpha, or null when undefined
     */
    public record GroupAgreement(int pairs, Double percentAgreement, Double krippendorffAlpha) {}

    /**
     * How one annotator stands against the others and the dataset's labels.
     *
     * @param verdicts their verdicts (skips left out)
     * @param withMajority the share of their verdicts equal to the pair's majority, over the pairs
     *     two or more judged that have one most frequent category; null when there are none
     * @param majorityPairs how many pairs that share is over
     * @param withLabel the share of their verdicts preferring a side that prefer the dataset's
     *     chosen side; null when none prefers a side
     * @param sideVerdicts how many verdicts that share is over
     */
    public record AnnotatorAgreement(
            int verdicts,
            Double withMajority,
            int majorityPairs,
            Double withLabel,
            int sideVerdicts) {}

    /**
     * Everything measured.
     *
     * @param pairs pairs judged by two people or more
     * @param annotators who judged those, sorted
     * @param percentAgreement mean share of agreeing annotator pairs per pair
     * @param cohenKappa Cohen's kappa per two annotators ({@code "a|b"}) on the pairs both judged
     * @param fleissKappa Fleiss' kappa on the pairs judged by {@code fleissRaters} people or more
     *     (the most common number), their first that many verdicts by annotator name
     * @param fleissRaters the number of verdicts per pair Fleiss' kappa used
     * @param fleissPairs the pairs it used
     * @param krippendorffAlpha nominal alpha over every pair two people judged (missing verdicts
     *     allowed)
     * @param alphaOrdinalStrength ordinal alpha on the signed strength
     * @param perSource agreement per source
     * @param perTag agreement on the pairs where someone gave each tag
     * @param perAnnotator each annotator against the majority and the label
     * @param notes why a measure is missing
     */
    public record Result(
            int pairs,
            List<String> annotators,
            Double percentAgreement,
            Map<String, Double> cohenKappa,
            Double fleissKappa,
            int fleissRaters,
            int fleissPairs,
            Double krippendorffAlpha,
            Double alphaOrdinalStrength,
            Map<String, GroupAgreement> perSource,
            Map<String, GroupAgreement> perTag,
            Map<String, AnnotatorAgreement> perAnnotator,
            List<String> notes) {}

    private TeamAgreement() {}

    /**
     * The verdicts in force of a store's pairs, skips and the adjudicator left out.
     *
     * @param datasets only these datasets (empty: all)
     * @param annotators only these annotators (empty: all but the adjudicator)
     */
    public static List<Judgement> load(
            PreferenceStore store, Set<String> datasets, Set<String> annotators) {
        List<Judgement> judgements = new ArrayList<>();
        PairQuery query =
                datasets.isEmpty() ? PairQuery.all() : PairQuery.all().withDatasets(datasets);
        store.forEachPairWithDetails(
                query,
                null,
                (PairDetails details) -> {
                    for (StoredAnnotation stored : details.annotations()) {
                        String who = stored.annotation().annotator();
                        boolean wanted =
                                annotators.isEmpty()
                                        ? !who.equals(ADJUDICATOR)
                                        : annotators.contains(who);
                        if (wanted) {
                            Judgement.of(
                                            details.pair().id(),
                                            details.pair().pair().source(),
                                            stored.annotation())
                                    .ifPresent(judgements::add);
                        }
                    }
                });
        return judgements;
    }

    /** Measures the agreement of these judgements. */
    public static Result of(List<Judgement> judgements) {
        List<String> notes = new ArrayList<>();
        Map<Long, List<Judgement>> items = shared(judgements);
        TreeSet<String> annotators = new TreeSet<>();
        items.values().forEach(item -> item.forEach(j -> annotators.add(j.annotator())));
        List<String> raters = List.copyOf(annotators);
        if (items.isEmpty()) {
            notes.add("no pair was judged by two people or more");
        }

        Map<String, Double> cohen = new LinkedHashMap<>();
        for (int a = 0; a < raters.size(); a++) {
            for (int b = a + 1; b < raters.size(); b++) {
                CodingAnnotationStudy study = new CodingAnnotationStudy(2);
                for (List<Judgement> item : items.values()) {
                    Category first = categoryOf(item, raters.get(a));
                    Category second = categoryOf(item, raters.get(b));
                    if (first != null && second != null) {
                        study.addItem(first.label(), second.label());
                    }
                }
                if (study.getItemCount() > 0) {
                    String key = raters.get(a) + "|" + raters.get(b);
                    cohen.put(
                            key,
                            measured(
                                    () -> new CohenKappaAgreement(study).calculateAgreement(),
                                    "Cohen's kappa " + key,
                                    notes));
                }
            }
        }

        int fleissRaters = mostCommonSize(items);
        CodingAnnotationStudy fleissStudy = new CodingAnnotationStudy(Math.max(fleissRaters, 2));
        for (List<Judgement> item : items.values()) {
            if (item.size() >= fleissRaters) {
                List<Judgement> first =
                        item.stream()
                                .sorted(Comparator.comparing(Judgement::annotator))
                                .limit(fleissRaters)
                                .toList();
                fleissStudy.addItemAsArray(first.stream().map(j -> j.category().label()).toArray());
            }
        }
        Double fleiss =
                fleissStudy.getItemCount() == 0
                        ? null
                        : measured(
                                () -> new FleissKappaAgreement(fleissStudy).calculateAgreement(),
                                "Fleiss' kappa",
                                notes);

        return new Result(
                items.size(),
                raters,
                percentAgreement(items.values()),
                cohen,
                fleiss,
                fleissRaters,
                fleissStudy.getItemCount(),
                nominalAlpha(items.values(), raters, "Krippendorff's alpha", notes),
                ordinalAlpha(items.values(), raters, notes),
                groups(items.values(), raters, item -> List.of(sourceName(item.get(0).source()))),
                groups(
                        items.values(),
                        raters,
                        item -> item.stream().flatMap(j -> j.tags().stream()).distinct().toList()),
                perAnnotator(judgements, items),
                notes);
    }

    /** The name a pair's source has in the per-source table. */
    private static String sourceName(String source) {
        return source == null ? "(no source)" : source;
    }

    /** The pairs judged by two people or more, each with its judgements. */
    private static Map<Long, List<Judgement>> shared(List<Judgement> judgements) {
        Map<Long, List<Judgement>> byPair = new TreeMap<>();
        for (Judgement judgement : judgements) {
            byPair.computeIfAbsent(judgement.pairId(), id -> new ArrayList<>()).add(judgement);
        }
        byPair.values().removeIf(item -> item.size() < 2);
        return byPair;
    }

    private static Category categoryOf(List<Judgement> item, String annotator) {
        for (Judgement judgement : item) {
            if (judgement.annotator().equals(annotator)) {
                return judgement.category();
            }
        }
        return null;
    }

    private static int mostCommonSize(Map<Long, List<Judgement>> items) {
        Map<Integer, Integer> counts = new TreeMap<>();
        items.values().forEach(item -> counts.merge(item.size(), 1, Integer::sum));
        int best = 0;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> size : counts.entrySet()) {
            if (size.getValue() >= bestCount) {
                best = size.getKey();
                bestCount = size.getValue();
            }
        }
        return best;
    }

    /** The mean, over pairs, of DKPro's per-item percent agreement (agreeing rater pairs). */
    private static Double percentAgreement(Iterable<List<Judgement>> items) {
        double sum = 0;
        int n = 0;
        for (List<Judgement> item : items) {
            CodingAnnotationStudy study = new CodingAnnotationStudy(item.size());
            ICodingAnnotationItem added =
                    study.addItemAsArray(item.stream().map(j -> j.category().label()).toArray());
            sum += new PercentageAgreement(study).calculateItemAgreement(added);
            n++;
        }
        return n == 0 ? null : sum / n;
    }

    private static Double nominalAlpha(
            Iterable<List<Judgement>> items, List<String> raters, String what, List<String> notes) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(Math.max(raters.size(), 2));
        for (List<Judgement> item : items) {
            Object[] row = new Object[study.getRaterCount()];
            for (Judgement judgement : item) {
                row[raters.indexOf(judgement.annotator())] = judgement.category().label();
            }
            study.addItemAsArray(row);
        }
        if (study.getItemCount() == 0) {
            return null;
        }
        return measured(
                () ->
                        new KrippendorffAlphaAgreement(study, new NominalDistanceFunction())
                                .calculateAgreement(),
                what,
                notes);
    }

    private static Double ordinalAlpha(
            Iterable<List<Judgement>> items, List<String> raters, List<String> notes) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(Math.max(raters.size(), 2));
        for (List<Judgement> item : items) {
            Object[] row = new Object[study.getRaterCount()];
            int given = 0;
            for (Judgement judgement : item) {
                if (judgement.signedStrength() != null) {
                    row[raters.indexOf(judgement.annotator())] = judgement.signedStrength();
                    given++;
                }
            }
            if (given >= 2) {
                study.addItemAsArray(row);
            }
        }
        if (study.getItemCount() == 0) {
            notes.add("ordinal alpha on strength: no pair has two verdicts with a strength");
            return null;
        }
        return measured(
                () ->
                        new KrippendorffAlphaAgreement(study, new OrdinalDistanceFunction())
                                .calculateAgreement(),
                "ordinal alpha on strength",
                notes);
    }

    private static Map<String, GroupAgreement> groups(
            Iterable<List<Judgement>> items,
            List<String> raters,
            Function<List<Judgement>, List<String>> keys) {
        Map<String, List<List<Judgement>>> grouped = new TreeMap<>();
        for (List<Judgement> item : items) {
            for (String key : keys.apply(item)) {
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            }
        }
        Map<String, GroupAgreement> result = new LinkedHashMap<>();
        grouped.forEach(
                (key, group) ->
                        result.put(
                                key,
                                new GroupAgreement(
                                        group.size(),
                                        percentAgreement(group),
                                        nominalAlpha(group, raters, key, new ArrayList<>()))));
        return result;
    }

    private static Map<String, AnnotatorAgreement> perAnnotator(
            List<Judgement> judgements, Map<Long, List<Judgement>> items) {
        Map<String, int[]> counts = new TreeMap<>(); // verdicts, majority hits, majority pairs,
        // label hits, side verdicts
        for (Judgement judgement : judgements) {
            int[] c = counts.computeIfAbsent(judgement.annotator(), a -> new int[5]);
            c[0]++;
            if (judgement.category() == Category.CHOSEN
                    || judgement.category() == Category.REJECTED) {
                c[4]++;
                if (judgement.category() == Category.CHOSEN) {
                    c[3]++;
                }
            }
        }
        for (List<Judgement> item : items.values()) {
            Category majority = majority(item);
            if (majority == null) {
                continue;
            }
            for (Judgement judgement : item) {
                int[] c = counts.get(judgement.annotator());
                c[2]++;
                if (judgement.category() == majority) {
                    c[1]++;
                }
            }
        }
        Map<String, AnnotatorAgreement> result = new LinkedHashMap<>();
        counts.forEach(
                (who, c) ->
                        result.put(
                                who,
                                new AnnotatorAgreement(
                                        c[0],
                                        c[2] == 0 ? null : (double) c[1] / c[2],
                                        c[2],
                                        c[4] == 0 ? null : (double) c[3] / c[4],
                                        c[4])));
        return result;
    }

    /** The one most frequent category of a pair, or null when two tie for most. */
    static Category majority(List<Judgement> item) {
        Map<Category, Integer> counts = new TreeMap<>();
        item.forEach(j -> counts.merge(j.category(), 1, Integer::sum));
        Category best = null;
        int bestCount = 0;
        boolean tied = false;
        for (Map.Entry<Category, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
                tied = false;
            } else if (entry.getValue() == bestCount) {
                tied = true;
            }
        }
        return tied ? null : best;
    }

    /** A DKPro measure, or null with a note when the data cannot define it. */
    private static Double measured(
            java.util.function.DoubleSupplier measure, String what, List<String> notes) {
        try {
            double value = measure.getAsDouble();
            if (Double.isNaN(value)) {
                notes.add(what + ": undefined on these verdicts");
                return null;
            }
            return value;
        } catch (InsufficientDataException e) {
            notes.add(what + ": undefined (" + e.getMessage() + ")");
            return null;
        }
    }
}
