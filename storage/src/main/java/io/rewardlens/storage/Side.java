package io.rewardlens.storage;

/**
 * A side of a stored preference pair, named after the dataset's own label: {@link #CHOSEN} is the
 * completion the dataset prefers, {@link #REJECTED} the other one. Human verdicts and model scores
 * are mapped back onto these sides.
 */
public enum Side {
    /** The completion the dataset labels as preferred. */
    CHOSEN("chosen"),
    /** The completion the dataset labels as worse. */
    REJECTED("rejected");

    private final String storedName;

    Side(String storedName) {
        this.storedName = storedName;
    }

    /** The lower-case name used in the database and in exported files. */
    public String storedName() {
        return storedName;
    }

    /** The other side. */
    public Side other() {
        return this == CHOSEN ? REJECTED : CHOSEN;
    }

    /**
     * Parses a stored name ({@code chosen} or {@code rejected}).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Side fromStoredName(String name) {
        return switch (name) {
            case "chosen" -> CHOSEN;
            case "rejected" -> REJECTED;
            default -> throw new IllegalArgumentException("not a side: " + name);
        };
    }
}
