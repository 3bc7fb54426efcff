package dev.steward.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.homeserver.event.MatrixEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which messages are commands, and which command with which arguments. */
class CommandParserTest {
    /** What the parser should find: a command name and its arguments, or nothing (null name). */
    record Expected(String name, String arguments) {
        static Expected command(String name, String arguments) {
            return new Expected(name, arguments);
        }

        static final Expected NONE = new Expected(null, null);
    }

    static List<Arguments> messages() {
        return List.of(
                argumentSet("a bare command", "!", "!ping", Expected.command("ping", "")),
                argumentSet("upper case is lower-cased", "!", "!PING", Expected.command("ping", "")),
                argumentSet("mixed case", "!", "!Status", Expected.command("status", "")),
                argumentSet("one argument", "!", "!help ping", Expected.command("help", "ping")),
                argumentSet("arguments keep their case", "!", "!remember Wi-Fi is Hunter2",
                        Expected.command("remember", "Wi-Fi is Hunter2")),
                argumentSet("spaces around arguments are dropped", "!", "!help    ping  ",
                        Expected.command("help", "ping")),
                argumentSet("arguments over several lines", "!", "!ask what is\nthis?",
                        Expected.command("ask", "what is\nthis?")),
                argumentSet("a tab ends the name", "!", "!help\tping", Expected.command("help", "ping")),
                argumentSet("leading spaces", "!", "   !ping", Expected.command("ping", "")),
                argumentSet("leading newline", "!", "\n!ping", Expected.command("ping", "")),
                argumentSet("space after the prefix", "!", "! ping", Expected.NONE),
                argumentSet("the prefix alone", "!", "!", Expected.NONE),
                argumentSet("the prefix and spaces", "!", "!   ", Expected.NONE),
                argumentSet("plain chat", "!", "hello everyone", Expected.NONE),
                argumentSet("a command name without prefix", "!", "ping", Expected.NONE),
                argumentSet("the prefix later in the text", "!", "please !ping", Expected.NONE),
                argumentSet("an empty body", "!", "", Expected.NONE),
                argumentSet("configured prefix ?", "?", "?ping", Expected.command("ping", "")),
                argumentSet("default prefix when ? is configured", "?", "!ping", Expected.NONE),
                argumentSet("two-character prefix", "!!", "!!help ask", Expected.command("help", "ask")),
                argumentSet("half of a two-character prefix", "!!", "!ping", Expected.NONE),
                argumentSet("reply fallback, command after the quote", "!",
                        "> <@a:b> quoted\n\n!ping", Expected.command("ping", "")),
                argumentSet("reply fallback quoting several lines", "!",
                        "> <@a:b> first\n> second\n\n!help status", Expected.command("help", "status")),
                argumentSet("reply fallback quoting a command, answered with chat", "!",
                        "> <@a:b> !ping\n\nthanks!", Expected.NONE),
                argumentSet("a quote without a reply", "!", "> <@a:b> !ping", Expected.NONE));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void findsTheCommandInAMessage(String prefix, String body, Expected expected) {
        MatrixEvent message = TestMessages.text(body);

        Optional<Invocation> parsed = new CommandParser(prefix).parse(message);

        if (expected.name() == null) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).hasValueSatisfying(invocation -> {
                assertThat(invocation.name()).isEqualTo(expected.name());
                assertThat(invocation.arguments()).isEqualTo(expected.arguments());
                assertThat(invocation.event()).isSameAs(message);
            });
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "! ", "a b", "\t"})
    void refusesAPrefixThatIsEmptyOrHasSpaces(String prefix) {
        assertThatThrownBy(() -> new CommandParser(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the command prefix must be non-empty and without spaces");
    }
}
