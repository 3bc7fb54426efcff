package dev.steward.safety.authority;

import java.util.Objects;

/**
 * What a command, a subcommand or a reaction needs, declared as data where it is defined and checked by
 * {@link Authority} before its handler runs.
 */
public sealed interface Permission {
    /** Anyone Steward serves. */
    Permission EVERYONE = new Everyone();

    static Permission of(Power power) {
        return new Holds(power);
    }

    /** A rule of a feature's own, such as the responders of an incident hook. */
    static Permission rule(String name, Who who) {
        return new Rule(name, who);
    }

    record Everyone() implements Permission {}

    /** One of Steward's powers (global through a role, or over this room). */
    record Holds(Power power) implements Permission {
        public Holds {
            Objects.requireNonNull(power, "power");
        }
    }

    /** @param name what the rule is for, in refusals and the audit log ("incident responders") */
    record Rule(String name, Who who) implements Permission {
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(who, "who");
        }
    }
}
