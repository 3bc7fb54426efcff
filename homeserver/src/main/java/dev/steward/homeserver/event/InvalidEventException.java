package dev.steward.homeserver.event;

/** An event that cannot be read: a required field is missing, or an id does not follow the Matrix grammar. */
public class InvalidEventException extends IllegalArgumentException {
    public InvalidEventException(String message) {
        super(message);
    }
}
