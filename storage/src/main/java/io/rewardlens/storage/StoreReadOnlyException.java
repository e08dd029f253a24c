package io.rewardlens.storage;

/**
 * A write was asked of a store that is open read-only (see {@link
 * PreferenceStore#readOnlyReason()}) or whose file became read-only. Nothing was changed.
 */
public class StoreReadOnlyException extends StoreException {
    /** Creates the exception with a message for the user. */
    public StoreReadOnlyException(String message) {
        super(message);
    }

    /** Creates the exception with a message for the user and the SQLite error behind it. */
    public StoreReadOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
