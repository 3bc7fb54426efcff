package dev.steward.commands.prompts;

import dev.steward.safety.authority.Permission;

/**
 * Who may answer a prompt: a permission judged by {@link dev.steward.safety.authority.Authority} when the reaction is
 * cast, and how the person who asked counts.
 */
public record Eligibility(Permission permission, Requester requester) {
    /** How the requester's own reaction counts. */
    public enum Requester {
        /** Only the requester answers (a confirmation of their own request). */
        ONLY,
        /** Anyone with the permission but the requester (an approval: nobody approves their own request). */
        EXCLUDED,
        /** Anyone with the permission. */
        ANY
    }

    /** The member who asked confirms their own request; nobody else counts. */
    public static final Eligibility REQUESTER_ONLY = new Eligibility(Permission.EVERYONE, Requester.ONLY);
}
