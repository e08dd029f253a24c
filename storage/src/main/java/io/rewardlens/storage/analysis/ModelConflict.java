package io.rewardlens.storage.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A pair the analysed models judge differently. Margins are compared after normalization: each
 * model's margin divided by that model's {@linkplain PreferenceAnalysis#marginScale margin scale}
 * (the root mean square of its margins over the analysis), so models with different reward ranges
 * weigh the same. The spread is the largest minus the smallest normalized margin; pairs are ranked
 * by it, largest first.
 *
 * @param pair the pair with its raw scores
 * @param normalizedMargins each model's normalized margin by model id, in model order (only models
 *     that scored the pair)
 * @param spread the largest minus the smallest normalized margin
 * @param opposite whether one model prefers the chosen side and another the rejected side
 */
public record ModelConflict(
        AnalyzedPair pair, Map<Long, Double> normalizedMargins, double spread, boolean opposite) {
    /** Rejects a missing pair and copies the margins, keeping their order. */
    public ModelConflict {
        Objects.requireNonNull(pair, "pair");
        normalizedMargins = Collections.unmodifiableMap(new LinkedHashMap<>(normalizedMargins));
    }
}
