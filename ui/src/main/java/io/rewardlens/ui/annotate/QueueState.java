package io.rewardlens.ui.annotate;

/** What the annotation queue shows. */
public enum QueueState {
    /** No database is open. */
    NO_DATABASE,
    /** Pairs are being read. */
    LOADING,
    /** A pair is on screen. */
    SHOWING,
    /** No pair matches the filters. */
    EMPTY,
    /** The annotator went past the last pair of the queue. */
    END
}
