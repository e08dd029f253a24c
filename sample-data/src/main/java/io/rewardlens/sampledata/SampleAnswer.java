package io.rewardlens.sampledata;

/**
 * The answer key entry for one line of the hand-written sample pairs: its category, whether its
 * chosen/rejected label was deliberately swapped to test annotators, and why the better side is
 * better.
 *
 * @param line the 1-based line number in {@code sample-pairs.jsonl}
 * @param category the category, the part after {@code rewardlens-sample/} in the record's source
 * @param deliberatelyMislabelled true when the record's rejected answer is the better one
 * @param why one sentence on why the better answer is better
 */
public record SampleAnswer(
        int line, String category, boolean deliberatelyMislabelled, String why) {}
