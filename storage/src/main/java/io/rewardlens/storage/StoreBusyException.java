package io.rewardlens.storage;

/**
 * Another connection (often another process, e.g. a long import) held the database's write lock for
 * longer than the store's busy timeout. Nothing was changed; the same operation can succeed once
 * the lock is released.
 */
public class StoreBusyException extends StoreException {
    /** Creates the exception with a message for the user and the SQLite error behind it. */
    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
