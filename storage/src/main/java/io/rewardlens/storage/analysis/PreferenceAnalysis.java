package io.rewardlens.storage.analysis;

import io.rewardlens.storage.Annotation;
import io.rewardlens.storage.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The failure analyses of reward models on loaded {@link AnalysisData}: accuracy against labels and
 * humans, human–label agreement, length and Markdown bias, calibration, and how several models
 * agree. Each method computes its answer from the data afresh and returns plain records of numbers
 * that a report or a chart can show; nothing here touches the store.
 */
public final class PreferenceAnalysis {
    /** Sources ordered like {@link io.rewardlens.storage.StoreStats}: no source first. */
    private static final Comparator<String> SOURCE_ORDER =
            Comparator.nullsFirst(Comparator.naturalOrder());

    private final AnalysisData data;

    /** Analyses the given data. */
    public PreferenceAnalysis(AnalysisData data) {
        this.data = data;
    }

    /** The data analysed. */
    public AnalysisData data() {
        return data;
    }

    /** Each model's accuracy against labels and humans, overall and per source, in model order. */
    public List<ModelAccuracy> accuracy() {
        List<ModelAccuracy> result = new ArrayList<>();
        for (AnalyzedModel model : data.models()) {
            result.add(accuracy(model));
        }
        return result;
    }

    /** One model's accuracy against labels and humans, overall and per source. */
    public ModelAccuracy accuracy(AnalyzedModel model) {
        Accuracy vsLabel = Accuracy.EMPTY;
        Accuracy vsHuman = Accuracy.EMPTY;
        Map<String, Accuracy[]> bySource = new TreeMap<>(SOURCE_ORDER);
        for (AnalyzedPair pair : data.pairs()) {
            Optional<SideScores> score = pair.score(model.id());
            if (score.isEmpty()) {
                continue;
            }
            Accuracy[] source =
                    bySource.computeIfAbsent(
                            pair.features().source(),
                            s -> new Accuracy[] {Accuracy.EMPTY, Accuracy.EMPTY});
            Optional<Side> modelSide = score.get().preferredSide();
            boolean tie = modelSide.isEmpty();
            boolean right = modelSide.equals(Optional.of(Side.CHOSEN));
            vsLabel = vsLabel.plus(right, tie);
            source[0] = source[0].plus(right, tie);
            for (Annotation annotation : pair.features().annotations()) {
                Optional<Side> human = annotation.preferredSide();
                if (human.isPresent()) {
                    boolean agrees = modelSide.equals(human);
                    vsHuman = vsHuman.plus(agrees, tie);
                    source[1] = source[1].plus(agrees, tie);
                }
            }
        }
        List<SourceAccuracy> perSource = new ArrayList<>();
        bySource.forEach(
                (source, tally) -> perSource.add(new SourceAccuracy(source, tally[0], tally[1])));
        return new ModelAccuracy(model, vsLabel, vsHuman, perSource);
    }

    /**
     * How human verdicts relate to the dataset labels, overall and per source, over every annotated
     * pair of the data (whether or not a model scored it).
     */
    public HumanLabelAgreement humanLabelAgreement() {
        VerdictCounts overall = VerdictCounts.EMPTY;
        long annotatedPairs = 0;
        Map<String, VerdictCounts> bySource = new TreeMap<>(SOURCE_ORDER);
        Map<String, Long> pairsBySource = new TreeMap<>(SOURCE_ORDER);
        for (AnalyzedPair pair : data.pairs()) {
            List<Annotation> annotations = pair.features().annotations();
            if (annotations.isEmpty()) {
                continue;
            }
            String source = pair.features().source();
            annotatedPairs++;
            pairsBySource.merge(source, 1L, Long::sum);
            VerdictCounts counts = bySource.getOrDefault(source, VerdictCounts.EMPTY);
            for (Annotation annotation : annotations) {
                overall = overall.plus(annotation);
                counts = counts.plus(annotation);
            }
            bySource.put(source, counts);
        }
        List<SourceVerdictCounts> perSource = new ArrayList<>();
        bySource.forEach(
                (source, counts) ->
                        perSource.add(
                                new SourceVerdictCounts(
                                        source, pairsBySource.get(source), counts)));
        return new HumanLabelAgreement(annotatedPairs, overall, perSource);
    }

    /** A model's margin against a feature of the pairs it scored, with their correlation. */
    public BiasScatter bias(AnalyzedModel model, BiasFeature feature) {
        List<BiasPoint> points = new ArrayList<>();
        for (AnalyzedPair pair : data.pairs()) {
            pair.score(model.id())
                    .ifPresent(
                            score ->
                                    points.add(
                                            new BiasPoint(
                                                    pair.pairId(),
                                                    feature.valueOf(pair.features()),
                                                    score.margin())));
        }
        double[] x = points.stream().mapToDouble(BiasPoint::feature).toArray();
        double[] y = points.stream().mapToDouble(BiasPoint::margin).toArray();
        return new BiasScatter(model, feature, points, Correlation.of(x, y));
    }

    /** A model's accuracy against the labels when the chosen side is longer, shorter or as long. */
    public LengthSplitAccuracy lengthSplitAccuracy(AnalyzedModel model) {
        Accuracy longer = Accuracy.EMPTY;
        Accuracy shorter = Accuracy.EMPTY;
        Accuracy same = Accuracy.EMPTY;
        for (AnalyzedPair pair : data.pairs()) {
            Optional<SideScores> score = pair.score(model.id());
            if (score.isEmpty()) {
                continue;
            }
            double margin = score.get().margin();
            int difference = pair.features().lengthDifference();
            if (difference > 0) {
                longer = longer.plus(margin > 0, margin == 0);
            } else if (difference < 0) {
                shorter = shorter.plus(margin > 0, margin == 0);
            } else {
                same = same.plus(margin > 0, margin == 0);
            }
        }
        return new LengthSplitAccuracy(model, longer, shorter, same);
    }

