package io.rewardlens.storage;

/**
 * The disk (or the file system's quota) holding the database ran out of space during a write.
 * SQLite rolled the write back, so the database is as it was before it; the same operation can
 * succeed once space is freed.
 */
public class StoreFullException extends StoreException {
    /** Creates the exception with a message for the user and the SQLite error behind it. */
    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
