package dev.steward.safety.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.homeserver.Glob;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.PolicyValues;
import dev.steward.safety.policy.Roles;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A family: a parent (admin), an adult, a child who created a room of their own, and a co-parent role. */
class AuthorityTest {
    private static final UserId MUM = UserId.of("@mum:family.example");
    private static final UserId DAD = UserId.of("@dad:family.example");
    private static final UserId KID = UserId.of("@kid:family.example");
    private static final UserId GRAN = UserId.of("@gran:family.example");
    private static final RoomId FAMILY = RoomId.of("!family:family.example");
    private static final RoomId KIDS_DEN = RoomId.of("!den:family.example");

    private final Authority authority = new Authority(Roles.defaults()
            .with("coparent", PolicyValues.EMPTY, Optional.of("adult"), Optional.of(Set.of(Power.AUDIT_READ))),
            new MemberRoles(List.of(
                    new MemberRoles.Assignment("@mum:family.example", "admin"),
                    new MemberRoles.Assignment("@kid:family.example", "child"),
                    new MemberRoles.Assignment("@gran:family.example", "coparent")), "adult"),
            100);

    static List<Arguments> cases() {
        return List.of(
                argumentSet("a child at 100 in their own room may set its model", KID, KIDS_DEN, 100,
                        Power.ROOM_MODEL, true),
                argumentSet("... and its memory settings", KID, KIDS_DEN, 100, Power.ROOM_MEMORY, true),
                argumentSet("... but not change any policy, their own included", KID, KIDS_DEN, 100,
                        Power.POLICY_CHANGE, false),
                argumentSet("... nor read the audit log there", KID, KIDS_DEN, 100, Power.AUDIT_READ, false),
                argumentSet("... and the room power does not follow them to the family room", KID, FAMILY, 0,
                        Power.ROOM_MODEL, false),
                argumentSet("power level 99 is not enough", DAD, FAMILY, 99, Power.ROOM_PRIVACY, false),
                argumentSet("an adult at 100 gets no global power either", DAD, FAMILY, 100,
                        Power.MEMORY_MEMBERS, false),
                argumentSet("the admin role holds global powers at power level 0", MUM, KIDS_DEN, 0,
                        Power.POLICY_CHANGE, true),
                argumentSet("... and room powers in any room", MUM, KIDS_DEN, 0, Power.ROOM_FORGET, true),
                argumentSet("a configured role holds what it was given", GRAN, FAMILY, 0, Power.AUDIT_READ, true),
                argumentSet("... and nothing more", GRAN, FAMILY, 0, Power.POLICY_CHANGE, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachPowerIsHeldOnlyWhereItBelongs(UserId member, RoomId room, int powerLevel, Power power, boolean held) {
        Actor actor = new Actor(member, room, powerLevel);

        assertThat(authority.may(actor, Permission.of(power))).isEqualTo(held);
    }

    @Test
    void aFeaturesRuleCountsRolesPowerLevelsAndPeopleNamed() {
        Permission responders = Permission.rule("incident responders", new Who(Set.of("coparent"), OptionalInt.of(50),
                List.of(Glob.of("@oncall-*:family.example"))));

        assertThat(authority.may(new Actor(GRAN, FAMILY, 0), responders)).as("by role").isTrue();
        assertThat(authority.may(new Actor(DAD, FAMILY, 50), responders)).as("by power level").isTrue();
        assertThat(authority.may(new Actor(UserId.of("@oncall-ann:family.example"), FAMILY, 0), responders))
                .as("by glob").isTrue();
        assertThat(authority.may(new Actor(DAD, FAMILY, 49), responders)).isFalse();
        assertThat(authority.may(new Actor(MUM, FAMILY, 0), responders)).as("admins are not responders unless named")
                .isFalse();
    }

    @Test
    void everyoneMayWhatEveryoneMay() {
        assertThat(authority.may(new Actor(UserId.of("@stranger:elsewhere.org"), FAMILY, 0), Permission.EVERYONE))
                .isTrue();
    }

    @Test
    void refusalsSayWhoHasThePowerInstead() {
        assertThat(authority.refusal(Permission.of(Power.POLICY_CHANGE)))
                .isEqualTo("Only admins can change members' policies.");
        assertThat(authority.refusal(Permission.of(Power.AUDIT_READ)))
                .isEqualTo("Only admins and coparents can read the audit log.");
        assertThat(authority.refusal(Permission.of(Power.ROOM_PRIVACY)))
                .isEqualTo("Only this room's admins (power level 100 here) and admins can make this room private"
                        + " or not.");
    }

    @Test
    void aMemberMappedToAnUndefinedRoleIsRefusedAtStart() {
        assertThatThrownBy(() -> new Authority(Roles.defaults(),
                new MemberRoles(List.of(new MemberRoles.Assignment("@x:y.org", "superuser")), "adult"), 100))
                .hasMessageContaining("members names the role 'superuser'");
    }
}
