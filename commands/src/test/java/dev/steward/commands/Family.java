package dev.steward.commands;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Actor;
import dev.steward.safety.authority.Authority;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.PolicyResolver;
import dev.steward.safety.policy.PolicyValues;
import dev.steward.safety.policy.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The people the commands' tests talk as: a parent with the admin role, a child, and {@link TestMessages#SENDER}, an
 * adult (the default role). The clock stands at noon UTC, outside the child's quiet hours unless a test moves it.
 */
public final class Family {
    public static final UserId PARENT = UserId.of("@parent:localhost");
    public static final UserId CHILD = UserId.of("@child:localhost");
    public static final UserId SENDER = UserId.of(TestMessages.SENDER);
    public static final RoomId ROOM = RoomId.of(TestMessages.ROOM);
    public static final Clock NOON = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    private static final MemberRoles MEMBERS = new MemberRoles(List.of(
            new MemberRoles.Assignment(PARENT.value(), "admin"),
            new MemberRoles.Assignment(CHILD.value(), "child")), "adult");
    public static final Authority AUTHORITY = new Authority(Roles.defaults(), MEMBERS, 100);
    private static final PolicyResolver POLICIES = new PolicyResolver(Roles.defaults(), MEMBERS);

    private Family() {}

    /** {@code member} acting in the test room at {@code powerLevel}, with their role's policy. */
    public static Caller caller(UserId member, int powerLevel) {
        return new Caller(new Actor(member, ROOM, powerLevel), POLICIES.resolve(member, PolicyValues.EMPTY));
    }

    /** The sender of {@link TestMessages}' events, an adult at power level 0. */
    public static Caller sender() {
        return caller(SENDER, 0);
    }

    public static CommandRegistry registry(RefusalLog refusals) {
        return new CommandRegistry(AUTHORITY, new PolicyGate(NOON, ZoneOffset.UTC, "!"), refusals);
    }

    public static CommandRegistry registry() {
        return registry(RefusalLog.NONE);
    }

    /** A registry whose prefix is not "!". */
    public static CommandRegistry registry(String prefix) {
        return new CommandRegistry(AUTHORITY, new PolicyGate(NOON, ZoneOffset.UTC, prefix), RefusalLog.NONE);
    }
}
