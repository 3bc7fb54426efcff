package dev.steward.commands;

/** A failure whose message is written for the person who sent the command, and is shown to them as it is. */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }
}
