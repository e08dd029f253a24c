package io.rewardlens.app.cli;

/** Counts with their noun in the right number: "1 pair", "2 pairs", "0 pairs". */
final class Plural {
    private Plural() {}

    /**
     * The count and the noun, with an "s" unless the count is one.
     *
     * @param count how many
     * @param noun the singular noun; a phrase pluralises its last word
     */
    static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
