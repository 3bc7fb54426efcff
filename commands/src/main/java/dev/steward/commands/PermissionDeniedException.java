package dev.steward.commands;

/** The member lacks a permission that the handler could only check once it knew what the command is about. */
public final class PermissionDeniedException extends UserFacingException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
