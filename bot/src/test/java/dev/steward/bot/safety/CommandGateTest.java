package dev.steward.bot.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.commands.Invocation;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.testing.Await;
import dev.steward.safety.SafetySchema;
import dev.steward.safety.audit.AuditEntry;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.OverrideStore;
import dev.steward.safety.policy.Policies;
import dev.steward.safety.policy.PolicyResolver;
import dev.steward.safety.policy.Roles;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy check before a command, with the real policies on H2 and the clock fixed at 22:00 in Berlin. */
class CommandGateTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Clock TEN_PM_BERLIN = Clock.fixed(Instant.parse("2026-11-21T21:00:00Z"), ZoneOffset.UTC);
    private static final RoomId ROOM = RoomId.of("!family:family.example");
    private static final UserId KID = UserId.of("@kid:family.example");
    private static final UserId DAD = UserId.of("@dad:family.example");

    @TempDir
    Path dir;
    private Vertx vertx;
    private AuditLog audit;
    private CommandGate gate;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(dir.resolve("steward")));
        SafetySchema.migrate(dataSource);
        audit = new AuditLog(dataSource, TEN_PM_BERLIN);
        Policies policies = new Policies(new PolicyResolver(Roles.defaults(),
                new MemberRoles(List.of(new MemberRoles.Assignment("@kid:family.example", "child")), "adult"),
                Map.of(100, "admin")), new OverrideStore(dataSource, TEN_PM_BERLIN), audit);
        gate = new CommandGate(vertx, new AtPowerLevelZero(vertx, policies), audit, TEN_PM_BERLIN, BERLIN, "!");
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    private Optional<String> check(UserId sender, String command) {
        var json = Json.object().put("event_id", "$e").put("type", "m.room.message").put("room_id", ROOM.value())
                .put("sender", sender.value());
        json.putObject("content").put("msgtype", "m.text").put("body", "!" + command);
        return Await.result(gate.check(new Invocation(MatrixEvent.from(json), command, ""), true));
    }

    @Test
    void aChildsRequestAt22IsRefusedForQuietHoursAndAnAdultsIsNot() {
        assertThat(check(KID, "remember")).contains("It's quiet time now, so I'm not answering that. Ask me again"
                + " after 07:00.");
        assertThat(check(DAD, "remember")).isEmpty();
    }

    @Test
    void commandsThatOnlyShowOrExplainWorkDuringQuietHours() {
        assertThat(check(KID, "help")).isEmpty();
        assertThat(check(KID, "policy")).isEmpty();
    }

    @Test
    void aCommandOffTheAllowListIsRefusedAndEveryRefusalIsAudited() {
        assertThat(check(KID, "run")).contains("Sorry, !run is not available to you here. Send !policy to see what"
                + " you can use.");
        check(KID, "remember");

        assertThat(audit.latest(10)).extracting(AuditEntry::rule, AuditEntry::action, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("quiet_hours", "refused", "command remember"),
                        org.assertj.core.groups.Tuple.tuple("commands", "refused", "command run"));
    }

    /** The port as the bot implements it, for a room where everyone has power level 0. */
    private record AtPowerLevelZero(Vertx vertx, Policies policies) implements MemberPolicies {
        @Override
        public Future<EffectivePolicy> effective(RoomId room, UserId member) {
            return vertx.executeBlocking(() -> policies.effective(member, 0));
        }

        @Override
        public Future<Boolean> isAdmin(RoomId room, UserId member) {
            return vertx.executeBlocking(() -> policies.isAdmin(member, 0));
        }

        @Override
        public Future<EffectivePolicy> set(RoomId room, UserId by, UserId member, String key, String value) {
            return vertx.executeBlocking(() -> policies.set(room, by, 0, member, key, value, 0));
        }

        @Override
        public Future<Integer> reset(RoomId room, UserId by, UserId member, Optional<String> key) {
            return vertx.executeBlocking(() -> policies.reset(room, by, 0, member, key));
        }

        @Override
        public Future<List<AuditEntry>> audit(RoomId room, UserId by, int count) {
            return vertx.executeBlocking(() -> policies.audit(room, by, 0, count));
        }
    }
}
