package dev.steward.homeserver.inbox;

/** The inbox's database failed; the caller answers the homeserver with an error so that it retries. */
public class InboxException extends RuntimeException {
    public InboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
