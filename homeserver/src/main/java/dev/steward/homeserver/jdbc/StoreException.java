package dev.steward.homeserver.jdbc;

/** A database operation failed; the message names what was being done, never the data. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
