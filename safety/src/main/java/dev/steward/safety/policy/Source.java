package dev.steward.safety.policy;

/** Where one value of an effective policy came from, so that {@code !policy} can explain it. */
public sealed interface Source {
    /** From the member's role, given by config (an id, a glob, or the default role). */
    record FromRole(String role) implements Source {
        @Override
        public String toString() {
            return "role " + role;
        }
    }

    /** From an override set for this member ({@code !policy set} or config). */
    record FromOverride() implements Source {
        @Override
        public String toString() {
            return "override for this member";
        }
    }
}
