package dev.steward.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.safety.authority.Permission;
import dev.steward.safety.authority.Power;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Registering commands and answering each way a command can end: done, unknown, denied by authority, refused by the
 * member's policy, misused, refused by the handler, broken. Every refusal is recorded.
 */
class CommandRegistryTest {
    private final RecordingReplies replies = new RecordingReplies();
    private final List<String> handled = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final RefusalLog log = (caller, rule, what) -> {
        refusals.add(caller.member() + " " + rule + ": " + what);
        return Future.succeededFuture();
    };

    private CommandSpec command(String name, Function<CommandContext, Future<Void>> handler) {
        return CommandSpec.of(name, name + " <thing>", "does " + name, context -> {
            handled.add(context.invocation().name() + " " + context.arguments());
            return handler.apply(context);
        });
    }

    private CommandSpec answering(String name, String answer) {
        return command(name, context -> context.reply(answer).mapEmpty());
    }

    private static CommandSpec withAliases(String name, String... aliases) {
        return CommandSpec.of(name, name, "does " + name, context -> Future.succeededFuture()).withAliases(aliases);
    }

    private CommandRegistry registry() {
        return Family.registry(log);
    }

    private Outcome dispatch(CommandRegistry registry, String body, Caller caller) {
        Future<Outcome> outcome = registry.dispatch(TestMessages.command(body), caller, replies);
        assertThat(outcome.succeeded()).as("dispatch of %s: %s", body, outcome.cause()).isTrue();
        return outcome.result();
    }

    private Outcome dispatch(CommandRegistry registry, String body) {
        return dispatch(registry, body, Family.sender());
    }

    @Test
    void aSecondCommandWithTheSameNameIsRejectedAtRegistration() {
        CommandRegistry registry = registry().register(answering("ping", "pong"));

        assertThatThrownBy(() -> registry.register(answering("ping", "again")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two commands are named 'ping'");
        assertThat(registry.all()).extracting(CommandSpec::name).containsExactly("ping");
    }

    @Test
    void anAliasMayNotTakeAnotherCommandsNameOrAlias() {
        CommandRegistry registry = registry().register(withAliases("status", "st"));

        assertThatThrownBy(() -> registry.register(withAliases("stop", "status")))
                .hasMessage("two commands are named 'status'");
        assertThatThrownBy(() -> registry.register(withAliases("start", "st")))
                .hasMessage("two commands are named 'st'");
        assertThatThrownBy(() -> registry.register(withAliases("st")))
                .hasMessage("two commands are named 'st'");
        assertThat(registry.find("stop")).isEmpty();
        assertThat(registry.find("start")).isEmpty();
    }

    @Test
    void commandsAreFoundByNameAndAliasAndListedInRegistrationOrder() {
        CommandRegistry registry = registry()
                .register(withAliases("status", "st", "health"))
                .register(withAliases("ask"));

        assertThat(registry.find("health")).map(CommandSpec::name).contains("status");
        assertThat(registry.find("ask")).map(CommandSpec::name).contains("ask");
        assertThat(registry.all()).extracting(CommandSpec::name).containsExactly("status", "ask");
    }

    @Test
    void aKnownCommandRunsItsHandlerAndAnswers() {
        CommandRegistry registry = registry().register(answering("ping", "pong"));

        assertThat(dispatch(registry, "!ping now")).isEqualTo(Outcome.OK);

        assertThat(handled).containsExactly("ping now");
        assertThat(replies.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.text()).isEqualTo("pong");
            assertThat(notice.purpose()).isEqualTo("ping:answer");
            assertThat(notice.source().body()).isEqualTo("!ping now");
        });
    }

    @Test
    void anAliasRunsTheSameHandler() {
        CommandRegistry registry = registry().register(CommandSpec.of("status", "status", "health",
                context -> context.reply("all good").mapEmpty()).withAliases("st"));

        assertThat(dispatch(registry, "!st")).isEqualTo(Outcome.OK);
        assertThat(replies.onlyText()).isEqualTo("all good");
    }

    @Test
    void anUnknownCommandIsAnsweredWithTheNearestKnownOne() {
        CommandRegistry registry = registry().register(answering("ping", "pong")).register(answering("status", "ok"));

        assertThat(dispatch(registry, "!pnig")).isEqualTo(Outcome.UNKNOWN);

        assertThat(replies.onlyText())
                .isEqualTo(CommandStrings.unknownWithSuggestion("!", "pnig", "ping"))
                .isEqualTo("I don't know the command !pnig. Did you mean !ping?");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("unknown-command");
        assertThat(handled).isEmpty();
    }

    @Test
    void anUnknownCommandFarFromEveryNamePointsToHelp() {
        CommandRegistry registry = registry().register(answering("ping", "pong"));

        assertThat(dispatch(registry, "!deploy prod")).isEqualTo(Outcome.UNKNOWN);

        assertThat(replies.onlyText())
                .isEqualTo("I don't know the command !deploy. Send !help to see what I can do.");
    }

