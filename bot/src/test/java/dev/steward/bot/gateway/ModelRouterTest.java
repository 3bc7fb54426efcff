package dev.steward.bot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.UserId;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.PolicyResolver;
import dev.steward.safety.policy.PolicyValues;
import dev.steward.safety.policy.Roles;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRouterTest {
    private static final ModelEntry LOCAL = model("local", true, "0", "0");
    private static final ModelEntry CHEAP = model("cheap", false, "0.1", "0.4");
    private static final ModelEntry BIG = model("big", false, "3", "15");
    private final ModelRouter router = new ModelRouter(List.of(LOCAL, CHEAP, BIG), Optional.of("big"),
            List.of("cheap"));

    static ModelEntry model(String name, boolean local, String priceIn, String priceOut) {
        ModelEntry entry = Models.entry(name, ModelEntry.Provider.OPENAI, name, "http://127.0.0.1:1/v1", null);
        return new ModelEntry(name, entry.provider(), name, entry.baseUrl(), entry.apiKey(), local,
                new BigDecimal(priceIn), new BigDecimal(priceOut), entry.contextWindow(), entry.timeout(),
                entry.maxAnswerTokens(), entry.stream());
    }

    static EffectivePolicy policy(String models) {
        PolicyResolver resolver = new PolicyResolver(Roles.defaults(), new MemberRoles(List.of(), "adult"));
        return resolver.resolve(UserId.of("@alice:example.org"),
                PolicyValues.parse(Map.of("models", models), "test"));
    }

    private RoutePlan route(String allowed, boolean sensitive, boolean privateRoom, String explicit,
            String roomDefault, boolean nearBudget) {
        return router.route(new RouteRequest(policy(allowed), sensitive, privateRoom, Optional.ofNullable(explicit),
                Optional.ofNullable(roomDefault), nearBudget));
    }

    private static List<String> names(RoutePlan plan) {
        return ((RoutePlan.Go) plan).candidates().stream().map(ModelEntry::name).toList();
    }

    @Test
    void theDefaultGoesFirstThenTheFallbacksThenTheRest() {
        RoutePlan plan = route("*", false, false, null, null, false);
        assertThat(names(plan)).containsExactly("big", "cheap", "local");
        assertThat(((RoutePlan.Go) plan).reason()).isEqualTo("default");
    }

    @Test
    void sensitiveRequestsAndPrivateRoomsStayOnLocalModelsFallbacksToo() {
        assertThat(names(route("*", true, false, null, null, false))).containsExactly("local");
        RoutePlan privateRoom = route("*", false, true, null, "big", false);
        assertThat(names(privateRoom)).containsExactly("local");
        assertThat(((RoutePlan.Go) privateRoom).reason()).startsWith("private room: local only");
        assertThat(route("*", false, true, "big", null, false)).isInstanceOf(RoutePlan.Refuse.class);
        assertThat(route("cheap, big", true, false, null, null, false))
                .isEqualTo(new RoutePlan.Refuse("privacy", GatewayStrings.NO_LOCAL_MODEL));
    }

    @Test
    void anExplicitChoiceBeatsTheRoomDefaultWhichBeatsTheConfiguredDefault() {
        assertThat(names(route("*", false, false, "local", "cheap", false))).startsWith("local");
        RoutePlan roomDefault = route("*", false, false, null, "cheap", false);
        assertThat(names(roomDefault)).containsExactly("cheap", "big", "local");
        assertThat(((RoutePlan.Go) roomDefault).reason()).isEqualTo("room default");
    }

    @Test
    void aRoomDefaultTheMemberMayNotUseIsPassedOver() {
        assertThat(names(route("local, cheap", false, false, null, "big", false))).containsExactly("cheap", "local");
    }

    @Test
    void nearTheBudgetTheCheapestAllowedModelGoesFirst() {
        RoutePlan plan = route("cheap, big", false, false, null, null, true);
        assertThat(names(plan)).containsExactly("cheap", "big");
        assertThat(((RoutePlan.Go) plan).reason()).isEqualTo("near budget: cheapest allowed");
    }

    @Test
    void aModelOutsideTheAllowListIsRefusedWithTheAllowedOnes() {
        RoutePlan plan = route("local, cheap", false, false, "big", null, false);
        assertThat(plan).isEqualTo(new RoutePlan.Refuse("models",
                "You may not use big. Models you may use: local, cheap."));
    }
}
