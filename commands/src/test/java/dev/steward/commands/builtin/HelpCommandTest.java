package dev.steward.commands.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.commands.CommandParser;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.CommandStrings;
import dev.steward.commands.Outcome;
import dev.steward.commands.RecordingReplies;
import dev.steward.commands.TestMessages;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code !help}: the list of commands generated from the registry, and the details of one. */
class HelpCommandTest {
    private final CommandRegistry registry = new CommandRegistry();
    private final RecordingReplies replies = new RecordingReplies();

    HelpCommandTest() {
        registry.register(HelpCommand.spec(registry))
                .register(PingCommand.spec(Clock.systemUTC()))
                .register(new CommandSpec("recall", List.of("search", "find"), "recall <query>",
                        "search this room's memory", 0, context -> Future.succeededFuture()));
    }

    private Outcome send(String prefix, String body) {
        var invocation = new CommandParser(prefix).parse(TestMessages.text(body)).orElseThrow();
        return registry.dispatch(invocation, replies, prefix).result();
    }

    @Test
    void listsEveryCommandInRegistrationOrderWithTheFooter() {
        assertThat(send("!", "!help")).isEqualTo(Outcome.OK);

        assertThat(replies.onlyText()).isEqualTo("""
                Commands you can use here:
                !help [command] — the commands you can use, or more about one
                !ping — checks that I answer, with the round trip
                !recall <query> — search this room's memory

                Send !help <command> for more about one of them.""");
        assertThat(replies.onlyText()).startsWith(CommandStrings.HELP_TITLE).endsWith(CommandStrings.helpFooter("!"));
        assertThat(replies.notices().get(0).purpose()).isEqualTo("help:answer");
    }

    @Test
    void aCommandRegisteredLaterAppearsInTheList() {
        registry.register(CommandSpec.everyone("status", "status", "health", context -> Future.succeededFuture()));

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
    void asksForOneCommandAtATime() {
        assertThat(send("!", "!help ping recall")).isEqualTo(Outcome.BAD_ARGUMENTS);

        assertThat(replies.onlyText()).isEqualTo("Ask about one command at a time.\nUsage: !help [command]");
    }
}
