package io.rewardlens.scoring;

/**
 * A bundle whose self-test (a case of {@code bundle.json} {@code self_test}) did not reproduce the
 * score the exporter measured with transformers, or produced other token ids: the bundle is refused
 * because its scores cannot be trusted on this machine.
 */
public final class SelfTestFailedException extends BundleException {
    /** The name of the failing self-test case. */
    private final String caseName;

    /**
     * Creates the exception.
     *
     * @param caseName the {@code name} of the failing self-test case
     * @param message what differed: expected, got and tolerance, or the first differing token id
     */
    public SelfTestFailedException(String caseName, String message) {
        super(message);
        this.caseName = caseName;
    }

    /**
     * Returns the name of the failing self-test case.
     *
     * @return the case name from {@code bundle.json}
     */
    public String caseName() {
        return caseName;
    }
}
