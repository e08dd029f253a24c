package io.rewardlens.storage;

import java.util.Objects;

/**
 * A preference pair as it lives in the store: its id, the dataset it belongs to and its content.
 *
 * @param id the pair's id in the store
 * @param dataset the name of its dataset
 * @param pair the content
 */
public record StoredPair(long id, String dataset, PreferencePair pair) {
    /** Rejects missing fields. */
    public StoredPair {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(pair, "pair");
    }
}
