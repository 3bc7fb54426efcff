package dev.steward.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registering commands and answering each way a command can end: done, unknown, denied, misused, refused, broken. */
class CommandRegistryTest {
    private final RecordingReplies replies = new RecordingReplies();
    private final List<String> handled = new ArrayList<>();

    private CommandSpec command(String name, int level, Function<CommandContext, Future<Void>> handler) {
        return new CommandSpec(name, List.of(), name + " <thing>", "does " + name, level, context -> {
            handled.add(context.invocation().name() + " " + context.arguments());
            return handler.apply(context);
        });
    }

    private CommandSpec answering(String name, String answer) {
        return command(name, 0, context -> context.reply(answer).mapEmpty());
    }

    private static CommandSpec withAliases(String name, List<String> aliases) {
        return new CommandSpec(name, aliases, name, "does " + name, 0, context -> Future.succeededFuture());
    }

    private Outcome dispatch(CommandRegistry registry, String body) {
        Future<Outcome> outcome = registry.dispatch(TestMessages.command(body), replies, "!");
        assertThat(outcome.succeeded()).as("dispatch of %s: %s", body, outcome.cause()).isTrue();
        return outcome.result();
    }

    @Test
    void aSecondCommandWithTheSameNameIsRejectedAtRegistration() {
        CommandRegistry registry = new CommandRegistry().register(answering("ping", "pong"));

        assertThatThrownBy(() -> registry.register(answering("ping", "again")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two commands are named 'ping'");
        assertThat(registry.all()).extracting(CommandSpec::name).containsExactly("ping");
    }

    @Test
    void anAliasMayNotTakeAnotherCommandsNameOrAlias() {
        CommandRegistry registry = new CommandRegistry().register(withAliases("status", List.of("st")));

        assertThatThrownBy(() -> registry.register(withAliases("stop", List.of("status"))))
                .hasMessage("two commands are named 'status'");
        assertThatThrownBy(() -> registry.register(withAliases("start", List.of("st"))))
                .hasMessage("two commands are named 'st'");
        assertThatThrownBy(() -> registry.register(withAliases("st", List.of())))
                .hasMessage("two commands are named 'st'");
        assertThat(registry.find("stop")).isEmpty();
        assertThat(registry.find("start")).isEmpty();
    }

    @Test
    void commandsAreFoundByNameAndAliasAndListedInRegistrationOrder() {
        CommandRegistry registry = new CommandRegistry()
                .register(withAliases("status", List.of("st", "health")))
                .register(withAliases("ask", List.of()));

        assertThat(registry.find("health")).map(CommandSpec::name).contains("status");
        assertThat(registry.find("ask")).map(CommandSpec::name).contains("ask");
        assertThat(registry.all()).extracting(CommandSpec::name).containsExactly("status", "ask");
    }

    @Test
    void aKnownCommandRunsItsHandlerAndAnswers() {
        CommandRegistry registry = new CommandRegistry().register(answering("ping", "pong"));

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
        CommandRegistry registry = new CommandRegistry()
                .register(new CommandSpec("status", List.of("st"), "status", "health", 0,
                        context -> context.reply("all good").mapEmpty()));

        assertThat(dispatch(registry, "!st")).isEqualTo(Outcome.OK);
        assertThat(replies.onlyText()).isEqualTo("all good");
    }

    @Test
    void anUnknownCommandIsAnsweredWithTheNearestKnownOne() {
        CommandRegistry registry = new CommandRegistry()
                .register(answering("ping", "pong"))
                .register(answering("status", "ok"));

        assertThat(dispatch(registry, "!pnig")).isEqualTo(Outcome.UNKNOWN);

        assertThat(replies.onlyText())
                .isEqualTo(CommandStrings.unknownWithSuggestion("!", "pnig", "ping"))
                .isEqualTo("I don't know the command !pnig. Did you mean !ping?");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("unknown-command");
        assertThat(handled).isEmpty();
    }

    @Test
    void anUnknownCommandFarFromEveryNamePointsToHelp() {
        CommandRegistry registry = new CommandRegistry().register(answering("ping", "pong"));

        assertThat(dispatch(registry, "!deploy prod")).isEqualTo(Outcome.UNKNOWN);

        assertThat(replies.onlyText())
                .isEqualTo(CommandStrings.unknown("!", "deploy"))
                .isEqualTo("I don't know the command !deploy. Send !help to see what I can do.");
    }

    @Test
    void aMemberBelowTheRequiredPowerLevelIsDenied() {
        CommandRegistry registry = new CommandRegistry().register(command("silence", 50, context -> {
            throw new AssertionError("the handler must not run");
        }));
        replies.powerLevel(0);

        assertThat(dispatch(registry, "!silence 42")).isEqualTo(Outcome.DENIED);

        assertThat(replies.onlyText())
                .isEqualTo(CommandStrings.denied("!", "silence"))
                .isEqualTo("Sorry, !silence needs a higher power level in this room.");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("silence:denied");
        assertThat(replies.powerLevelQueries()).containsExactly(new RecordingReplies.PowerLevelQuery(
                RoomId.of(TestMessages.ROOM), UserId.of(TestMessages.SENDER)));
        assertThat(handled).isEmpty();
    }

    @ParameterizedTest(name = "power level {0} -> {1}")
    @CsvSource({"49, DENIED", "50, OK", "100, OK"})
    void theRequiredPowerLevelIsAMinimum(int level, Outcome expected) {
        CommandRegistry registry = new CommandRegistry()
                .register(command("silence", 50, context -> context.reply("silenced").mapEmpty()));
        replies.powerLevel(level);

        assertThat(dispatch(registry, "!silence 42")).isEqualTo(expected);

        if (expected == Outcome.OK) {
            assertThat(handled).containsExactly("silence 42");
            assertThat(replies.onlyText()).isEqualTo("silenced");
        } else {
            assertThat(handled).isEmpty();
            assertThat(replies.onlyText()).isEqualTo(CommandStrings.denied("!", "silence"));
        }
    }

    @Test
    void aCommandForEveryoneAnswersEvenWhenPowerLevelsCannotBeRead() {
        CommandRegistry registry = new CommandRegistry().register(answering("ping", "pong"));
        replies.failPowerLevels();

        assertThat(dispatch(registry, "!ping")).isEqualTo(Outcome.OK);

        assertThat(replies.onlyText()).isEqualTo("pong");
        assertThat(replies.powerLevelQueries()).isEmpty();
    }

    @Test
    void badArgumentsAreAnsweredWithTheProblemAndTheUsageLine() {
        CommandRegistry registry = new CommandRegistry().register(command("forget", 0, context -> {
            throw new BadArgumentsException("Tell me what to forget.");
        }));

        assertThat(dispatch(registry, "!forget")).isEqualTo(Outcome.BAD_ARGUMENTS);

        assertThat(replies.onlyText())
                .isEqualTo("Tell me what to forget.\nUsage: !forget <thing>")
                .contains("Usage: !forget <thing>");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("forget:usage");
    }

    @Test
    void aFailedFutureWithBadArgumentsIsAnsweredTheSameWay() {
        CommandRegistry registry = new CommandRegistry().register(command("forget", 0,
                context -> Future.failedFuture(new BadArgumentsException("Which memory?"))));

        assertThat(dispatch(registry, "!forget")).isEqualTo(Outcome.BAD_ARGUMENTS);
        assertThat(replies.onlyText()).isEqualTo("Which memory?\nUsage: !forget <thing>");
    }

    @Test
    void aUserFacingExceptionIsShownAsItIs() {
        CommandRegistry registry = new CommandRegistry().register(command("ack", 0,
                context -> Future.failedFuture(new UserFacingException("Incident 7 is already resolved."))));

        assertThat(dispatch(registry, "!ack 7")).isEqualTo(Outcome.REFUSED);

        assertThat(replies.onlyText()).isEqualTo("Incident 7 is already resolved.");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("ack:refused");
    }

    @Test
    void anUnexpectedExceptionIsAnsweredGenericallyWithoutItsDetails() {
        CommandRegistry registry = new CommandRegistry().register(command("ask", 0, context -> {
            throw new IllegalStateException("connection pool exhausted: jdbc:h2:/secret/path");
        }));

        assertThat(dispatch(registry, "!ask why")).isEqualTo(Outcome.FAILED);

        assertThat(replies.onlyText()).isEqualTo(CommandStrings.FAILED).doesNotContain("jdbc");
        assertThat(replies.notices().get(0).purpose()).isEqualTo("ask:failed");
    }

    @Test
    void aFailedFutureIsAnsweredGenerically() {
        CommandRegistry registry = new CommandRegistry().register(command("ask", 0,
                context -> Future.failedFuture(new RuntimeException("provider timed out"))));

        assertThat(dispatch(registry, "!ask why")).isEqualTo(Outcome.FAILED);
        assertThat(replies.onlyText()).isEqualTo(CommandStrings.FAILED);
    }

    @Test
    void eachKindOfAnswerHasItsOwnPurposeSoRetriesNeverPostTwice() {
        CommandRegistry registry = new CommandRegistry()
                .register(answering("ping", "pong"))
                .register(command("admin", 50, context -> Future.succeededFuture()))
                .register(command("usage", 0, context -> Future.failedFuture(new BadArgumentsException("no"))))
                .register(command("refuse", 0, context -> Future.failedFuture(new UserFacingException("no"))))
                .register(command("broken", 0, context -> Future.failedFuture(new RuntimeException("no"))));

        for (String body : List.of("!ping", "!admin", "!usage", "!refuse", "!broken", "!nothing")) {
            dispatch(registry, body);
        }

        assertThat(replies.notices()).extracting(RecordingReplies.Notice::purpose).containsExactly(
                "ping:answer", "admin:denied", "usage:usage", "refuse:refused", "broken:failed", "unknown-command");
    }

    @Test
    void dispatchFailsOnlyWhenNoAnswerCouldBeSent() {
        CommandRegistry registry = new CommandRegistry().register(answering("ping", "pong"));
        replies.failSending();

        Future<Outcome> unknown = registry.dispatch(TestMessages.command("!pnig"), replies, "!");
        Future<Outcome> known = registry.dispatch(TestMessages.command("!ping"), replies, "!");

        assertThat(unknown.failed()).isTrue();
        assertThat(known.failed()).isTrue();
        assertThat(known.cause()).hasMessage("homeserver unreachable");
    }
}
