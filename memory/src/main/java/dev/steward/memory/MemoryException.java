package dev.steward.memory;

/** The memory store's database or index failed; the caller answers with a generic error. */
public class MemoryException extends RuntimeException {
    public MemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
