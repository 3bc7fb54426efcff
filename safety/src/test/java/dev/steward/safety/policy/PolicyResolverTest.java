package dev.steward.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.homeserver.id.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A family: two parents (admin, adult), a child, a grandparent, and guests from elsewhere. */
class PolicyResolverTest {
    private static final UserId MUM = UserId.of("@mum:family.example");
    private static final UserId DAD = UserId.of("@dad:family.example");
    private static final UserId KID = UserId.of("@kid:family.example");
    private static final UserId GRAN = UserId.of("@gran:family.example");
    private static final UserId VISITOR = UserId.of("@visitor:elsewhere.org");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final PolicyResolver resolver = new PolicyResolver(Roles.defaults(),
            new MemberRoles(List.of(
                    new MemberRoles.Assignment("@mum:family.example", "admin"),
                    new MemberRoles.Assignment("@kid:family.example", "child"),
                    new MemberRoles.Assignment("@*:family.example", "adult")), "guest"));

    static List<Arguments> members() {
        return List.of(
                argumentSet("an exact id", MUM, "admin", "role admin"),
                argumentSet("an exact id wins over a glob", KID, "child", "role child"),
                argumentSet("a glob", DAD, "adult", "role adult"),
                argumentSet("the default role", VISITOR, "guest", "role guest"));
    }

    @ParameterizedTest
    @MethodSource("members")
    void eachMemberGetsTheRightRole(UserId member, String role, String source) {
        EffectivePolicy policy = resolver.resolve(member, PolicyValues.EMPTY);

        assertThat(policy.role()).isEqualTo(role);
        assertThat(policy.sourceOf(PolicyKey.CONTENT_FILTER)).hasToString(source);
    }

    @Test
    void anOverrideChangesOneFieldAndSaysSo() {
        PolicyValues overrides = PolicyValues.parse(Map.of("budget.daily", "2.00"), "overrides");

        EffectivePolicy kid = resolver.resolve(KID, overrides);

        assertThat(kid.get(PolicyKey.DAILY_COST)).isEqualByComparingTo(new BigDecimal("2.00"));
        assertThat(kid.get(PolicyKey.CONTENT_FILTER)).isEqualTo("strict");
        assertThat(kid.explain()).contains(
                "budget.daily = 2.00 (override for this member)",
                "content_filter = strict (role child)",
                "quiet_hours = 21:00-07:00 (role child)",
                "local_only = true (role child)");
    }

    @Test
    void quietHoursRefuseTheChildAt22InTheSpacesZoneButNotAnAdult() {
        Instant tenPmBerlin = Instant.parse("2026-11-21T21:00:00Z");

        assertThat(resolver.resolve(KID, PolicyValues.EMPTY).isQuietAt(tenPmBerlin, BERLIN)).isTrue();
        assertThat(resolver.resolve(GRAN, PolicyValues.EMPTY).isQuietAt(tenPmBerlin, BERLIN)).isFalse();
        assertThat(resolver.resolve(KID, PolicyValues.EMPTY)
                .isQuietAt(Instant.parse("2026-11-21T16:00:00Z"), BERLIN)).as("17:00 in Berlin").isFalse();
    }

    @Test
    void commandAndModelAllowListsAreRead() {
        EffectivePolicy kid = resolver.resolve(KID, PolicyValues.parse(Map.of("models", "local-*, tiny"), "o"));

        assertThat(kid.allowsCommand("ask")).isTrue();
        assertThat(kid.allowsCommand("run")).isFalse();
        assertThat(kid.allowsModel("local-llama")).isTrue();
        assertThat(kid.allowsModel("tiny")).isTrue();
        assertThat(kid.allowsModel("gpt-4o")).isFalse();
        assertThat(kid.allowsModel("local.llama")).as("a dot is literal").isFalse();
        assertThat(resolver.resolve(MUM, PolicyValues.EMPTY).allowsModel("anything")).isTrue();
    }

    @Test
    void configuredRolesChangeDefaultsAndAddRolesBelowThem() {
        Roles roles = Roles.defaults()
                .with("child", PolicyValues.parse(Map.of("quiet_hours", "20:00-06:30"), "roles.child"), Optional.empty())
                .with("oncall", PolicyValues.parse(Map.of("local_only", "false"), "roles.oncall"), Optional.of("adult"));

        assertThat(roles.names()).containsExactly("admin", "adult", "child", "guest", "oncall");
        assertThat(roles.policy("child").orElseThrow().get(PolicyKey.QUIET_HOURS)).contains("20:00-06:30");
        assertThat(roles.policy("oncall").orElseThrow().get(PolicyKey.DAILY_COST)).contains(new BigDecimal("1.00"));
        assertThatThrownBy(() -> roles.with("new", PolicyValues.EMPTY, Optional.empty()))
                .hasMessageContaining("roles.new is a new role: give it based_on");
    }

    @Test
    void aMappingToAnUndefinedRoleIsRefusedAtStart() {
        assertThatThrownBy(() -> new PolicyResolver(Roles.defaults(),
                new MemberRoles(List.of(new MemberRoles.Assignment("@x:y.org", "superuser")), "guest")))
                .hasMessageContaining("members names the role 'superuser'");
    }
}
