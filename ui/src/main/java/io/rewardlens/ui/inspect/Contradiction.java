package io.rewardlens.ui.inspect;

import io.rewardlens.storage.DisagreementKind;
import java.util.EnumSet;
import java.util.Set;

/** What a reward model's preference contradicts in the disagreement queue. */
public enum Contradiction {
    /** The dataset's label: the model prefers the side labelled rejected. */
    LABEL("the dataset label", EnumSet.of(DisagreementKind.LABEL)),
    /** A human verdict: the model prefers the side an annotator rejected. */
    HUMAN("a human verdict", EnumSet.of(DisagreementKind.HUMAN)),
    /** Either of them (a pair can then be listed once for each). */
    EITHER("the label or a human", EnumSet.allOf(DisagreementKind.class));

    private final String description;
    private final Set<DisagreementKind> kinds;

    Contradiction(String description, Set<DisagreementKind> kinds) {
        this.description = description;
        this.kinds = kinds;
    }

    /**
     * The kinds of stored disagreement this selects.
     *
     * @return the kinds
     */
    public Set<DisagreementKind> kinds() {
        return Set.copyOf(kinds);
    }

    @Override
    public String toString() {
        return description;
    }
}
