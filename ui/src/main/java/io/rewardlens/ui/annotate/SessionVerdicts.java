package io.rewardlens.ui.annotate;

import io.rewardlens.storage.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The annotator's verdicts as they stand in this session: what the store held when a pair was read,
 * unless the annotator gave, changed or took back a verdict on it since.
 */
final class SessionVerdicts {
    /** The annotation per pair as changed in this session (empty: taken back). */
    private final Map<Long, Optional<Annotation>> changed = new HashMap<>();

    /** Forgets the session's changes (another store or annotator). */
    void clear() {
        changed.clear();
    }

    /**
     * Records the annotator's annotation of a pair as it now stands.
     *
     * @param pairId the pair
     * @param annotation the annotation, or null when the pair has none any more
     */
    void set(long pairId, Annotation annotation) {
        changed.put(pairId, Optional.ofNullable(annotation));
    }

    /**
     * The annotator's annotation of a pair.
     *
     * @param pair the pair as read, or null
     * @return the annotation, or null when there is none
     */
    Annotation of(PreparedPair pair) {
        if (pair == null) {
            return null;
        }
        Optional<Annotation> now = changed.get(pair.id());
        if (now != null) {
            return now.orElse(null);
        }
        return pair.mine() == null ? null : pair.mine().annotation();
    }

    /**
     * Whether a pair counts as annotated.
     *
     * @param pairId the pair
     * @param byOthers whether others annotated it
     * @param read the pair as read, or null when it is not at hand
     * @return whether anyone's verdict is on it
     */
    boolean annotated(long pairId, boolean byOthers, PreparedPair read) {
        if (byOthers) {
            return true;
        }
        Optional<Annotation> now = changed.get(pairId);
        if (now != null) {
            return now.isPresent();
        }
        return read != null && read.mine() != null;
    }
}
