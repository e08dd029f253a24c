package io.rewardlens.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pair together with every annotation on it and, when a model was asked for, that model's score:
 * what an export or a review screen needs about one pair.
 *
 * @param pair the pair
 * @param annotations its annotations, oldest first
 * @param score the requested model's score, if it scored the pair
 */
public record PairDetails(
        StoredPair pair, List<StoredAnnotation> annotations, Optional<PairScore> score) {
    /** Copies the annotations and rejects missing fields. */
    public PairDetails {
        Objects.requireNonNull(pair, "pair");
        annotations = List.copyOf(annotations);
        Objects.requireNonNull(score, "score");
    }
}