    /** One human judgement of a pair a model scored, for calibration. */
    private record Judgement(double absMargin, boolean agrees) {}

    /**
     * How often humans agree with a model by |margin| (see {@link Calibration} for the buckets).
     *
     * @param model the model
     * @param bucketCount how many buckets to aim for (at least 1)
     */
    public Calibration calibration(AnalyzedModel model, int bucketCount) {
        if (bucketCount < 1) {
            throw new IllegalArgumentException("need at least one bucket, not " + bucketCount);
        }
        List<Judgement> judgements = new ArrayList<>();
        long ties = 0;
        for (AnalyzedPair pair : data.pairs()) {
            Optional<SideScores> score = pair.score(model.id());
            if (score.isEmpty()) {
                continue;
            }
            Optional<Side> modelSide = score.get().preferredSide();
            for (Annotation annotation : pair.features().annotations()) {
                Optional<Side> human = annotation.preferredSide();
                if (human.isEmpty()) {
                    continue;
                }
                if (modelSide.isEmpty()) {
                    ties++;
                } else {
                    judgements.add(
                            new Judgement(Math.abs(score.get().margin()), modelSide.equals(human)));
                }
            }
        }
        judgements.sort(Comparator.comparingDouble(Judgement::absMargin));
        List<CalibrationBucket> buckets = new ArrayList<>();
        int n = judgements.size();
        int start = 0;
        for (int b = 0; b < bucketCount && start < n; b++) {
            // Aim for the b-th quantile, then move the cut past judgements with the same margin.
            long target = ((long) (b + 1) * n + bucketCount - 1) / bucketCount;
            int end = (int) Math.max(start + 1, target);
            while (end < n
                    && judgements.get(end).absMargin() == judgements.get(end - 1).absMargin()) {
                end++;
            }
            List<Judgement> bucket = judgements.subList(start, end);
            buckets.add(
                    new CalibrationBucket(
                            buckets.size(),
                            bucket.get(0).absMargin(),
                            bucket.get(bucket.size() - 1).absMargin(),
                            bucket.size(),
                            bucket.stream().filter(Judgement::agrees).count()));
            start = end;
        }
        return new Calibration(model, buckets, ties);
    }

    /** How often every two models prefer the same side ({@link AgreementMatrix}). */
    public AgreementMatrix agreementMatrix() {
        List<AnalyzedModel> models = data.models();
        List<ModelAgreement> cells = new ArrayList<>();
        for (AnalyzedModel first : models) {
            for (AnalyzedModel second : models) {
                long shared = 0;
                long same = 0;
                for (AnalyzedPair pair : data.pairs()) {
                    Optional<Side> a = pair.score(first.id()).flatMap(SideScores::preferredSide);
                    Optional<Side> b = pair.score(second.id()).flatMap(SideScores::preferredSide);
                    if (a.isPresent() && b.isPresent()) {
                        shared++;
                        if (a.equals(b)) {
                            same++;
                        }
                    }
                }
                cells.add(new ModelAgreement(first, second, shared, same));
            }
        }
        return new AgreementMatrix(models, cells);
    }

    /**
     * The scale a model's margins are divided by before models are compared: the root mean square
     * of its margins over the pairs it scored in the data (its typical |margin|, without centering,
     * so the sign of a normalized margin still says which side it prefers). 1 when the model scored
     * nothing or every margin is 0, so that normalizing changes nothing then.
     */
    public double marginScale(AnalyzedModel model) {
        double sumOfSquares = 0;
        long count = 0;
        for (AnalyzedPair pair : data.pairs()) {
            Optional<SideScores> score = pair.score(model.id());
            if (score.isPresent()) {
                sumOfSquares += score.get().margin() * score.get().margin();
                count++;
            }
        }
        return sumOfSquares == 0 ? 1 : Math.sqrt(sumOfSquares / count);
    }

    /**
     * The pairs the models judge most differently ({@link ModelConflict}): pairs scored by at least
     * two analysed models, by spread of normalized margins, largest first (ties by pair id).
     *
     * @param limit the most pairs to return (0: all)
     */
    public List<ModelConflict> conflicts(int limit) {
        Map<Long, Double> scales = new LinkedHashMap<>();
        for (AnalyzedModel model : data.models()) {
            scales.put(model.id(), marginScale(model));
        }
        List<ModelConflict> conflicts = new ArrayList<>();
        for (AnalyzedPair pair : data.pairs()) {
            if (pair.scores().size() < 2) {
                continue;
            }
            Map<Long, Double> normalized = new LinkedHashMap<>();
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            boolean prefersChosen = false;
            boolean prefersRejected = false;
            for (Map.Entry<Long, SideScores> entry : pair.scores().entrySet()) {
                double value = entry.getValue().margin() / scales.get(entry.getKey());
                normalized.put(entry.getKey(), value);
                max = Math.max(max, value);
                min = Math.min(min, value);
                prefersChosen |= value > 0;
                prefersRejected |= value < 0;
            }
            conflicts.add(
                    new ModelConflict(
                            pair, normalized, max - min, prefersChosen && prefersRejected));
        }
        conflicts.sort(
                Comparator.comparingDouble(ModelConflict::spread)
                        .reversed()
                        .thenComparingLong(conflict -> conflict.pair().pairId()));
        return limit > 0 && conflicts.size() > limit ? conflicts.subList(0, limit) : conflicts;
    }
}
