package dev.steward.bot.doctor;

import java.util.Optional;

/** One thing the doctor looked at: how it is, what it saw, and, when it is not fine, what to do. */
public record Finding(Level level, String subject, String seen, Optional<String> fix) {
    /** How it is: fine, worth a look, or in the way of Steward working. */
    public enum Level { OK, WARN, FAIL }

    static Finding ok(String subject, String seen) {
        return new Finding(Level.OK, subject, seen, Optional.empty());
    }

    static Finding warn(String subject, String seen, String fix) {
        return new Finding(Level.WARN, subject, seen, Optional.of(fix));
    }

    static Finding fail(String subject, String seen, String fix) {
        return new Finding(Level.FAIL, subject, seen, Optional.of(fix));
    }
}
