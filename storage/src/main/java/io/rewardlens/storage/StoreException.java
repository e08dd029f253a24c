package io.rewardlens.storage;

/**
 * A store operation failed: the database could not be opened, is busy, is not a RewardLens store,
 * or a statement failed. The message says what was being done and why it failed.
 */
public class StoreException extends RuntimeException {
    /** Creates the exception with a message for the user. */
    public StoreException(String message) {
        super(message);
    }

    /** Creates the exception with a message for the user and the underlying cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
