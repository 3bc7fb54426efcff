package dev.steward.commands;

/** How a command ended, as metrics count it. */
public enum Outcome {
    OK, UNKNOWN, DENIED, BAD_ARGUMENTS, REFUSED, FAILED;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
