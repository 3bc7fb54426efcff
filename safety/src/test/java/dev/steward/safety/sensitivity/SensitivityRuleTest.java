package dev.steward.safety.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.homeserver.id.UserId;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.PolicyResolver;
import dev.steward.safety.policy.PolicyValues;
import dev.steward.safety.policy.Roles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A family's conversation, piece by piece: a child (local only), adults with various PII policies, Steward. */
class SensitivityRuleTest {
    private static final PolicyResolver POLICIES = new PolicyResolver(Roles.defaults(), new MemberRoles(
            List.of(new MemberRoles.Assignment("@kid:f.example", "child")), "adult"));
    private static final EffectivePolicy CHILD = POLICIES.resolve(UserId.of("@kid:f.example"), PolicyValues.EMPTY);
    private static final EffectivePolicy ADULT = POLICIES.resolve(UserId.of("@dad:f.example"), PolicyValues.EMPTY);
    private static final EffectivePolicy OPEN = POLICIES.resolve(UserId.of("@gran:f.example"),
            PolicyValues.parse(Map.of("pii", "allow"), "o"));
    private static final EffectivePolicy KEEPS_PII_LOCAL = POLICIES.resolve(UserId.of("@mum:f.example"),
            PolicyValues.parse(Map.of("pii", "local_only"), "o"));

    static List<Arguments> pieces() {
        return List.of(
                argumentSet("a child's message", new Origin.Member(CHILD, false), false, Reach.LOCAL, false),
                argumentSet("an adult's message", new Origin.Member(ADULT, false), false, Reach.ANYWHERE, false),
                argumentSet("an adult's message written while the room was private",
                        new Origin.Member(ADULT, true), false, Reach.LOCAL, false),
                argumentSet("an adult's personal data under redact", new Origin.Member(ADULT, false), true,
                        Reach.ANYWHERE, true),
                argumentSet("personal data of someone who allows it", new Origin.Member(OPEN, false), true,
                        Reach.ANYWHERE, false),
                argumentSet("personal data of someone who keeps it local", new Origin.Member(KEEPS_PII_LOCAL, false),
                        true, Reach.LOCAL, false),
                argumentSet("Steward's answer marked local", new Origin.Steward(Optional.of(Reach.LOCAL),
                        Optional.of(CHILD)), false, Reach.LOCAL, false),
                argumentSet("Steward's answer marked anywhere", new Origin.Steward(Optional.of(Reach.ANYWHERE),
                        Optional.of(ADULT)), true, Reach.ANYWHERE, true),
                argumentSet("Steward's unmarked message", new Origin.Steward(Optional.empty(), Optional.empty()),
                        false, Reach.LOCAL, false),
                argumentSet("a memory stored local", new Origin.Memory(Reach.LOCAL), false, Reach.LOCAL, false),
                argumentSet("a memory stored for anywhere", new Origin.Memory(Reach.ANYWHERE), false,
                        Reach.ANYWHERE, false));
    }

    @ParameterizedTest
    @MethodSource("pieces")
    void eachPieceIsJudgedByItsOwnAuthor(Origin origin, boolean personalData, Reach reach, boolean redact) {
        assertThat(SensitivityRule.judge(origin, personalData))
                .isEqualTo(new SensitivityRule.Judged(reach, redact));
    }

    @Test
    void aLocalPieceSendsTheRequestLocalWhenTheAskerMayUseALocalModel() {
        SensitivityRule.Decision decision = SensitivityRule.decide(Reach.ANYWHERE,
                List.of(Reach.ANYWHERE, Reach.LOCAL, Reach.LOCAL), true, SensitivityRule.Mode.GO_LOCAL);

        assertThat(decision.reach()).isEqualTo(Reach.LOCAL);
        assertThat(decision.leftOut()).isEmpty();
        assertThat(decision.reason()).isEqualTo("context that must stay local (2 earlier messages): local only");
    }

    @Test
    void withoutALocalRouteTheLocalPiecesAreLeftOutAndTheReasonSaysSo() {
        SensitivityRule.Decision decision = SensitivityRule.decide(Reach.ANYWHERE,
                List.of(Reach.LOCAL, Reach.ANYWHERE, Reach.LOCAL), false, SensitivityRule.Mode.GO_LOCAL);

        assertThat(decision.reach()).isEqualTo(Reach.ANYWHERE);
        assertThat(decision.leftOut()).containsExactly(0, 2);
        assertThat(decision.reason()).isEqualTo("left out 2 earlier messages that must stay on local models");
    }

    @Test
    void leaveOutModeNeverRoutesLocalForContext() {
        SensitivityRule.Decision decision = SensitivityRule.decide(Reach.ANYWHERE, List.of(Reach.LOCAL), true,
                SensitivityRule.Mode.LEAVE_OUT);

        assertThat(decision).isEqualTo(new SensitivityRule.Decision(Reach.ANYWHERE, List.of(0),
                "left out 1 earlier message that must stay on local models"));
    }

    @Test
    void aLocalQuestionTakesEverythingLocalAndNothingIsLeftOut() {
        assertThat(SensitivityRule.decide(Reach.LOCAL, List.of(Reach.LOCAL, Reach.ANYWHERE), false,
                SensitivityRule.Mode.LEAVE_OUT)).isEqualTo(new SensitivityRule.Decision(Reach.LOCAL, List.of(), ""));
    }

    @Test
    void aChildsOwnWordsAreLocalAnAdultsAreNot() {
        assertThat(SensitivityRule.ofAuthor(CHILD, false, false)).isEqualTo(Reach.LOCAL);
        assertThat(SensitivityRule.ofAuthor(ADULT, false, false)).isEqualTo(Reach.ANYWHERE);
        assertThat(SensitivityRule.ofAuthor(ADULT, true, false)).isEqualTo(Reach.LOCAL);
        assertThat(SensitivityRule.ofAuthor(KEEPS_PII_LOCAL, false, true)).isEqualTo(Reach.LOCAL);
    }
}
