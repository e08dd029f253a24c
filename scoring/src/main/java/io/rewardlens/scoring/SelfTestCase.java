package io.rewardlens.scoring;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One self-test of a bundle ({@code bundle.json} {@code self_test[]}): a conversation, optionally
 * the token ids transformers produced for it, and the transformers score per {@code device/dtype}.
 */
public final class SelfTestCase {
    private final String name;
    private final Conversation conversation;
    private final long[] inputIds;
    private final Map<String, Double> expected;

    /**
     * Creates a case.
     *
     * @param name the case name
     * @param conversation the messages
     * @param inputIds the transformers token ids, or null when the bundle gives none
     * @param expected the transformers score per trace key ({@code cpu/float32}, ...)
     */
    public SelfTestCase(
            String name, Conversation conversation, long[] inputIds, Map<String, Double> expected) {
        this.name = Objects.requireNonNull(name, "name");
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.inputIds = inputIds == null ? null : inputIds.clone();
        this.expected = Map.copyOf(expected);
    }

    /**
     * Returns the case name.
     *
     * @return the name from {@code bundle.json}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the conversation of the case.
     *
     * @return the messages
     */
    public Conversation conversation() {
        return conversation;
    }

    /**
     * Returns the token ids transformers produced, if the bundle records them.
     *
     * @return a copy of the ids
     */
    public Optional<long[]> inputIds() {
        return Optional.ofNullable(inputIds).map(long[]::clone);
    }

    /**
     * Returns the expected score for a trace key.
     *
     * @param traceKey e.g. {@code cpu/float32}
     * @return the transformers score, if the case has one for that trace
     */
    public Optional<Double> expectedFor(String traceKey) {
        return Optional.ofNullable(expected.get(traceKey));
    }

    /**
     * Returns every expectation of the case.
     *
     * @return trace key to transformers score
     */
    public Map<String, Double> expected() {
        return expected;
    }

    @Override
    public String toString() {
        return "SelfTestCase[" + name + ", expected=" + expected + "]";
    }
}
