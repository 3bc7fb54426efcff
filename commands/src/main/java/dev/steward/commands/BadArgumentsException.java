package dev.steward.commands;

/** The arguments do not fit the command; the registry answers with the command's usage line. */
public class BadArgumentsException extends UserFacingException {
    public BadArgumentsException(String message) {
        super(message);
    }
}