    @Test
    void aGlobalPowerIsRefusedToAMemberWithoutTheRoleWhateverTheirPowerLevelAndTheRefusalIsRecorded() {
        CommandRegistry registry = registry().register(command("audit", context -> context.reply("log").mapEmpty())
                .needing(Permission.of(Power.AUDIT_READ)).always());

        assertThat(dispatch(registry, "!audit", Family.caller(Family.CHILD, 100))).isEqualTo(Outcome.DENIED);

        assertThat(handled).isEmpty();
        assertThat(replies.onlyText()).isEqualTo("Only admins can read the audit log.");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("audit:denied");
        assertThat(refusals).containsExactly(Family.CHILD + " audit.read: command !audit");
    }

    @Test
    void theRoleHoldsTheGlobalPowerAtPowerLevelZero() {
        CommandRegistry registry = registry().register(command("audit", context -> context.reply("log").mapEmpty())
                .needing(Permission.of(Power.AUDIT_READ)).always());

        assertThat(dispatch(registry, "!audit", Family.caller(Family.PARENT, 0))).isEqualTo(Outcome.OK);
        assertThat(refusals).isEmpty();
    }

    @Test
    void aRoomPowerComesWithTheRoomsPowerLevelOnly() {
        CommandRegistry registry = registry().register(answering("model", "room default").always()
                .withSubcommands(new Subcommand("model <name>", "set it", Permission.of(Power.ROOM_MODEL),
                        (words, sender) -> !words.isEmpty())));

        assertThat(dispatch(registry, "!model", Family.caller(Family.CHILD, 0))).as("the form without arguments")
                .isEqualTo(Outcome.OK);
        assertThat(dispatch(registry, "!model cloud", Family.caller(Family.CHILD, 99))).isEqualTo(Outcome.DENIED);
        assertThat(dispatch(registry, "!model cloud", Family.caller(Family.CHILD, 100))).isEqualTo(Outcome.OK);
        assertThat(handled).containsExactly("model ", "model cloud");
        assertThat(refusals).containsExactly(Family.CHILD + " room.model: command !model");
    }

    @Test
    void aFormAboutOthersNeedsItsPowerWhileTheSameFormAboutOneselfDoesNot() {
        CommandRegistry registry = registry().register(answering("policy", "shown").always().withSubcommands(
                Subcommand.aboutOthers(0, "policy @user", "another's", Permission.of(Power.POLICY_VIEW))));

        assertThat(dispatch(registry, "!policy " + Family.SENDER)).isEqualTo(Outcome.OK);
        assertThat(dispatch(registry, "!policy " + Family.PARENT)).isEqualTo(Outcome.DENIED);
        assertThat(dispatch(registry, "!policy " + Family.SENDER, Family.caller(Family.PARENT, 0)))
                .isEqualTo(Outcome.OK);
    }

    @Test
    void aCommandTheMembersPolicyDoesNotListIsRefusedAndRecorded() {
        CommandRegistry registry = registry().register(answering("forget", "forgotten"));

        assertThat(dispatch(registry, "!forget 3", Family.caller(Family.CHILD, 100))).isEqualTo(Outcome.REFUSED);

        assertThat(handled).isEmpty();
        assertThat(replies.onlyText()).isEqualTo(CommandStrings.notAllowed("!", "forget"));
        assertThat(replies.notices().get(0).purpose()).isEqualTo("forget:policy-refusal");
        assertThat(refusals).containsExactly(Family.CHILD + " commands: command !forget");
    }

