package dev.steward.commands.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.commands.Caller;
import dev.steward.commands.CommandParser;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.CommandStrings;
import dev.steward.commands.Outcome;
import dev.steward.commands.Family;
import dev.steward.commands.RecordingReplies;
import dev.steward.commands.Subcommand;
import dev.steward.commands.TestMessages;
import dev.steward.safety.authority.Permission;
import dev.steward.safety.authority.Power;
import io.vertx.core.Future;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code !help}: the list of commands generated from the registry, and the details of one. */
class HelpCommandTest {
    private final CommandRegistry registry = Family.registry();
    private final RecordingReplies replies = new RecordingReplies();

    HelpCommandTest() {
        register(registry);
    }

    private static void register(CommandRegistry registry) {
        registry.register(HelpCommand.spec(registry))
                .register(PingCommand.spec(Clock.systemUTC()))
                .register(CommandSpec.of("recall", "recall <query>", "search this room's memory",
                        context -> Future.succeededFuture()).withAliases("search", "find"));
    }

    private Outcome send(String prefix, String body) {
        return send(prefix, body, Family.sender());
    }

    private Outcome send(String prefix, String body, Caller caller) {
        CommandRegistry using = prefix.equals("!") ? registry : Family.registry(prefix);
        if (using != registry) {
            register(using);
        }
        var invocation = new CommandParser(prefix).parse(TestMessages.text(body)).orElseThrow();
        return using.dispatch(invocation, caller, replies).result();
    }

    @Test
    void listsEveryCommandInRegistrationOrderWithTheFooter() {
        assertThat(send("!", "!help")).isEqualTo(Outcome.OK);

        assertThat(replies.onlyText()).isEqualTo("""
                Commands you can use here:
                !help [command] — the commands you can use here, or more about one
                !ping — checks that I answer, with the round trip
                !recall <query> — search this room's memory

                Send !help <command> for more about one of them.""");
        assertThat(replies.onlyText()).startsWith(CommandStrings.HELP_TITLE).endsWith(CommandStrings.helpFooter("!"));
        assertThat(replies.notices().get(0).purpose()).isEqualTo("help:answer");
    }

    @Test
    void aCommandRegisteredLaterAppearsInTheList() {
        registry.register(CommandSpec.of("status", "status", "health", context -> Future.succeededFuture()));

        send("!", "!help");

        assertThat(replies.onlyText()).contains("\n!status — health\n");
    }

    @Test
    void usesTheConfiguredPrefixEverywhere() {
        send("?", "?help");

        assertThat(replies.onlyText())
                .contains("?help [command] — ", "?ping — ", "?recall <query> — ")
                .endsWith("Send ?help <command> for more about one of them.")
                .doesNotContain("!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!help ping", "!help !ping", "!help PING", "!HELP Ping"})
    void explainsOneCommand(String body) {
        assertThat(send("!", body)).isEqualTo(Outcome.OK);

        assertThat(replies.onlyText()).isEqualTo("!ping — checks that I answer, with the round trip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!help recall", "!help find"})
    void explainsACommandWithItsAliases(String body) {
        send("!", body);

        assertThat(replies.onlyText()).isEqualTo("!recall <query> — search this room's memory\nAlso: !search, !find");
    }

    @Test
    void anUnknownCommandIsAnsweredWithTheUsage() {
        assertThat(send("!", "!help deploy")).isEqualTo(Outcome.BAD_ARGUMENTS);

        assertThat(replies.onlyText()).isEqualTo("There is no command !deploy.\nUsage: !help [command]");
    }

    @Test
    void listsOnlyWhatThisMemberMayUseHereWithTheFormsTheirPowersAllow() {
        registry.register(CommandSpec.of("policy", "policy", "your policy", context -> Future.succeededFuture())
                        .always().withSubcommands(Subcommand.word("set", "policy set @user <key> <value>",
                                "change a member's policy", Permission.of(Power.POLICY_CHANGE))))
                .register(CommandSpec.of("audit", "audit", "the audit log", context -> Future.succeededFuture())
                        .needing(Permission.of(Power.AUDIT_READ)))
                .register(CommandSpec.of("forget", "forget <id>", "forget", context -> Future.succeededFuture()));

        send("!", "!help", Family.caller(Family.CHILD, 100));
        send("!", "!help", Family.caller(Family.PARENT, 0));

        assertThat(replies.notices().get(0).text()).as("a child at power level 100 in their own room")
                .contains("!policy — your policy", "!recall <query>")
                .doesNotContain("policy set", "!audit", "!forget");
        assertThat(replies.notices().get(1).text()).as("an admin")
                .contains("!policy — your policy\n  !policy set @user <key> <value> — change a member's policy",
                        "!audit — the audit log", "!forget <id>");
    }

    @Test
    void aCommandTheMemberMayNotUseIsNotExplainedEither() {
        registry.register(CommandSpec.of("audit", "audit", "the audit log", context -> Future.succeededFuture())
                .needing(Permission.of(Power.AUDIT_READ)));

        assertThat(send("!", "!help audit")).isEqualTo(Outcome.BAD_ARGUMENTS);
        assertThat(replies.onlyText()).startsWith("There is no command !audit.");
    }

    @Test
    void asksForOneCommandAtATime() {
        assertThat(send("!", "!help ping recall")).isEqualTo(Outcome.BAD_ARGUMENTS);

        assertThat(replies.onlyText()).isEqualTo("Ask about one command at a time.\nUsage: !help [command]");
    }
}
