package io.rewardlens.scoring;

/**
 * A model bundle that cannot be used: a missing or malformed file, a field with a wrong value, a
 * file whose hash differs from the one {@code bundle.json} declares.
 */
public class BundleException extends ScoringException {
    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the bundle file and field
     */
    public BundleException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, naming the bundle file and field
     * @param cause the underlying failure (I/O, JSON syntax, engine)
     */
    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