    @Test
    void quietHoursRefuseACommandByPolicyButNotOneThatIsAlwaysAvailable() {
        CommandRegistry registry = new CommandRegistry(Family.AUTHORITY, new PolicyGate(
                java.time.Clock.fixed(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, "!"), log)
                .register(answering("ask", "an answer"))
                .register(answering("budget", "left").always());
        Caller child = Family.caller(Family.CHILD, 0);

        assertThat(dispatch(registry, "!ask why", child)).isEqualTo(Outcome.REFUSED);
        assertThat(dispatch(registry, "!budget", child)).isEqualTo(Outcome.OK);

        assertThat(replies.notices().get(0).text()).startsWith("It's quiet time now").endsWith("after 07:00.");
        assertThat(refusals).containsExactly(Family.CHILD + " quiet_hours: command !ask");
    }

    @Test
    void aRequestWithoutACommandIsAdmittedByTheSameChecks() {
        CommandRegistry registry = registry().register(answering("forget", "forgotten"));
        Invocation asIf = new Invocation(TestMessages.text("@steward:localhost forget this"), "forget", "this");

        assertThat(registry.admit(asIf, Family.sender()).result()).isEmpty();
        assertThat(registry.admit(asIf, Family.caller(Family.CHILD, 0)).result())
                .contains(CommandStrings.notAllowed("!", "forget"));
        assertThat(handled).as("admitting runs nothing").isEmpty();
        assertThat(refusals).containsExactly(Family.CHILD + " commands: command !forget");
    }

    @Test
    void badArgumentsAreAnsweredWithTheProblemAndTheUsageOfTheFormsTheMemberMayUse() {
        CommandRegistry registry = registry().register(command("policy", context -> {
            throw new BadArgumentsException("I did not understand that.");
        }).always().withSubcommands(
                Subcommand.word("set", "policy set @user <key> <value>", "change", Permission.of(Power.POLICY_CHANGE)),
                Subcommand.word("show", "policy show", "show", Permission.EVERYONE)));

        assertThat(dispatch(registry, "!policy what")).isEqualTo(Outcome.BAD_ARGUMENTS);

        assertThat(replies.onlyText()).isEqualTo("I did not understand that.\nUsage: !policy <thing> | !policy show");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("policy:usage");
    }

    @Test
    void aFailedFutureWithBadArgumentsIsAnsweredTheSameWay() {
        CommandRegistry registry = registry().register(command("forget",
                context -> Future.failedFuture(new BadArgumentsException("Which memory?"))));

        assertThat(dispatch(registry, "!forget")).isEqualTo(Outcome.BAD_ARGUMENTS);
        assertThat(replies.onlyText()).isEqualTo("Which memory?\nUsage: !forget <thing>");
    }

    @Test
    void aUserFacingExceptionIsShownAsItIs() {
        CommandRegistry registry = registry().register(command("ack",
                context -> Future.failedFuture(new UserFacingException("Incident 7 is already resolved."))));

        assertThat(dispatch(registry, "!ack 7")).isEqualTo(Outcome.REFUSED);

        assertThat(replies.onlyText()).isEqualTo("Incident 7 is already resolved.");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("ack:refused");
    }

    @Test
    void aPermissionThatDependsOnTheSubjectIsCheckedByTheHandlerTheSameWay() {
        CommandRegistry registry = registry().register(command("forget",
                context -> context.require(Power.ROOM_FORGET, "forget another member's memory")
                        .compose(allowed -> context.reply("forgotten")).mapEmpty()));

        assertThat(dispatch(registry, "!forget 12")).isEqualTo(Outcome.DENIED);
        assertThat(dispatch(registry, "!forget 12", Family.caller(Family.SENDER, 100))).isEqualTo(Outcome.OK);

        assertThat(replies.notices()).extracting(RecordingReplies.Notice::text).containsExactly(
                "Only this room's admins (power level 100 here) and admins can forget other members' memories of"
                        + " this room.", "forgotten");
        assertThat(refusals).containsExactly(Family.SENDER + " room.forget: forget another member's memory");
    }

    @Test
    void anUnexpectedExceptionIsAnsweredGenericallyWithoutItsDetails() {
        CommandRegistry registry = registry().register(command("ask", context -> {
            throw new IllegalStateException("connection pool exhausted: jdbc:h2:/secret/path");
        }));

        assertThat(dispatch(registry, "!ask why")).isEqualTo(Outcome.FAILED);

        assertThat(replies.onlyText()).isEqualTo(CommandStrings.FAILED).doesNotContain("jdbc");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("ask:failed");
    }

    @Test
    void eachKindOfAnswerHasItsOwnPurposeSoRetriesNeverPostTwice() {
        CommandRegistry registry = registry()
                .register(answering("ping", "pong"))
                .register(command("admin", context -> Future.succeededFuture()).needing(
                        Permission.of(Power.POLICY_CHANGE)))
                .register(command("usage", context -> Future.failedFuture(new BadArgumentsException("no"))))
                .register(command("refuse", context -> Future.failedFuture(new UserFacingException("no"))))
                .register(command("broken", context -> Future.failedFuture(new RuntimeException("no"))));

        for (String body : List.of("!ping", "!admin", "!usage", "!refuse", "!broken", "!nothing")) {
            dispatch(registry, body);
        }

        assertThat(replies.notices()).extracting(RecordingReplies.Notice::purpose).containsExactly(
                "ping:answer", "admin:denied", "usage:usage", "refuse:refused", "broken:failed", "unknown-command");
    }

    @Test
    void dispatchFailsOnlyWhenNoAnswerCouldBeSent() {
        CommandRegistry registry = registry().register(answering("ping", "pong"));
        replies.failSending();

        Future<Outcome> unknown = registry.dispatch(TestMessages.command("!pnig"), Family.sender(), replies);
        Future<Outcome> known = registry.dispatch(TestMessages.command("!ping"), Family.sender(), replies);

        assertThat(unknown.failed()).isTrue();
        assertThat(known.failed()).isTrue();
        assertThat(known.cause()).hasMessage("homeserver unreachable");
    }
}
